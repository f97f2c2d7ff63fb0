import { laidOutByUnit } from '../../profiles/conventions.js';
import type { Rule } from '../types.js';
import type { Draft } from '../types.js';
import { tableLabel } from '../support.js';
import { classOf, crossCheck, groupLeaves } from './shared.js';

/** 收支总表 each 类 = Σ of that 类 in 部门支出总表; 本年支出合计 = 部门支出总表 合计. */
export const summaryVsExpenditure: Rule = {
  id: 'reconcile.summary-classes-vs-expenditure',
  title: '收支总表与部门支出总表不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description: '部门收支总表中各功能类支出应等于部门支出总表中该类各项之和；本年支出合计应等于部门支出总表的合计。',
  check({ index }) {
    const t1 = index.table('summary');
    const t12 = index.table('expenditureByFunction');
    if (!t1 || !t12 || t12.rows.length === 0) return [];
    const out: Draft[] = [];
    const byClass = groupLeaves(index, t12, 'total', classOf);
    const seen = new Set<string>();
    // A 支出总表 laid out by unit (convention expenditure-by-unit) prints no 功能分类 rows: its
    // classes are not 0, they are not there; only the totals compare.
    const byUnit = laidOutByUnit(t12);
    for (const row of byUnit ? [] : t1.rows) {
      if (!row.item?.startsWith('class:') || !row.code) continue;
      seen.add(row.code);
      const expected = byClass.get(row.code) ?? { fen: 0, values: [] };
      const d = crossCheck({
        index,
        table: t1,
        row,
        measure: 'amount',
        expected,
        what: `${tableLabel(t1)}“${row.label}”`,
        expectedHow: `${tableLabel(t12)}该类各项合计之和`,
      });
      if (d) out.push(d);
    }
    for (const [code, sum] of byUnit ? [] : byClass) {
      if (seen.has(code) || sum.fen === 0) continue;
      const row = t1.rows.find((r) => r.item === 'currentYearExpenditure') ?? t1.rows[0]!;
      out.push({
        message: `${tableLabel(t12)}有 ${code} 类支出，但${tableLabel(t1)}没有该类的行`,
        expected: null,
        actual: null,
        difference: null,
        unit: t12.unit,
        locations: [
          { line: row.source.line, table: t1.id },
          ...sum.values.slice(0, 5).map((x) => ({ line: x.v.fact.source.line, table: t12.id, value: x.v.fact.value })),
        ],
      });
    }
    const total = t1.rows.find((r) => r.item === 'currentYearExpenditure');
    const t12Total = index.totalRow(t12);
    const v = t12Total ? index.cell(t12.id, t12Total.index, 'total') : null;
    if (total && v) {
      const d = crossCheck({
        index,
        table: t1,
        row: total,
        measure: 'amount',
        expected: { fen: v.fen, loc: [{ line: v.fact.source.line, table: t12.id, tableTitle: t12.title, label: '合计', value: v.fact.value }] },
        what: `${tableLabel(t1)}“本年支出合计”`,
        expectedHow: `${tableLabel(t12)}合计`,
      });
      if (d) out.push(d);
    }
    return out;
  },
};
