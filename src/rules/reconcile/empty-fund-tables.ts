import type { Draft, Rule } from '../types.js';
import { tableLabel } from '../support.js';
import { crossCheck, itemValue } from './shared.js';

const FUNDS: [string, string, string, string | null][] = [
  ['govFundByFunction', 'govFund', '政府性基金预算', 'govFundThreePublic'],
  ['socByFunction', 'soc', '国有资本经营预算', null],
];

/** Fund tables agree with the 财政拨款收支总表 column of their fund (both empty, or equal totals). */
export const emptyFundTables: Rule = {
  id: 'reconcile.empty-fund-tables',
  title: '政府性基金/国有资本经营预算支出表与财政拨款收支总表不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '政府性基金预算支出表、国有资本经营预算支出表的合计应等于财政拨款收支总表对应列的本年支出；没有该类资金时两者都应为空；政府性基金“三公”经费表在基金支出表为空时也应为空。',
  check({ index }) {
    const t2 = index.table('fiscalSummary');
    if (!t2) return [];
    const out: Draft[] = [];
    for (const [role, measure, name, threePublicRole] of FUNDS) {
      const t = index.table(role);
      const col = itemValue(index, t2, 'currentExpenditure', measure);
      if (!t || !col) continue;
      const total = index.totalRow(t);
      const v = total ? index.cell(t.id, total.index, 'total') : null;
      const expected = col.v?.fen ?? 0;
      if ((v?.fen ?? 0) !== expected) {
        if (total) {
          const d = crossCheck({
            index,
            table: t,
            row: total,
            measure: 'total',
            expected: {
              fen: expected,
              loc: [
                {
                  line: col.v?.fact.source.line ?? col.row.source.line,
                  table: t2.id,
                  tableTitle: t2.title,
                  label: `本年支出（${name}）`,
                  value: col.v?.fact.value ?? '',
                },
              ],
            },
            what: `${tableLabel(t)}合计`,
            expectedHow: `${tableLabel(t2)}${name}列本年支出`,
          });
          if (d) out.push(d);
        } else {
          out.push({
            message: `${tableLabel(t2)}${name}列有支出 ${col.v?.fact.value}，但${tableLabel(t)}没有合计行`,
            expected: col.v?.fact.value ?? null,
            actual: null,
            difference: null,
            unit: t.unit,
            locations: [{ line: t.source.line, table: t.id }],
          });
        }
      }
      if (threePublicRole) {
        const tp = index.table(threePublicRole);
        if (tp && t.empty && !tp.empty) {
          out.push({
            message: `${tableLabel(t)}为空，但${tableLabel(tp)}有数据`,
            expected: null,
            actual: null,
            difference: null,
            unit: tp.unit,
            locations: [{ line: tp.source.line, table: tp.id, tableTitle: tp.title }],
          });
        }
      }
    }
    return out;
  },
};
