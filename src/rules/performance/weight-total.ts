import type { Draft, Rule } from '../types.js';
import { indicatorLoc, indicatorSets, showMilli, weightMilli } from './indicators.js';

/** Indicator weights of each project (and of the department) add up to the profile's total (90 or 100). */
export const weightTotal: Rule = {
  id: 'performance.weight-total',
  title: '绩效指标权重合计不符',
  category: 'performance',
  severity: 'error',
  description: '每个项目（及部门整体）的绩效指标权重之和应等于模板规定的总分：四川 2024 年为 90（另 10 分留给预算执行率），其他模板多为 100。',
  check({ doc, profile }) {
    const target = Math.round(profile.performance.weightTotal * 1000);
    const out: Draft[] = [];
    for (const set of indicatorSets(doc)) {
      if (set.indicators.length === 0 || !set.weighted) continue;
      const sum = set.indicators.reduce((s, i) => s + weightMilli(i), 0);
      if (sum === target) continue;
      out.push({
        message: `${set.owner}的 ${set.indicators.length} 个绩效指标权重合计为 ${showMilli(sum)}，应为 ${profile.performance.weightTotal}，相差 ${showMilli(sum - target)}`,
        expected: String(profile.performance.weightTotal),
        actual: showMilli(sum),
        difference: showMilli(sum - target),
        unit: '分',
        locations: [{ line: set.line, label: set.owner, value: set.amount ?? '' }, ...set.indicators.map((i) => indicatorLoc(i, set.owner))],
      });
    }
    return out;
  },
};
