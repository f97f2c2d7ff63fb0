// Comparing two documents' key figures and function classes (a department's two years, or two
// departments). Differences, rates and shares are computed exactly in fen and rounded once.

import { fenToDecimal, normalizeDecimal, toFen } from '../money/amount.js';
import { formatRatio, ratio } from '../money/rounding.js';
import { catalogs } from '../reference/catalog.js';
import type { Summary } from '../summary.js';

export interface CompareRow {
  key: string;
  label: string;
  a: string | null;
  b: string | null;
  /** b − a, 万元. */
  diff: string | null;
  /** (b − a) ÷ a, percent with 2 decimals. */
  rate: string | null;
  /** Share of the document's 支出总计 (key figures) or of its function classes' sum, percent. */
  shareA: string | null;
  shareB: string | null;
}

const KEY_FIGURES: [string, string, (s: Summary) => number | null][] = [
  ['incomeTotal', '收入总计', (s) => s.figures.incomeTotal],
  ['expenditureTotal', '支出总计', (s) => s.figures.expenditureTotal],
  ['currentYearIncome', '本年收入合计', (s) => s.figures.currentYearIncome],
  ['gpbAppropriation', '一般公共预算拨款', (s) => s.figures.gpbAppropriation],
  ['carryOver', '上年结转', (s) => s.figures.carryOver],
  ['basic', '基本支出', (s) => s.figures.basic],
  ['personnel', '人员经费', (s) => s.figures.personnel],
  ['publicUse', '公用经费', (s) => s.figures.publicUse],
  ['project', '项目支出', (s) => s.figures.project],
  ['threePublic', '“三公”经费', (s) => s.figures.threePublic.total],
  ['threePublic.abroad', '因公出国（境）费', (s) => s.figures.threePublic.abroad],
  ['threePublic.vehiclePurchase', '公务用车购置费', (s) => s.figures.threePublic.vehiclePurchase],
  ['threePublic.vehicleOperation', '公务用车运行费', (s) => s.figures.threePublic.vehicleOperation],
  ['threePublic.reception', '公务接待费', (s) => s.figures.threePublic.reception],
];

/** A summary's JSON number (万元, at most 6 decimals) → fen, exactly. */
export function wanNumberToFen(n: number | null | undefined): number | null {
  if (n === null || n === undefined) return null;
  return toFen(normalizeDecimal(n.toFixed(6)) ?? '0', '万元');
}

const pct = (part: number | null, base: number | null) => {
  if (part === null || base === null) return null;
  const r = ratio(part, base);
  return r ? formatRatio(r, '%', 2) : null;
};

function row(key: string, label: string, a: number | null, b: number | null, baseA: number | null, baseB: number | null): CompareRow {
  const diff = a !== null && b !== null ? b - a : null;
  return {
    key,
    label,
    a: a === null ? null : fenToDecimal(a, '万元'),
    b: b === null ? null : fenToDecimal(b, '万元'),
    diff: diff === null ? null : fenToDecimal(diff, '万元'),
    rate: diff === null ? null : pct(diff, a),
    shareA: pct(a, baseA),
    shareB: pct(b, baseB),
  };
}

export function compareSummaries(a: Summary, b: Summary): CompareRow[] {
  const rows: CompareRow[] = [];
  const totalA = wanNumberToFen(a.figures.expenditureTotal);
  const totalB = wanNumberToFen(b.figures.expenditureTotal);
  for (const [key, label, get] of KEY_FIGURES) rows.push(row(key, label, wanNumberToFen(get(a)), wanNumberToFen(get(b)), totalA, totalB));
  const classes = [...new Set([...Object.keys(a.functionClasses), ...Object.keys(b.functionClasses)])].sort();
  // A summary lists only the classes its tables state (non-zero lines). With none at all, the
  // document's function classes are unknown (no table read reliably), not 0: no −100% from them.
  const known = (s: Summary) => Object.keys(s.functionClasses).length > 0;
  const sum = (s: Summary) => (known(s) ? Object.values(s.functionClasses).reduce<number>((t, v) => t + (wanNumberToFen(v) ?? 0), 0) : null);
  const sumA = sum(a);
  const sumB = sum(b);
  const fn = catalogs().functional;
  const value = (s: Summary, c: string) => (known(s) ? wanNumberToFen(s.functionClasses[c] ?? 0) : null);
  for (const c of classes) {
    rows.push(row(`functionClass:${c}`, `${c} ${fn.get(c)?.name ?? ''}`.trim(), value(a, c), value(b, c), sumA || null, sumB || null));
  }
  return rows;
}
