import type { Draft, Rule } from '../types.js';
import { indicatorLoc, indicatorSets } from './indicators.js';

// 一级 → allowed 二级 (财预〔2020〕10号, 财预〔2021〕101号; docs/domain.md §4).
export const FRAMEWORK: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标', '满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

/** Indicator structure: known 一级/二级, every required 一级 present, names and weights filled, a goal stated. */
export const indicatorStructure: Rule = {
  id: 'performance.indicator-structure',
  title: '绩效指标结构不完整',
  category: 'performance',
  severity: 'error',
  description:
    '绩效指标应按规定的层级填报：一级指标为产出、效益、满意度（及成本）指标，二级指标属于其一级指标；每个项目都应有产出、效益、满意度指标（模板规定成本指标权重时也应有成本指标）；三级指标名称、权重不得为空；项目应填写年度目标。',
  check({ doc, profile }) {
    const required = ['产出指标', '效益指标', '满意度指标', ...(profile.performance.categoryWeights?.成本指标 ? ['成本指标'] : [])];
    const out: Draft[] = [];
    for (const set of indicatorSets(doc)) {
      if (set.kind === 'project' && set.goal !== null && !set.goal.trim())
        out.push({
          severity: 'warning',
          message: `${set.owner}没有填写年度目标`,
          expected: null,
          actual: null,
          difference: null,
          unit: null,
          locations: [{ line: set.line, label: set.owner }],
        });
      if (set.kind === 'project' && set.indicators.length === 0) {
        out.push({
          message: `${set.owner}没有任何绩效指标`,
          expected: null,
          actual: null,
          difference: null,
          unit: null,
          locations: [{ line: set.line, label: set.owner }],
        });
        continue;
      }
      const missing = required.filter((l1) => !set.indicators.some((i) => i.level1 === l1));
      if (missing.length && set.indicators.length)
        out.push({
          message: `${set.owner}缺少一级指标：${missing.join('、')}`,
          expected: required.join('、'),
          actual: [...new Set(set.indicators.map((i) => i.level1))].join('、'),
          difference: null,
          unit: null,
          locations: [{ line: set.line, label: set.owner }],
        });
      for (const i of set.indicators) {
        const problems: string[] = [];
        const allowed = FRAMEWORK[i.level1];
        if (!allowed) problems.push(`一级指标“${i.level1 || '（空）'}”不是规定的一级指标`);
        else if (i.level2 && !allowed.includes(i.level2)) problems.push(`二级指标“${i.level2}”不属于“${i.level1}”`);
        if (!i.level2) problems.push('二级指标为空');
        if (!i.level3.trim()) problems.push('三级指标名称为空');
        if (i.weight === null && set.weighted) problems.push('权重为空');
        if (problems.length)
          out.push({
            severity: problems.some((p) => /为空|不是规定/.test(p)) ? 'error' : 'warning',
            message: `${set.owner}的指标“${i.level3}”：${problems.join('；')}`,
            expected: null,
            actual: null,
            difference: null,
            unit: null,
            locations: [indicatorLoc(i, set.owner)],
          });
      }
    }
    return out;
  },
};
