import type { Draft, Rule } from '../types.js';
import { tableLabel } from '../support.js';
import { allFundsAreGpb, crossCheck, rowsByUnit } from './shared.js';

/** 一般公共预算基本支出表 = 部门支出总表 基本支出, in total and per unit. */
export const gpbBasicVsExpenditure: Rule = {
  id: 'reconcile.gpb-basic-vs-expenditure',
  title: '基本支出表与部门支出总表的基本支出不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description: '一般公共预算基本支出表的合计及各单位合计，应等于部门支出总表的基本支出（全部资金为一般公共预算时），否则不应大于后者。',
  check({ index }) {
    return compareByUnit(index, 'gpbBasicByEconomic', 'total', 'basic', '基本支出');
  },
};

export function compareByUnit(index: Parameters<Rule['check']>[0]['index'], role: string, measure: string, spendingMeasure: string, what: string): Draft[] {
  const t = index.table(role);
  const t12 = index.table('expenditureByFunction');
  if (!t || !t12 || t.rows.length === 0 || t12.rows.length === 0) return [];
  const strict = allFundsAreGpb(index);
  const out: Draft[] = [];
  const pairs: [import('../../model/types.js').TableRow, import('../../model/types.js').TableRow][] = [];
  const tot = index.totalRow(t);
  const tot12 = index.totalRow(t12);
  if (tot && tot12) pairs.push([tot, tot12]);
  const units12 = rowsByUnit(t12);
  for (const [code, row] of rowsByUnit(t)) {
    const other = units12.get(code);
    if (other) pairs.push([row, other]);
  }
  for (const [row, other] of pairs) {
    const v = index.cell(t12.id, other.index, spendingMeasure);
    const mine = index.cell(t.id, row.index, measure);
    if (!strict && (mine?.fen ?? 0) <= (v?.fen ?? 0)) continue;
    const label = row.kind === 'total' ? '合计' : `单位 ${row.unitCode}“${row.label}”`;
    const d = crossCheck({
      index,
      table: t,
      row,
      measure,
      expected: {
        fen: v?.fen ?? 0,
        loc: [
          {
            line: v?.fact.source.line ?? other.source.line,
            table: t12.id,
            tableTitle: t12.title,
            label: other.label || '合计',
            measure: what,
            value: v?.fact.value ?? '',
          },
        ],
      },
      what: `${tableLabel(t)}${label}`,
      expectedHow: `${tableLabel(t12)}${label}的${what}`,
    });
    if (d) out.push(d);
  }
  return out;
}
