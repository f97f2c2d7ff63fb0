import type { Draft, Rule } from '../types.js';
import { money, tableLabel } from '../support.js';
import { matchProjects } from './matching.js';

/** Every project with current-year money has performance targets (carry-over-only projects need none). */
export const missingTargets: Rule = {
  id: 'performance.missing-targets',
  title: '有当年财政拨款的项目缺少绩效目标',
  category: 'performance',
  severity: 'error',
  description:
    '项目支出表中的每个项目，凡安排了当年财政拨款的，都应在项目支出绩效目标表中列出绩效目标。未列出的项目只能全部由上年结转安排：其金额不应超过该功能科目尚未用完的上年结转。',
  check({ index }) {
    const m = matchProjects(index);
    const t32 = index.table('gpbProjects');
    const t6 = index.table('projectPerformance');
    if (!m || !t32 || !t6) return [];
    const out: Draft[] = [];
    const byCode = new Map<string, typeof m.unmatchedRows>();
    for (const r of m.unmatchedRows) byCode.set(r.row.code ?? '', [...(byCode.get(r.row.code ?? '') ?? []), r]);
    for (const [code, rows] of byCode) {
      const left = m.carryLeft.get(code) ?? 0;
      const need = rows.reduce((s, r) => s + r.fen, 0);
      const unit = t32.unit;
      const locs = rows.map((r) => ({ line: r.line, table: t32.id, tableTitle: t32.title, label: `${r.row.unitCode ?? ''} ${r.row.project}`, value: r.value }));
      if (need > left) {
        out.push({
          message:
            `${tableLabel(t32)}功能科目 ${code} 下 ${rows.length} 个项目（${rows.map((r) => `“${r.row.project}” ${r.value}`).join('、')}）没有绩效目标，` +
            `合计 ${money(need, unit)} ${unit}，但该科目可由上年结转安排的只有 ${money(left, unit)} ${unit}，至少 ${money(need - left, unit)} ${unit} 是当年财政拨款却无绩效目标`,
          expected: money(left, unit).replace(/,/g, ''),
          actual: money(need, unit).replace(/,/g, ''),
          difference: money(need - left, unit).replace(/,/g, ''),
          unit,
          locations: locs,
        });
      } else {
        out.push({
          severity: 'info',
          message: `${tableLabel(t32)}功能科目 ${code} 下 ${rows.length} 个项目未列绩效目标（${rows.map((r) => `“${r.row.project}”`).join('、')}，合计 ${money(need, unit)} ${unit}），按全部由上年结转安排处理`,
          expected: null,
          actual: money(need, unit).replace(/,/g, ''),
          difference: null,
          unit,
          locations: locs,
        });
      }
    }
    return out;
  },
};
