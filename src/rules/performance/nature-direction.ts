import type { Draft, Rule } from '../types.js';
import { indicatorLoc, indicatorSets } from './indicators.js';

/** 正向指标 goes with ≥ (more is better), 反向指标 with ≤ (less is better). */
export const natureDirection: Rule = {
  id: 'performance.nature-direction',
  title: '指标性质与指标方向矛盾',
  category: 'performance',
  severity: 'error',
  description: '正向指标（越大越好）应使用“≥”，反向指标（越小越好）应使用“≤”；“≤”配正向指标或“≥”配反向指标自相矛盾。',
  check({ doc }) {
    const out: Draft[] = [];
    for (const set of indicatorSets(doc)) {
      for (const i of set.indicators) {
        const d = i.direction?.replace(/指标$/, '');
        const bad = (d === '正向' && (i.nature === '≤' || i.nature === '<')) || (d === '反向' && (i.nature === '≥' || i.nature === '>'));
        if (!bad) continue;
        out.push({
          message: `${set.owner}的指标“${i.level3}”为“${i.nature} ${i.value}${i.measureUnit}”却标注为${i.direction}：${d === '正向' ? '正向指标应为 ≥' : '反向指标应为 ≤'}`,
          expected: d === '正向' ? '≥' : '≤',
          actual: i.nature,
          difference: null,
          unit: null,
          locations: [indicatorLoc(i, set.owner)],
        });
      }
    }
    return out;
  },
};
