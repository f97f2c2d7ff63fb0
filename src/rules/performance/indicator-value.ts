import { toFen } from '../../money/amount.js';
import type { Draft, Rule } from '../types.js';
import { indicatorLoc, indicatorSets } from './indicators.js';

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Quantitative indicators carry a number and a unit; qualitative ones a word; cost targets stay within the money. */
export const indicatorValue: Rule = {
  id: 'performance.indicator-value',
  title: '指标值与指标性质不符',
  category: 'performance',
  severity: 'error',
  description: '定量指标（≥、≤、=）的指标值应为数字并有度量单位；定性指标的指标值应为文字（如提高、优、良）；以万元计的成本指标不应超过项目金额。',
  check({ doc }) {
    const out: Draft[] = [];
    for (const set of indicatorSets(doc)) {
      for (const i of set.indicators) {
        const v = i.value.replace(/,/g, '');
        let problem: string | null = null;
        let severity: 'error' | 'warning' = 'error';
        if (i.nature === '定性') {
          if (NUMERIC.test(v)) {
            problem = `定性指标的指标值“${i.value}”是数字，应为文字描述或改为定量指标`;
            severity = 'warning';
          }
        } else if (!NUMERIC.test(v)) problem = `定量指标（${i.nature}）的指标值“${i.value || '（空）'}”不是数字`;
        else if (!i.measureUnit) {
          problem = `定量指标“${i.nature} ${i.value}”没有度量单位`;
          severity = 'warning';
        } else if (set.amount && /^\d+(\.\d{1,6})?$/.test(v) && i.level1 === '成本指标' && i.measureUnit === '万元' && (i.nature === '≤' || i.nature === '=')) {
          const cap = toFen(set.amount, '万元');
          if (toFen(v, '万元') > cap) {
            problem = `成本指标“${i.nature} ${i.value}万元”超过项目金额 ${set.amount} 万元`;
            severity = 'warning';
          }
        }
        if (problem)
          out.push({
            severity,
            message: `${set.owner}的指标“${i.level3}”：${problem}`,
            expected: null,
            actual: i.value,
            difference: null,
            unit: i.measureUnit || null,
            locations: [indicatorLoc(i, set.owner)],
          });
      }
    }
    return out;
  },
};
