// Whether a performance-target table read by position is read well enough to be checked. A
// misreading (cells of one row given to another, a row cut at a page break) breaks many things at
// once: weights stop adding up for many projects, indicators lose their 一级指标 or value. A
// publisher's real mistake is local: one project's weights, one direction. So the table is
// checked only when every indicator reads as a well-formed target and the weights, where printed,
// add up for almost every project.

import { toFen } from '../money/amount.js';
import type { DepartmentPerformance, PerformanceIndicator, PerformanceProject } from '../model/types.js';

const LEVEL1 = /^(产出|效益|满意度|成本)指标$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const QUALITATIVE = /^(定性)$/;
const REQUIRED = ['产出指标', '效益指标', '满意度指标'];

/** Reading anomalies of one indicator: what a misread row shows and a printed row hardly ever does. */
export function indicatorAnomalies(i: PerformanceIndicator): string[] {
  const out: string[] = [];
  if (!LEVEL1.test(i.level1)) out.push('一级指标');
  if (!i.level2) out.push('二级指标');
  if (!i.level3.trim() || LEVEL1.test(i.level3) || /指标$/.test(i.level3)) out.push('三级指标');
  if (!QUALITATIVE.test(i.nature) && !NUMERIC.test(i.value.replace(/,/g, ''))) out.push('指标值');
  if (QUALITATIVE.test(i.nature) && !i.value.trim()) out.push('指标值');
  return out;
}

export interface Reliability {
  reliable: boolean;
  why: string;
  /** How well the reading holds together, to choose between readings: indicators read well, and projects whose weights add up. */
  score: number;
}

/**
 * Indicators that look misread, tolerated in a table still checked. None for now: a slip of the
 * publisher and a misread cell look alike, and the slip would be reported as an error.
 */
const ANOMALIES_TOLERATED = 0;
/** With weights printed, at least this share of projects must have them add up to the template's total. */
const WEIGHTS_CONFIRMED = 0.8;

export function projectTableReliability(projects: PerformanceProject[], weightTotal: number): Reliability {
  const indicators = projects.flatMap((p) => p.indicators);
  const odd = indicators.filter((i) => indicatorAnomalies(i).length > 0).length;
  const target = Math.round(weightTotal * 1000);
  const ok = projects.filter((p) => p.indicators.reduce((s, i) => s + Math.round(Number(i.weight ?? 0) * 1000), 0) === target).length;
  const score = indicators.length - odd + ok - projects.filter((p) => !p.name || p.indicators.length === 0).length;
  const no = (why: string) => ({ reliable: false, why, score });
  if (projects.length === 0) return no('未读出任何项目');
  if (projects.some((p) => !p.name || p.indicators.length === 0)) return no('有项目未读出名称或指标');
  if (odd > ANOMALIES_TOLERATED) return no(`${odd} 个指标的层级或指标值读取异常`);
  if (indicators.some((i) => i.weight !== null)) {
    if (ok < projects.length * WEIGHTS_CONFIRMED) return no(`只有 ${ok}/${projects.length} 个项目的指标权重合计为 ${weightTotal}`);
  } else {
    // Without weights nothing confirms where one project's rows end and the next one's begin but
    // that each project has its 产出, 效益 and 满意度 indicators; rows given to a neighbour leave one without.
    const lacking = projects.filter((p) => REQUIRED.some((l1) => !p.indicators.some((i) => i.level1 === l1))).length;
    if (lacking > 0) return no(`${lacking} 个项目缺少产出、效益或满意度指标，项目边界无法确认`);
  }
  return { reliable: true, why: '', score: score + 1e6 };
}

export function departmentTableReliability(d: DepartmentPerformance, weightTotal: number): Reliability {
  const odd = d.indicators.filter((i) => indicatorAnomalies(i).length > 0).length;
  const score = d.indicators.length - odd;
  const no = (why: string) => ({ reliable: false, why, score });
  if (d.indicators.length === 0) return no('未读出指标');
  if (odd > ANOMALIES_TOLERATED) return no(`${odd} 个指标的层级或指标值读取异常`);
  if (d.indicators.some((i) => i.weight !== null)) {
    const sum = d.indicators.reduce((s, i) => s + Math.round(Number(i.weight ?? 0) * 1000), 0);
    if (sum !== Math.round(weightTotal * 1000)) return no(`指标权重合计不为 ${weightTotal}`);
  }
  return { reliable: true, why: '', score: score + 1e6 };
}

/**
 * The department's funds read by position: 资金总额 = 财政拨款 + 其他资金 confirms that the values
 * went under their labels; unconfirmed, the funds are unknown (null), not a publisher's error.
 */
export function fundsThatAddUp(d: DepartmentPerformance): DepartmentPerformance {
  const fen = (v: string | null) => (v === null ? null : toFen(v, d.unit));
  const [t, f, o] = [fen(d.totalFunds), fen(d.fiscalFunds), fen(d.otherFunds)];
  if (t !== null && f !== null && o !== null && t === f + o) return d;
  return { ...d, totalFunds: null, fiscalFunds: null, otherFunds: null, fundsSource: null };
}
