import type { Draft, Rule } from '../types.js';
import { tableLabel } from '../support.js';
import { allFundsAreGpb, crossCheck, groupLeaves } from './shared.js';

/** 一般公共预算支出表 each 项 = Σ over units of that 项 in 部门支出总表 (when all money is 一般公共预算). */
export const gpbItemsVsExpenditure: Rule = {
  id: 'reconcile.gpb-items-vs-expenditure',
  title: '一般公共预算支出表与部门支出总表的功能科目不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description: '部门全部资金为一般公共预算时，一般公共预算支出表每个功能科目（项）的合计应等于部门支出总表中各单位该科目合计之和；否则不应大于后者。',
  check({ index }) {
    const t3 = index.table('gpbByFunction');
    const t12 = index.table('expenditureByFunction');
    if (!t3 || !t12 || t12.rows.length === 0) return [];
    const out: Draft[] = [];
    const strict = allFundsAreGpb(index);
    const byItem = groupLeaves(index, t12, 'total', (r) => r.code);
    const mine = groupLeaves(index, t3, 'total', (r) => r.code);
    for (const [code, sum] of mine) {
      const row = sum.values[0]?.row ?? t3.rows.find((r) => r.code === code);
      if (!row) continue;
      const expected = byItem.get(code) ?? { fen: 0, values: [] };
      if (!strict && sum.fen <= expected.fen) continue;
      const d = crossCheck({
        index,
        table: t3,
        row,
        measure: 'total',
        expected,
        what: `${tableLabel(t3)}“${code} ${row.label}”合计`,
        expectedHow: `${tableLabel(t12)}各单位该科目合计之和`,
      });
      if (d) out.push(d);
    }
    if (strict) {
      for (const [code, sum] of byItem) {
        if (mine.has(code) || sum.fen === 0) continue;
        const first = sum.values[0]!;
        out.push({
          message: `${tableLabel(t12)}有功能科目 ${code}“${first.row.label}”合计 ${first.v.fact.value}，但${tableLabel(t3)}没有该科目`,
          expected: null,
          actual: null,
          difference: null,
          unit: t12.unit,
          locations: sum.values.map((x) => ({ line: x.v.fact.source.line, table: t12.id, tableTitle: t12.title, label: x.row.label, value: x.v.fact.value })),
        });
      }
    }
    return out;
  },
};
