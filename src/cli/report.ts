// The zh-CN text report of `yusuan check`: errors, then warnings, then info, each by category, with
// where each finding is.

import { CATEGORIES, KINDS, SCOPES, SEVERITIES, type Category, type Severity } from '../glossary.js';
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
  // What matters first: errors, then warnings, then info; within each, by category (zh-CN titles,
  // no rule ids: those are in the JSON for tools).
  for (const severity of Object.keys(SEVERITIES) as Severity[]) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    lines.push('');
    lines.push(`■ ${SEVERITIES[severity]}（${ofSeverity.length === 0 ? '无' : `${ofSeverity.length} 项`}）`);
    for (const cat of Object.keys(CATEGORIES) as Category[]) {
      const group = ofSeverity.filter((f) => f.category === cat);
      if (group.length === 0) continue;
      lines.push(`  【${CATEGORIES[cat]}】`);
      const shown = severity === 'info' && opts.maxInfo !== undefined ? group.slice(0, opts.maxInfo) : group;
      for (const f of shown) {
        lines.push(`  ${MARK[f.severity]} ${f.title}`);
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
      if (shown.length < group.length) lines.push(`  · 本类另有 ${group.length - shown.length} 项提示（--all 显示全部）`);
    }
  }
  lines.push('');
  lines.push(
    count('error') > 0 ? `结论：发现 ${count('error')} 项错误，需要更正。` : count('warning') > 0 ? '结论：未发现错误，有警告需要核实。' : '结论：未发现问题。',
  );
  return lines.join('\n');
}
