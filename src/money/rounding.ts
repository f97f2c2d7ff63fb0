// Rounding policy (docs/domain.md §5), applied by every rule that compares amounts:
// published amounts are rounded to the table's last printed place, so a total may differ from
// the sum of its N rounded parts by at most N × half a step. Such a difference is a rounding
// warning (尾差); anything larger is an error. Comparisons happen in the published unit.

export type Comparison =
  { kind: 'equal' } | { kind: 'rounding'; differenceFen: number; toleranceFen: number } | { kind: 'mismatch'; differenceFen: number; toleranceFen: number };

/** Tolerance in fen for a total of `parts` rounded parts printed with step `stepFen`. */
export function roundingToleranceFen(parts: number, stepFen: number): number {
  // 0.005 × parts in a 0.01-step table: the largest multiple of the step not above it.
  const half = (stepFen * Math.max(parts, 1)) / 2;
  return Math.floor(half / stepFen) * stepFen;
}

/** Compare an expected value (e.g. a sum of parts) with the printed actual value. */
export function compareAmounts(expectedFen: number, actualFen: number, parts: number, stepFen: number): Comparison {
  const differenceFen = actualFen - expectedFen;
  if (differenceFen === 0) return { kind: 'equal' };
  const toleranceFen = roundingToleranceFen(parts, stepFen);
  return Math.abs(differenceFen) <= toleranceFen ? { kind: 'rounding', differenceFen, toleranceFen } : { kind: 'mismatch', differenceFen, toleranceFen };
}

/** Exact ratio part/base as a rational (fen integers). */
export interface Ratio {
  numerator: bigint;
  denominator: bigint;
}

export function ratio(part: number, base: number): Ratio | null {
  if (base === 0) return null;
  return { numerator: BigInt(part), denominator: BigInt(base) };
}

/** Per-hundred (%), per-thousand (‰) or per-ten-thousand (‱) multiplier. */
export const PER: Record<'%' | '‰' | '‱', bigint> = { '%': 100n, '‰': 1000n, '‱': 10000n };

/** Round ratio × per to `places` decimals, half-up; returns the decimal string. Rounded once, here. */
export function formatRatio(r: Ratio, symbol: '%' | '‰' | '‱', places: number): string {
  const scale = 10n ** BigInt(places);
  let num = r.numerator * PER[symbol] * scale;
  let den = r.denominator;
  if (den < 0n) {
    den = -den;
    num = -num;
  }
  const neg = num < 0n;
  const abs = neg ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  const int = q / scale;
  const frac = (q % scale).toString().padStart(places, '0');
  const body = places > 0 ? `${int}.${frac}` : `${int}`;
  return neg && q !== 0n ? `-${body}` : body;
}

/**
 * Does a stated percentage (as printed, e.g. "84.90") agree with the exact ratio?
 * A statement with d decimals is right when the exact value rounds to it at d decimals;
 * we also accept truncation (some preparers truncate), reported by the caller as a warning.
 */
export function checkStatedRatio(
  r: Ratio,
  symbol: '%' | '‰' | '‱',
  stated: string,
  /** Decimals as printed ("96.40" → 2); defaults to those of `stated`. */
  places = (stated.split('.')[1] ?? '').length,
): { verdict: 'exact' | 'truncated' | 'wrong'; computed: string } {
  const computed = formatRatio(r, symbol, places);
  if (Number(computed) === Number(stated)) return { verdict: 'exact', computed };
  const truncated = truncateRatio(r, symbol, places);
  if (Number(truncated) === Number(stated)) return { verdict: 'truncated', computed };
  return { verdict: 'wrong', computed };
}

function truncateRatio(r: Ratio, symbol: '%' | '‰' | '‱', places: number): string {
  const scale = 10n ** BigInt(places);
  const q = (r.numerator * PER[symbol] * scale) / r.denominator;
  const neg = q < 0n;
  const abs = neg ? -q : q;
  const int = abs / scale;
  const frac = (abs % scale).toString().padStart(places, '0');
  return `${neg ? '-' : ''}${places > 0 ? `${int}.${frac}` : int}`;
}
