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
      const sum = (vs as number[]).reduce((s, v) => s + v, 0);
      if (sum === total) continue;
      // The sentence is taken at its word if another reading of where the parts nest or end fits.
      const nested = collapseNested(vs as number[], tolerance);
      const others = [nested.reduce((a, v) => a + v, 0), ...prefixSums(vs as number[]).slice(0, -1), ...prefixSums(nested).slice(0, -1)];
      if (others.some((r) => r !== sum && Math.abs(r - total) <= tolerance)) continue;
      // All the parts break down the first of them, which is larger than the total: they belong to
      // another figure of the sentence, not to this one.
      const elsewhere = nested.length === 1 && nested[0]! > total;
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
 * Parts that are themselves broken down ("公务用车购置及运行维护费 567.72 万元（购置费 230.55 万元、
 * 运行维护费 337.17 万元）"): a part followed by two or more parts that add up to it keeps only itself.
 */
export function collapseNested(values: number[], tolerance: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    out.push(values[i]!);
    let sum = 0;
    for (let j = i + 1; j < values.length; j++) {
      sum += values[j]!;
      if (j > i + 1 && Math.abs(sum - values[i]!) <= tolerance && values[i]! !== 0) {
        i = j;
        break;
      }
      if (sum > values[i]! + tolerance) break;
    }
  }
  return out;
}

/**
 * Where the breakdown may end: one whose first parts add up to the total ("收入 X 万元，其中 A、B；
 * 支出 X 万元…", "实有人员 303 人，其中行政 71、事业 232；离退休人员 188 人") ran on into the next
 * clause. Each prefix's sum.
 */
function prefixSums(values: number[]): number[] {
  const sums: number[] = [];
  let s = 0;
  for (const v of values) sums.push((s += v));
  return sums;
}
