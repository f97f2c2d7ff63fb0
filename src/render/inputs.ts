// What only people can supply for a disclosure, as a preparer fills it in the workbook (or as the
// authors of an existing disclosure wrote it): 概况 text, reasons for changes, what items are used
// for, the other matters, and last year's figures. Pure data; the workbook reader and the CLI fill it.

import { toFen } from '../money/amount.js';
import type { NarrativeInputs, PreviousFigures } from '../narrative/generate.js';

export interface RenderInputs extends NarrativeInputs {
  duties: string[];
  tasks: string[];
  /** Last year's figures typed by the preparer (万元 decimals), by PreviousFigures key. */
  previous: PreviousFigures | null;
}

export const PREVIOUS_KEYS: { key: Exclude<keyof PreviousFigures, 'year'>; label: string }[] = [
  { key: 'total', label: '收支预算总数（收入总计）' },
  { key: 'fiscal', label: '财政拨款收支预算总数' },
  { key: 'gpbCurrent', label: '一般公共预算当年拨款' },
  { key: 'threePublic', label: '“三公”经费合计' },
  { key: 'abroad', label: '因公出国（境）费' },
  { key: 'vehicle', label: '公务用车购置及运行维护费' },
  { key: 'reception', label: '公务接待费' },
];

export const REASON_KEYS: { key: string; label: string }[] = [
  { key: 'total', label: '收支预算总数增减原因' },
  { key: 'fiscal', label: '财政拨款收支预算总数增减原因' },
  { key: 'gpbCurrent', label: '一般公共预算当年拨款增减原因' },
  { key: 'threePublic', label: '“三公”经费增减原因' },
  { key: 'abroad', label: '因公出国（境）费增减原因' },
  { key: 'vehicle', label: '公务用车购置及运行维护费增减原因' },
  { key: 'reception', label: '公务接待费增减原因' },
];

export function emptyInputs(): RenderInputs {
  return { duties: [], tasks: [], reasons: {}, purposes: {}, notes: {}, previous: null };
}

/** Last year's figures from 万元 decimal strings (blank → unknown). Null when none is given. */
export function previousFromDecimals(year: number | null, values: Partial<Record<string, string>>): PreviousFigures | null {
  const out: PreviousFigures = { year, total: null, fiscal: null, gpbCurrent: null, threePublic: null, abroad: null, vehicle: null, reception: null };
  let any = false;
  for (const { key } of PREVIOUS_KEYS) {
    const v = values[key]?.replace(/[,\s]/g, '');
    if (!v) continue;
    if (!/^-?\d+(\.\d{1,6})?$/.test(v)) throw new RangeError(`上年数“${values[key]}”不是金额`);
    out[key] = toFen(v, '万元');
    any = true;
  }
  return any ? out : null;
}
