import { proseToFen } from '../../money/amount.js';
import type { Draft, Rule } from '../types.js';
import { claimLoc } from './analysis.js';

/** Parts listed after 其中 add up to their total: vehicles by type, procurement by kind, projects by category. */
export const breakdownSum: Rule = {
  id: 'narrative.breakdown-sum',
  title: '情况说明分项之和与总数不符',
  category: 'narrative',
  severity: 'error',
  description:
    '情况说明中“其中”列出的分项（车辆按车型、政府采购按货物/工程/服务、项目按类别、预算单位按性质等）之和不应大于总数；小于总数时提示可能未列全。金额按写出的小数位允许尾差。',
  check({ index }) {
    const all = [...index.doc.narrative.claims];
    const out: Draft[] = [];
    for (const parent of all) {
      let parts = all.filter((c) => c.partOf === parent.id);
      // “编制 10964人，其中行政编制 115、事业编制 10849，实有人员 10887”: the last figure is not a
      // part. Where some parts repeat the total's head word (编制), the ones that don't are not parts.
      const head = /编制|用车|车辆/.exec(parent.subject)?.[0];
      if (head && parts.some((p) => p.subject.includes(head))) parts = parts.filter((p) => p.subject.includes(head));
      if (parts.length < 2) continue;
      const money = /元$/.test(parent.unit);
      const val = (c: (typeof all)[number]) => (money ? proseToFen(c.value, c.unit) : Math.round(Number(c.value) * 1000));
      const total = val(parent);
      const vs = parts.map(val);
      if (total === null || vs.some((v) => v === null)) continue;
      const decimals = Math.max(parent.decimals, ...parts.map((p) => p.decimals));
      const stepFen = money ? proseToFen((1 / 10 ** decimals).toFixed(decimals), parent.unit)! : 1;
      const tolerance = money ? Math.floor(((parts.length + 1) * stepFen) / 2 / stepFen) * stepFen : 0;
      const values = vs as number[];
      const sum = values.reduce((s, v) => s + v, 0);
      if (sum === total) continue;
      // Parts that add up to the total this one is itself a part of restate that breakdown ("计划购置车辆
      // 9 辆…其中：…8 辆…、…1 辆…报废更新，其中：…8 辆…、…1 辆…": the list printed twice), not this part's.
      const outer = parent.partOf ? all.find((c) => c.id === parent.partOf) : undefined;
      if (outer && val(outer) === sum) continue;
      // The sentence is taken at its word if the breakdown, ended earlier, fits.
      if (runOnSums(values, total).some((r) => r !== sum && Math.abs(r - total) <= tolerance)) continue;
      // All the parts break down the first of them, which is larger than the total: they belong to
      // another figure of the sentence, not to this one.
      const rest = values.slice(1).reduce((a, v) => a + v, 0);
      const elsewhere = values.length > 2 && values[0]! > total && Math.abs(values[0]! - rest) <= tolerance;
      const show = (v: number) => (money ? (v / proseToFen('1', parent.unit)!).toFixed(decimals) : String(v / 1000));
      const diff = sum - total;
      const over = diff > tolerance;
      const under = diff < -tolerance;
      out.push({
        severity: over && !elsewhere ? 'error' : 'warning',
        message: `情况说明第 ${parent.source.line} 行“${parent.subject} ${parent.value}${parent.unit}”，其中各项（${parts.map((p) => `${p.subject} ${p.value}`).join('、')}）之和为 ${show(sum)}${parent.unit}，${over ? '大于' : under ? '小于' : '与'}总数${over || under ? `，相差 ${show(diff)}${parent.unit}` : `相差 ${show(diff)}，属尾差`}${under ? '（可能未列全，或数字有误）' : ''}${elsewhere ? '（这些分项加起来正是其中第一项，可能是另一数额的明细）' : ''}`,
        expected: show(total),
        actual: show(sum),
        difference: show(diff),
        unit: parent.unit,
        locations: [claimLoc(parent), ...parts.map(claimLoc)],
      });
    }
    return out;
  },
};

/**
 * Where the breakdown may end: one whose first parts add up to the total and which then runs on into
 * the next clause's own total ("收入 X 万元，其中 A、B；支出 X 万元…"). The sum of each such prefix:
 * one followed by an amount at least the total's size. (A small last part — "离退休干部服务用车 1 辆" —
 * is a part: leaving it out would hide a breakdown that is one over.)
 */
function runOnSums(values: number[], total: number): number[] {
  const sums: number[] = [];
  let s = 0;
  values.forEach((v, i) => {
    s += v;
    if (values.slice(i + 1).some((r) => r >= total)) sums.push(s);
  });
  return sums;
}
