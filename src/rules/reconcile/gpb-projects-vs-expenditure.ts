import type { Draft, Rule } from '../types.js';
import { tableLabel } from '../support.js';
import { compareByUnit } from './gpb-basic-vs-expenditure.js';
import { allFundsAreGpb, crossCheck, groupLeaves } from './shared.js';

/** 一般公共预算项目支出表 = 部门支出总表 项目支出: total, per unit, and per unit × 功能科目. */
export const gpbProjectsVsExpenditure: Rule = {
  id: 'reconcile.gpb-projects-vs-expenditure',
  title: '项目支出表与部门支出总表的项目支出不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description: '一般公共预算项目支出表的合计、各单位合计、各单位每个功能科目的项目金额之和，应等于部门支出总表的项目支出（全部资金为一般公共预算时），否则不应大于后者。',
  check({ index }) {
    const out: Draft[] = compareByUnit(index, 'gpbProjects', 'total', 'project', '项目支出');
    const t32 = index.table('gpbProjects');
    const t12 = index.table('expenditureByFunction');
    if (!t32 || !t12) return out;
    const strict = allFundsAreGpb(index);
    const key = (r: { unitCode: string | null; code: string | null }) => (r.code && r.unitCode ? `${r.unitCode}|${r.code}` : null);
    const spend = groupLeaves(index, t12, 'project', key);
    for (const [k, sum] of groupLeaves(index, t32, 'total', key)) {
      const expected = spend.get(k) ?? { fen: 0, values: [] };
      if (!strict && sum.fen <= expected.fen) continue;
      if (sum.fen === expected.fen) continue;
      const [unit, code] = k.split('|');
      const first = sum.values[0];
      if (!first) continue;
      const d = crossCheck({
        index,
        table: t12,
        row: expected.values[0]?.row ?? first.row,
        measure: 'project',
        expected: sum,
        what: `${tableLabel(t12)}单位 ${unit} 功能科目 ${code} 的项目支出`,
        expectedHow: `${tableLabel(t32)}该单位该科目 ${sum.values.length} 个项目之和`,
      });
      if (d) out.push(d);
    }
    return out;
  },
};
