// Table titles are printed with numbering, table numbers, years, and stray spaces. Normalising
// them lets one profile title match "三、部门支出总表（公开表 1-2）" and "部门支出总表".

import type { Profile, ProfileTable } from './types.js';

export function normalizeTitle(text: string): string {
  let s = text
    .replace(/\s+/g, '')
    // Full-width digits and hyphens ("２０２１年", "－不含上年结转") read as their ASCII forms.
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[“”"]/g, '"')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/^[-•·*]+/, '');
  s = s.replace(/^(表[一二三四五六七八九十\d-]+|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、．])/, '');
  s = s.replace(/\((公开表|表)?[\d-]+\)$/, '');
  s = s.replace(/\(?\d{4}年度?\)?$/, '');
  s = s.replace(/\(含[^()]{1,12}\)$/, '');
  // A scope qualifier inside the parentheses ("（按支出功能分类科目-不含上年结转）") does not change the table.
  s = s.replace(/-?(不含|含)[^()-]{1,10}(?=\)$)/, '');
  // …nor does one after the title ("一般公共预算支出表-不含上年结转").
  s = s.replace(/(表)-(不含|含)[^()]{1,10}$/, '$1');
  s = s.replace(/^\d{4}年(度)?/, '');
  // "广州市生态环境局2026年项目支出绩效目标表": the publisher and year before the table's name.
  s = s.replace(/^[^\d()"]{2,30}?\d{4}年度?(?=.{4,}表$)/, '');
  // Who publishes (部门/单位/预算单位/市级部门…) does not change which table it is.
  s = s.replace(/^(市级|区级|县级|省级)?(部门|单位|预算单位|本级)+(?=.{4,})/, '');
  return s;
}

export interface TitleIndex {
  match(text: string): ProfileTable | null;
}

export function buildTitleIndex(profile: Profile): TitleIndex {
  const map = new Map<string, ProfileTable>();
  for (const t of profile.tables) {
    for (const title of [t.title, ...t.aliases]) {
      const key = normalizeTitle(title);
      if (!map.has(key)) map.set(key, t);
    }
  }
  const patterns = profile.tables.flatMap((t) => (t.titlePatterns ?? []).map((p) => ({ re: new RegExp(p), t })));
  return {
    match(text: string) {
      const key = normalizeTitle(text);
      if (key.length < 4 || key.length > 40) return null;
      const direct = map.get(key);
      if (direct) return direct;
      // Patterns describe printed titles; a title ends in 表.
      if (!/表$/.test(key)) return null;
      return patterns.find((p) => p.re.test(key))?.t ?? null;
    },
  };
}

/**
 * A heading over a group of tables ("五、单位预算表", "第二部分 2026年部门预算报表"), which lists or
 * introduces tables but is none itself.
 */
export function isPartHeading(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  const key = normalizeTitle(t);
  return (
    /^(第[一二三四五六七八九十]+部分|附件|附表)/.test(t) ||
    /^(部门|单位)?(综合)?(预算|决算)(报)?表$/.test(key) ||
    /(年度|年)(部门|单位)(综合)?(预算|决算)(公开)?(报)?表$/.test(key)
  );
}

/** Printed table number from a TOC entry such as "（公开表 1-2）". */
export function printedTableNumber(text: string): string | null {
  const m = /(?:公开表|表)\s*([\d]+(?:-\d+)?)/.exec(text.replace(/\s+/g, ' '));
  return m?.[1] ?? null;
}
