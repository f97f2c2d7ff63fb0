import type { Draft, Rule } from '../types.js';
import { tableLabel } from '../support.js';
import { allFundsAreGpb, crossCheck, itemValue } from './shared.js';

const PAIRS: [string, string][] = [
  ['personnel', '人员经费'],
  ['publicUse', '公用经费'],
];

/** A 收支总表 that splits expenditure into 人员经费 / 公用经费 agrees with the basic-expenditure table. */
export const summaryPersonnelVsBasic: Rule = {
  id: 'reconcile.summary-personnel-vs-basic',
  title: '收支总表的人员经费、公用经费与基本支出表不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '收支总表支出方按人员经费、公用经费分列时（上海等模板），其支出合计行的人员经费、公用经费应分别等于一般公共预算基本支出表的人员经费、公用经费合计（全部资金为一般公共预算时）。',
  check({ index }) {
    const t1 = index.table('summary');
    const t31 = index.table('gpbBasicByEconomic');
    if (!t1 || !t31) return [];
    // 收支总表's 人员经费 covers all funds (事业收入, 其他收入 …); the basic table only 一般公共预算:
    // the two agree only when the department has no other money.
    if (!allFundsAreGpb(index)) return [];
    const total31 = index.totalRow(t31);
    if (!total31) return [];
    const out: Draft[] = [];
    for (const key of ['expenditureTotal', 'currentYearExpenditure']) {
      for (const [measure, name] of PAIRS) {
        const mine = itemValue(index, t1, key, measure);
        if (!mine?.v) continue;
        const theirs = index.cell(t31.id, total31.index, measure);
        const d = crossCheck({
          index,
          table: t1,
          row: mine.row,
          measure,
          expected: {
            fen: theirs?.fen ?? 0,
            loc: [
              {
                line: theirs?.fact.source.line ?? total31.source.line,
                table: t31.id,
                tableTitle: t31.title,
                label: '合计',
                measure: name,
                value: theirs?.fact.value ?? '',
              },
            ],
          },
          what: `${tableLabel(t1)}“${mine.row.label}”的${name}`,
          expectedHow: `${tableLabel(t31)}${name}合计`,
        });
        if (d) out.push(d);
      }
      if (out.length || itemValue(index, t1, key, 'personnel')?.v) break;
    }
    return out;
  },
};
