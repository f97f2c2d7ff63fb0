import type { Draft, Rule } from '../types.js';

// 人员经费 = 301 工资福利 + 303 对个人和家庭的补助; 公用经费 = 302 商品和服务 (+ 310 资本性 in 基本支出).
// 政府预算支出经济分类: 501 机关工资福利 and 509 对个人和家庭的补助 are 人员经费, 502 机关商品和服务
// is 公用经费; 505 对事业单位经常性补助 holds both (工资福利 and 商品和服务), so it is not judged.
const PERSONNEL = ['301', '303', '501', '509'];
const MIXED = ['505'];
/** The name a personnel class goes by in a definition ("人员经费指…“工资福利支出”和“对个人和家庭的补助”"). */
const CLASS_NAME: Record<string, string> = { '301': '工资福利', '501': '工资福利', '303': '对个人和家庭的补助', '509': '对个人和家庭的补助' };

/** What the document's own 名词解释 says 人员经费 is ("人员经费指…"), or ''. */
function personnelDefinition(glossary: { term: string; definition: string }[]): string {
  for (const g of glossary) {
    const text = `${g.term}${g.term === '人员经费' ? '指' : ''}${g.definition}`.replace(/\s+/g, '');
    const m = /人员经费(?:是指|指|包括|包含)([^；;。]*)/.exec(text);
    if (m) return m[1]!;
  }
  return '';
}

/** In the basic-expenditure table, personnel classes fill 人员经费 and the rest 公用经费. */
export const personnelPublicSplit: Rule = {
  id: 'classification.personnel-public-split',
  title: '人员经费与公用经费的经济科目归属错误',
  category: 'classification',
  severity: 'error',
  description:
    '基本支出表中，301 工资福利支出、303 对个人和家庭的补助应列入人员经费；302 商品和服务支出、310 资本性支出等应列入公用经费。按全国口径核对；部分地区模板把个别 303 科目列入公用经费，故为警告；文件自己的名词解释把该科目列入人员经费时，则与自身定义矛盾，为错误。',
  check({ doc, index }) {
    const t = index.table('gpbBasicByEconomic');
    if (!t) return [];
    const definition = personnelDefinition(doc.glossary);
    const out: Draft[] = [];
    for (const row of t.rows) {
      if (!row.code || row.code.length !== 3 || MIXED.includes(row.code)) continue;
      const personnel = PERSONNEL.includes(row.code);
      const wrong = personnel ? 'publicUse' : 'personnel';
      const v = index.cell(t.id, row.index, wrong);
      if (!v || v.fen === 0) continue;
      // The document defines 人员经费 to include this class: then the table contradicts the document itself.
      const own = personnel && definition.includes(CLASS_NAME[row.code]!);
      out.push({
        severity: own ? 'error' : 'warning',
        message: `表${t.id}第 ${row.source.line} 行 ${row.code}“${row.label}”应全部列入${personnel ? '人员经费' : '公用经费'}，但在${personnel ? '公用经费' : '人员经费'}列有 ${v.fact.value}${own ? '（本文件名词解释称人员经费包括该科目）' : ''}`,
        expected: '0',
        actual: v.fact.value,
        difference: v.fact.value,
        unit: t.unit,
        locations: [{ line: v.fact.source.line, table: t.id, tableTitle: t.title, row: row.index, label: `${row.code} ${row.label}`, value: v.fact.value }],
      });
    }
    return out;
  },
};
