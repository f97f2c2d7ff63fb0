// All indicator lists of a disclosure with their owner, for the performance rules.

import type { Disclosure, PerformanceIndicator } from '../../model/types.js';

export interface IndicatorSet {
  owner: string;
  kind: 'project' | 'department';
  amount: string | null;
  /** The project's 年度目标 (null for the department-wide set). */
  goal: string | null;
  line: number;
  indicators: PerformanceIndicator[];
  /** The table prints weights (many templates have no 权重 column: then none is missing). */
  weighted: boolean;
}

export function indicatorSets(doc: Disclosure): IndicatorSet[] {
  const printsWeights = (xs: PerformanceIndicator[]) => xs.some((i) => i.weight !== null);
  const projectsWeighted = printsWeights(doc.performance.projects.flatMap((p) => p.indicators));
  const sets: IndicatorSet[] = doc.performance.projects.map((p) => ({
    owner: `项目“${p.name}”`,
    kind: 'project',
    amount: p.amount,
    goal: p.goal,
    line: p.source.line,
    indicators: p.indicators,
    weighted: projectsWeighted,
  }));
  const d = doc.performance.department;
  if (d && d.indicators.length)
    sets.push({
      owner: '部门整体支出',
      kind: 'department',
      amount: d.totalFunds,
      goal: null,
      line: d.source.line,
      indicators: d.indicators,
      weighted: printsWeights(d.indicators),
    });
  return sets;
}

/** Weight in thousandths, exact (weights are printed with at most one or two decimals). */
export const weightMilli = (i: PerformanceIndicator) => Math.round(Number(i.weight ?? 0) * 1000);
export const showMilli = (m: number) => String(m / 1000);

export const indicatorLoc = (i: PerformanceIndicator, owner: string) => ({
  line: i.source.line,
  ...(i.source.page ? { page: i.source.page } : {}),
  table: i.source.table,
  label: `${owner}：${i.level1}/${i.level2}/${i.level3}`,
  value: `${i.nature} ${i.value}${i.measureUnit}，权重 ${i.weight ?? '无'}`,
});
