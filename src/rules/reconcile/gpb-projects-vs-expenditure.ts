import type { Draft, Rule } from '../types.js';
import { amountCheck, tableLabel, valuedLoc } from '../support.js';
import { compareByUnit } from './gpb-basic-vs-expenditure.js';
import { allFundsAreGpb, crossCheck, groupLeaves } from './shared.js';

/** 一般公共预算项目支出表 = 部门支出总表 项目支出: total, per unit, and per unit × 功能科目. */
export const gpbProjectsVsExpenditure: Rule = {
  id: 'reconcile.gpb-projects-vs-expenditure',
  title: '项目支出表与部门支出总表的项目支出不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '一般公共预算项目支出表的合计、各单位合计、各单位每个功能科目的项目金额之和，应等于部门支出总表的项目支出（全部资金为一般公共预算时），否则不应大于后者。',
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
      const what = `${tableLabel(t12)}单位 ${unit} 功能科目 ${code} 的项目支出`;
      const expectedHow = `${tableLabel(t32)}该单位该科目 ${sum.values.length} 个项目之和`;
      // The 部门支出总表 row of this unit and 科目 (its 项目支出 may be blank). Without one, the
      // 项目支出 there is zero: never read a cell of 表1-2 through a row index of 表3-2.
      const row12 = expected.values[0]?.row ?? t12.rows.find((r) => r.kind === 'detail' && key(r) === k);
      const d = row12
        ? crossCheck({ index, table: t12, row: row12, measure: 'project', expected: sum, what, expectedHow })
        : amountCheck({
            expectedFen: sum.fen,
            actualFen: 0,
            parts: sum.values.length,
            unit: t12.unit,
            stepFen: index.step(t12),
            decimals: t12.decimals,
            what: `${what}（表中没有该单位该科目的行）`,
            expectedHow,
            locations: sum.values.map((x) => valuedLoc(t32, x.v)),
          });
      if (d) out.push(d);
    }
    return out;
  },
};
