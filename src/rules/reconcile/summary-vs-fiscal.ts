import { compareAmounts } from '../../money/rounding.js';
import { follows } from '../../profiles/conventions.js';
import type { Draft, Rule } from '../types.js';
import { amountCheck, cellLoc, tableLabel } from '../support.js';
import { allFundsAreGpb, crossCheck, itemValue } from './shared.js';

const PAIRS: [string, string][] = [
  ['currentIncome.gpb', 'gpbIncome'],
  ['currentIncome.govFund', 'govFundIncome'],
  ['currentIncome.soc', 'socIncome'],
];

/** 财政拨款收支总表 vs 部门收支总表: the same 财政拨款 income; per 类 and totals when all money is 财政拨款. */
export const summaryVsFiscal: Rule = {
  id: 'reconcile.summary-vs-fiscal',
  title: '财政拨款收支总表与部门收支总表不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '财政拨款收支总表的本年一般公共预算、政府性基金、国有资本经营预算拨款收入应与部门收支总表相同；部门全部收入均为财政拨款时，上年结转、各功能类支出和支出合计也应相同。',
  check({ index, profile }) {
    const t1 = index.table('summary');
    const t2 = index.table('fiscalSummary');
    if (!t1 || !t2 || t2.rows.length === 0) return [];
    const out: Draft[] = [];
    const compare = (k2: string, m2: string | undefined, k1: string, label: string) => {
      const a = itemValue(index, t2, k2, m2);
      const b = itemValue(index, t1, k1, 'amount');
      if (!a || !b) return;
      const expected = {
        fen: b.v?.fen ?? 0,
        loc: b.v
          ? [{ line: b.v.fact.source.line, table: t1.id, tableTitle: t1.title, label: b.row.label, value: b.v.fact.value }]
          : [{ line: b.row.source.line, table: t1.id }],
      };
      const d = crossCheck({
        index,
        table: t2,
        row: a.row,
        measure: m2 ?? 'amount',
        expected,
        what: `${tableLabel(t2)}“${label}”`,
        expectedHow: `${tableLabel(t1)}“${b.row.label.replace(/^[一二三四五六七八九十]+、/, '')}”`,
      });
      if (d) out.push(d);
    };
    // Convention fiscal-income-includes-carry-over (Chongqing): 收支总表's 一般公共预算资金 is this
    // year's grant plus 上年结转. Seen in the figures whatever the profile; declared by the profile,
    // it is the identity checked.
    const gpb1 = itemValue(index, t1, 'gpbIncome', 'amount');
    const cur2 = itemValue(index, t2, 'currentIncome.gpb', 'amount');
    const carry2 = itemValue(index, t2, 'carryOver.gpb', 'amount');
    const step = Math.max(index.step(t1), index.step(t2));
    const withCarry = gpb1?.v && cur2?.v && carry2?.v && carry2.v.fen !== 0 ? compareAmounts(gpb1.v.fen, cur2.v.fen + carry2.v.fen, 2, step) : null;
    if (gpb1?.v && cur2?.v && carry2?.v && ((withCarry && withCarry.kind !== 'mismatch') || follows(profile, 'fiscal-income-includes-carry-over'))) {
      const d = amountCheck({
        expectedFen: gpb1.v.fen,
        actualFen: cur2.v.fen + carry2.v.fen,
        parts: 2,
        unit: t2.unit,
        stepFen: step,
        decimals: t2.decimals,
        what: `${tableLabel(t2)}本年一般公共预算拨款收入加上年结转的一般公共预算拨款`,
        expectedHow: `${tableLabel(t1)}“${gpb1.row.label}”（按模板惯例含上年结转）`,
        locations: [cellLoc(index, t2, cur2.row, 'amount'), cellLoc(index, t2, carry2.row, 'amount'), cellLoc(index, t1, gpb1.row, 'amount')],
      });
      if (d) out.push(d);
    } else compare('currentIncome.gpb', 'amount', 'gpbIncome', a2label('currentIncome.gpb'));
    for (const [k2, k1] of PAIRS.slice(1)) compare(k2, 'amount', k1, a2label(k2));
    if (allFundsAreGpb(index)) {
      compare('carryOver', 'amount', 'carryOver', '上年结转');
      compare('currentExpenditure', 'total', 'currentYearExpenditure', '本年支出');
      for (const row of t2.rows) if (row.item?.startsWith('class:') && row.side === 'expenditure') compare(row.item, 'total', row.item, row.label);
    }
    return out;
  },
};

const a2label = (k: string) =>
  ({
    'currentIncome.gpb': '本年一般公共预算拨款收入',
    'currentIncome.govFund': '本年政府性基金预算拨款收入',
    'currentIncome.soc': '本年国有资本经营预算拨款收入',
  })[k] ?? k;
