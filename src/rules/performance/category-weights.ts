import type { Draft, Rule } from '../types.js';
import { indicatorLoc, indicatorSets, showMilli, weightMilli } from './indicators.js';

/** Weight split across 一级指标 follows the template's guidance (Sichuan 2024: 成本 20 / 产出 40 / 效益 20 / 满意度 10). */
export const categoryWeights: Rule = {
  id: 'performance.category-weights',
  title: '一级指标权重分配不符合规定',
  category: 'performance',
  severity: 'warning',
  description: '模板规定了各一级指标的权重时（四川 2024：成本指标 20、产出指标 40、效益指标 20、满意度指标 10），逐项目核对各一级指标的权重之和。',
  check({ doc, profile }) {
    const split = profile.performance.categoryWeights;
    if (!split) return [];
    const out: Draft[] = [];
    for (const set of indicatorSets(doc)) {
      if (set.kind !== 'project' || set.indicators.length === 0 || !set.weighted) continue;
      const total = set.indicators.reduce((s, i) => s + weightMilli(i), 0);
      if (total !== Math.round(profile.performance.weightTotal * 1000)) continue; // reported by weight-total
      const bad = Object.entries(split)
        .map(([level1, w]) => ({ level1, want: w * 1000, got: set.indicators.filter((i) => i.level1 === level1).reduce((s, i) => s + weightMilli(i), 0) }))
        .filter((x) => x.got !== x.want);
      if (bad.length === 0) continue;
      out.push({
        message: `${set.owner}一级指标权重为 ${bad.map((b) => `${b.level1} ${showMilli(b.got)}（应为 ${showMilli(b.want)}）`).join('、')}`,
        expected: bad.map((b) => `${b.level1}:${showMilli(b.want)}`).join(';'),
        actual: bad.map((b) => `${b.level1}:${showMilli(b.got)}`).join(';'),
        difference: null,
        unit: '分',
        locations: [
          { line: set.line, label: set.owner },
          ...set.indicators.filter((i) => bad.some((b) => b.level1 === i.level1)).map((i) => indicatorLoc(i, set.owner)),
        ],
      });
    }
    return out;
  },
};
