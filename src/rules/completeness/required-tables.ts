import type { Draft, Rule } from '../types.js';
import { buildTitleIndex } from '../../profiles/titles.js';

/** Every table the template requires is in the body (an empty one too, with its note). */
export const requiredTables: Rule = {
  id: 'completeness.required-tables',
  title: '缺少必须公开的报表',
  category: 'completeness',
  severity: 'error',
  description:
    '模板规定的每张公开表都应出现在正文中；没有数据的表也应列出空表并注明（财预〔2016〕143号）。目录中列出而正文缺失的表是错误（文件自相矛盾）；目录未列、仅按模板缺少的表是警告（可能以其他标题印出）。',
  check({ doc, profile }) {
    // A part of a publication split over files — its 说明, or an attachment of performance targets
    // only — has the budget tables in another file: they are not missing.
    const budgetTables = doc.tables.filter((t) => t.present && ['statement', 'classTree'].includes(profile.tables.find((s) => s.id === t.id)?.layout ?? ''));
    const performanceOnly = doc.meta.part === 'tables' && budgetTables.length === 0;
    if (doc.meta.part === 'narrative' || performanceOnly)
      return [
        {
          severity: 'info',
          message: `本文件只含${performanceOnly ? '绩效目标表' : '情况说明'}，报表另行发布：${performanceOnly ? '其余' : ''}公开表不在本文件中，未核对；与报表文件一并检查可核对全部内容`,
          expected: null,
          actual: null,
          difference: null,
          unit: null,
          locations: [{ line: 1, label: '全文' }],
        },
      ];
    const titles = buildTitleIndex(profile);
    const out: Draft[] = [];
    for (const spec of profile.tables) {
      if (!spec.required || doc.tables.some((t) => t.id === spec.id && t.present)) continue;
      const toc = doc.toc.filter((e) => titles.match(e.title)?.id === spec.id);
      // Listed in the contents but not printed: the document contradicts itself. Missing only against
      // the template: a probable problem (the table may be printed under a title we do not know).
      out.push({
        ...(toc.length ? {} : { severity: 'warning' as const }),
        message: `缺少公开表${spec.number}“${spec.title}”${toc.length ? `：目录第 ${toc.map((e) => e.source.line).join('、')} 行列出了该表，但正文中没有` : ''}`,
        expected: spec.title,
        actual: null,
        difference: null,
        unit: null,
        locations: toc.length ? toc.map((e) => ({ line: e.source.line, label: `目录：${e.title}` })) : [{ line: 1, label: '全文' }],
      });
    }
    return out;
  },
};
