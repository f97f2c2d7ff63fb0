import type { Draft, Rule } from '../types.js';
import { amountCheck, money, tableLabel } from '../support.js';
import { toFen } from '../../money/amount.js';
import { matchProjects } from '../performance/matching.js';

/**
 * 项目支出绩效目标表 vs 项目支出表: each project's target amount is its current-year share —
 * at most the project amount, short of it by no more than the carry-over of its 科目; the
 * table's total equals the sum of its projects and the project total less carry-over.
 */
export const performanceVsProjects: Rule = {
  id: 'reconcile.performance-vs-projects',
  title: '绩效目标表金额与项目支出表不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '项目支出绩效目标表中每个项目的金额是其当年财政拨款部分：不应大于项目支出表中该项目的金额，差额不应超过该功能科目的上年结转；表中合计应等于各项目之和，并等于项目支出合计减去项目的上年结转。名称略有不同的项目按相似名称配对并提示。',
  check({ doc, index }) {
    const m = matchProjects(index);
    const t6 = index.table('projectPerformance');
    const t32 = index.table('gpbProjects');
    if (!m || !t6 || !t32) return [];
    const out: Draft[] = [];
    const unit = t6.unit;
    const loc6 = (line: number, label: string, value: string | null) => ({ line, table: t6.id, tableTitle: t6.title, label, value: value ?? '' });
    const sumTargets = m.matches.reduce((s, x) => s + (x.amountFen ?? 0), 0);
    const declared = doc.performance.declaredTotal;
    const declaredLine = doc.performance.declaredTotalSource?.line ?? t6.source.line;
    const projectLocs = m.matches.map((x) => loc6(x.project.source.line, x.project.name, x.project.amount));
    if (declared !== null) {
      const d = amountCheck({
        expectedFen: sumTargets,
        actualFen: toFen(declared, unit),
        parts: m.matches.length,
        unit,
        stepFen: index.step(t6),
        what: `${tableLabel(t6)}部门合计`,
        expectedHow: `${m.matches.length} 个项目金额之和`,
        locations: [loc6(declaredLine, '部门合计', declared), ...projectLocs],
      });
      if (d) out.push(d);
      const totalRow = index.totalRow(t32);
      const projectTotal = totalRow
        ? index.fen(t32.id, totalRow.index, 'total')
        : t32.rows.filter((r) => r.kind === 'detail').reduce((s, r) => s + index.fen(t32.id, r.index, 'total'), 0);
      const codes = new Map<string, number>();
      for (const r of t32.rows) if (r.kind === 'detail' && r.code) codes.set(r.code, (codes.get(r.code) ?? 0) + index.fen(t32.id, r.index, 'total'));
      let carry = 0;
      for (const [code, amount] of codes) carry += Math.min(amount, m.carryByCode.get(code) ?? 0);
      const d2 = amountCheck({
        expectedFen: projectTotal - carry,
        actualFen: toFen(declared, unit),
        parts: codes.size + 1,
        unit,
        stepFen: index.step(t6),
        what: `${tableLabel(t6)}部门合计`,
        expectedHow: `${tableLabel(t32)}合计 ${money(projectTotal, unit)} 减去项目的上年结转 ${money(carry, unit)}`,
        locations: [loc6(declaredLine, '部门合计', declared)],
      });
      if (d2) out.push(d2);
    }
    for (const x of m.matches) {
      const p = x.project;
      if (x.match === 'none') {
        out.push({
          severity: 'warning',
          message: `${tableLabel(t6)}项目“${p.name}”（${p.amount ?? '无金额'}）在${tableLabel(t32)}中找不到对应项目`,
          expected: null,
          actual: p.amount,
          difference: null,
          unit,
          locations: [loc6(p.source.line, p.name, p.amount)],
        });
        continue;
      }
      const rowsLoc = x.rows.map((r) => ({ line: r.line, table: t32.id, tableTitle: t32.title, label: `${r.row.code} ${r.row.project}`, value: r.value }));
      if (x.match === 'similar') {
        const printed = [...new Set(x.rows.map((r) => r.row.project))].join('、');
        if (printed.replace(/\s/g, '') !== p.name.replace(/\s/g, ''))
          out.push({
            severity: 'info',
            message: `项目名称不一致：${tableLabel(t6)}为“${p.name}”，${tableLabel(t32)}为“${printed}”，已按同一项目核对`,
            expected: printed,
            actual: p.name,
            difference: null,
            unit: null,
            locations: [loc6(p.source.line, p.name, p.amount), ...rowsLoc],
          });
      }
      if (x.amountFen === null) continue;
      const s = x.rows.reduce((a, r) => a + r.fen, 0);
      const codes = [...new Set(x.rows.map((r) => r.row.code ?? ''))];
      const carry = codes.reduce((a, c) => a + (m.carryByCode.get(c) ?? 0), 0);
      const diff = x.amountFen - s;
      if (diff > 0 || -diff > carry) {
        const how = diff > 0 ? '大于' : carry > 0 ? `比项目支出少 ${money(-diff, unit)}，超过该科目上年结转 ${money(carry, unit)}；` : '小于';
        out.push({
          message: `${tableLabel(t6)}项目“${p.name}”金额 ${money(x.amountFen, unit)} ${how}${tableLabel(t32)}该项目合计 ${money(s, unit)}，相差 ${money(diff, unit)} ${unit}`,
          expected: money(s, unit).replace(/,/g, ''),
          actual: money(x.amountFen, unit).replace(/,/g, ''),
          difference: money(diff, unit).replace(/,/g, ''),
          unit,
          locations: [loc6(p.source.line, p.name, p.amount), ...rowsLoc],
        });
      }
    }
    return out;
  },
};
