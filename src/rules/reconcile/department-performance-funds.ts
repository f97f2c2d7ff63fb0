import type { Draft, Rule } from '../types.js';
import { amountCheck, tableLabel } from '../support.js';
import { toFen } from '../../money/amount.js';
import { itemValue } from './shared.js';

/** 部门整体支出绩效目标表: 资金总额 = 收支总计 = 财政拨款 + 其他资金; 财政拨款 = 财政拨款收支总表 total. */
export const departmentPerformanceFunds: Rule = {
  id: 'reconcile.department-performance-funds',
  title: '部门整体绩效目标表资金与收支总表不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '部门整体支出绩效目标表的资金总额应等于部门收支总表的收入总计，并等于财政拨款与其他资金之和；财政拨款应等于财政拨款收支总表的本年收入与上年结转之和。',
  check({ doc, index }) {
    const dp = doc.performance.department;
    const t7 = index.table('departmentPerformance');
    if (!dp || !t7) return [];
    const out: Draft[] = [];
    const unit = dp.unit;
    const loc = (label: string, value: string | null) => ({
      line: dp.fundsSource?.line ?? dp.source.line,
      table: t7.id,
      tableTitle: t7.title,
      label,
      value: value ?? '',
    });
    const fen = (v: string | null) => (v === null ? 0 : toFen(v, unit));
    const step = index.step(t7);
    const t1 = index.table('summary');
    const incomeTotal = itemValue(index, t1, 'incomeTotal', 'amount');
    if (incomeTotal?.v && t1 && dp.totalFunds !== null) {
      const d = amountCheck({
        expectedFen: incomeTotal.v.fen,
        actualFen: fen(dp.totalFunds),
        parts: 1,
        unit,
        stepFen: step,
        what: `${tableLabel(t7)}资金总额`,
        expectedHow: `${tableLabel(t1)}收入总计`,
        locations: [
          loc('资金总额', dp.totalFunds),
          { line: incomeTotal.v.fact.source.line, table: t1.id, tableTitle: t1.title, label: '收入总计', value: incomeTotal.v.fact.value },
        ],
      });
      if (d) out.push(d);
    }
    if (dp.totalFunds !== null) {
      const d = amountCheck({
        expectedFen: fen(dp.fiscalFunds) + fen(dp.otherFunds),
        actualFen: fen(dp.totalFunds),
        parts: 2,
        unit,
        stepFen: step,
        what: `${tableLabel(t7)}资金总额`,
        expectedHow: '财政拨款 + 其他资金',
        locations: [loc('资金总额', dp.totalFunds), loc('财政拨款', dp.fiscalFunds), loc('其他资金', dp.otherFunds)],
      });
      if (d) out.push(d);
    }
    const t2 = index.table('fiscalSummary');
    const cur = itemValue(index, t2, 'currentIncome', 'amount');
    const carry = itemValue(index, t2, 'carryOver', 'amount');
    if (t2 && cur?.v && dp.fiscalFunds !== null) {
      const expected = cur.v.fen + (carry?.v?.fen ?? 0);
      const d = amountCheck({
        expectedFen: expected,
        actualFen: fen(dp.fiscalFunds),
        parts: 2,
        unit,
        stepFen: step,
        what: `${tableLabel(t7)}财政拨款`,
        expectedHow: `${tableLabel(t2)}本年收入 + 上年结转`,
        locations: [
          loc('财政拨款', dp.fiscalFunds),
          { line: cur.v.fact.source.line, table: t2.id, tableTitle: t2.title, label: '本年收入', value: cur.v.fact.value },
        ],
      });
      if (d) out.push(d);
    }
    return out;
  },
};
