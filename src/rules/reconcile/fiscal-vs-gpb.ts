import type { Draft, Rule } from '../types.js';
import { tableLabel } from '../support.js';
import { classOf, crossCheck, groupLeaves, itemValue } from './shared.js';

/** 财政拨款收支总表's 一般公共预算 column = 一般公共预算支出表, per 类 and in total; its income = 当年 + 上年结转 columns. */
export const fiscalVsGpb: Rule = {
  id: 'reconcile.fiscal-classes-vs-gpb',
  title: '财政拨款收支总表与一般公共预算支出表不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '财政拨款收支总表“一般公共预算”列各功能类支出应等于一般公共预算支出表该类各项之和，合计相同；一般公共预算支出表的当年财政拨款安排合计应等于本年一般公共预算拨款收入，上年结转安排合计应等于上年结转的一般公共预算拨款。',
  check({ index }) {
    const t2 = index.table('fiscalSummary');
    const t3 = index.table('gpbByFunction');
    if (!t2 || !t3 || t3.rows.length === 0) return [];
    const out: Draft[] = [];
    // A 财政拨款收支总表 printed with a single amount column has no 一般公共预算 column to compare.
    if (!index.measures(t2).includes('gpb')) return [];
    const byClass = groupLeaves(index, t3, 'total', classOf);
    for (const row of t2.rows) {
      if (!row.item?.startsWith('class:') || !row.code) continue;
      const d = crossCheck({
        index,
        table: t2,
        row,
        measure: 'gpb',
        expected: byClass.get(row.code) ?? { fen: 0, values: [] },
        what: `${tableLabel(t2)}“${row.label}”一般公共预算列`,
        expectedHow: `${tableLabel(t3)}该类各项之和`,
      });
      if (d) out.push(d);
    }
    const total3 = index.totalRow(t3);
    if (!total3) return out;
    const cmp = (key: string, m2: string, m3: string, label: string, how: string) => {
      const a = itemValue(index, t2, key, m2);
      const v = index.cell(t3.id, total3.index, m3);
      // A column the table does not print (no 当年财政拨款安排 | 上年结转安排 split) is unknown, not 0.
      if (!a || (!v && !t3.measures.includes(m3))) return;
      const d = crossCheck({
        index,
        table: t2,
        row: a.row,
        measure: m2,
        expected: {
          fen: v?.fen ?? 0,
          loc: [{ line: v?.fact.source.line ?? total3.source.line, table: t3.id, tableTitle: t3.title, label: '合计', value: v?.fact.value ?? '' }],
        },
        what: `${tableLabel(t2)}“${label}”`,
        expectedHow: how,
      });
      if (d) out.push(d);
    };
    cmp('currentExpenditure', 'gpb', 'total', '本年支出（一般公共预算）', `${tableLabel(t3)}合计`);
    cmp('currentIncome.gpb', 'amount', 'currentYear', '本年一般公共预算拨款收入', `${tableLabel(t3)}当年财政拨款安排合计`);
    cmp('carryOver.gpb', 'amount', 'carryOver', '上年结转（一般公共预算）', `${tableLabel(t3)}上年结转安排合计`);
    return out;
  },
};
