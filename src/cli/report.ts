// The zh-CN text report of `yusuan check`: findings grouped by category, each with where it is.

import { CATEGORIES, KINDS, SCOPES, SEVERITIES, type Category } from '../glossary.js';
import type { Disclosure } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { Finding, FindingLocation } from '../rules/types.js';

const MARK = { error: '✗', warning: '!', info: '·' } as const;

export function formatLocation(l: FindingLocation): string {
  const where = [l.page ? `第 ${l.page} 页` : null, `第 ${l.line} 行`].filter(Boolean).join(' ');
  const what = [l.table ? `表${l.table}` : null, l.label || null, l.measure || null].filter(Boolean).join(' ');
  const value = l.value ? ` = ${l.value}` : '';
  return `${where}${what ? `（${what}${value}）` : value}`;
}

export function textReport(doc: Disclosure, profile: Profile, findings: Finding[], opts: { maxInfo?: number } = {}): string {
  const lines: string[] = [];
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(`${doc.meta.title}（${KINDS[doc.meta.kind]}·${SCOPES[doc.meta.scope]}）`);
  lines.push(`文件：${doc.meta.source.file}`);
  lines.push(`模板：${profile.name}（${profile.id}）`);
  const present = doc.tables.filter((t) => t.present).length;
  lines.push(
    `读取：${present} 张表，${doc.facts.length} 个表内数字，${doc.narrative.claims.length} 处说明数字，${doc.performance.projects.length} 个项目绩效目标`,
  );
  lines.push(`检查：错误 ${count('error')} 项，警告 ${count('warning')} 项，提示 ${count('info')} 项`);
  for (const cat of Object.keys(CATEGORIES) as Category[]) {
    const group = findings.filter((f) => f.category === cat);
    lines.push('');
    lines.push(`■ ${CATEGORIES[cat]}（${group.length === 0 ? '未发现问题' : `${group.length} 项`}）`);
    let infos = 0;
    for (const f of group) {
      if (f.severity === 'info' && opts.maxInfo !== undefined && ++infos > opts.maxInfo) continue;
      lines.push(`  ${MARK[f.severity]} [${SEVERITIES[f.severity]}] ${f.title}（${f.rule}）`);
      lines.push(`    ${f.message}`);
      const extra = [
        f.expected !== null ? `应为 ${f.expected}` : null,
        f.actual !== null ? `实为 ${f.actual}` : null,
        f.difference !== null ? `差 ${f.difference}` : null,
      ]
        .filter(Boolean)
        .join('，');
      if (extra && f.expected !== null) lines.push(`    ${extra}${f.unit ? ` ${f.unit}` : ''}`);
      const locs = f.locations.slice(0, 6).map(formatLocation);
      if (locs.length) lines.push(`    位置：${locs.join('；')}${f.locations.length > 6 ? `；等 ${f.locations.length} 处` : ''}`);
    }
    if (opts.maxInfo !== undefined && infos > opts.maxInfo) lines.push(`  · 另有 ${infos - opts.maxInfo} 项提示（--all 显示全部）`);
  }
  lines.push('');
  lines.push(
    count('error') > 0 ? `结论：发现 ${count('error')} 项错误，需要更正。` : count('warning') > 0 ? '结论：未发现错误，有警告需要核实。' : '结论：未发现问题。',
  );
  return lines.join('\n');
}
