// Display formatting. Amounts arrive as exact decimal strings (model, API) or as JSON numbers in
// 万元 with at most 6 decimals (summaries); both become integer fen before any arithmetic, and
// percentages are computed exactly and rounded once, here, for display.

import { formatFen, groupThousands, normalizeDecimal, toFen } from '../../../src/money/amount.js';
import { formatRatio, ratio } from '../../../src/money/rounding.js';
import { KINDS, SCOPES, SEVERITIES, CATEGORIES } from '../../../src/glossary.js';

export type AmountInput = string | number | null | undefined;

/** Canonical decimal string of an amount, or null ("-", "", null). */
export function toDecimal(v: AmountInput): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    return normalizeDecimal(v.toFixed(6));
  }
  return normalizeDecimal(v);
}

/** Amount in 万元 → integer fen (null when absent or not an amount). */
export function wanToFen(v: AmountInput): number | null {
  const d = toDecimal(v);
  if (d === null) return null;
  try {
    return toFen(d, '万元');
  } catch {
    return null;
  }
}

/** "80818.35" → "80,818.35"; pads to `places` decimals, rounds half-up only past 6 decimals. */
export function fmtAmount(v: AmountInput, places = 2): string {
  const d = toDecimal(v);
  if (d === null) return '—';
  const [, frac = ''] = d.split('.');
  if (frac.length <= places) {
    const padded = places > 0 ? `${d.includes('.') ? d : `${d}.`}${'0'.repeat(places - frac.length)}` : d;
    return groupThousands(padded);
  }
  const fen = wanToFen(d);
  return fen === null ? groupThousands(d) : groupThousands(formatFen(fen, '万元', places));
}

/** Exact share part/base as a percentage string with `places` decimals ("12.34%"), or "—". */
export function fmtShare(part: AmountInput, base: AmountInput, places = 2): string {
  const p = wanToFen(part);
  const b = wanToFen(base);
  if (p === null || b === null) return '—';
  const r = ratio(p, b);
  return r ? `${formatRatio(r, '%', places)}%` : '—';
}

/** A rate or share the API already computed (number or string, percent or fraction as stated). */
export function fmtPercent(v: AmountInput, places = 2): string {
  const d = toDecimal(v);
  if (d === null) return '—';
  return `${fmtAmount(d, places)}%`;
}

/** Signed amount for differences: "+1,234.00" / "-12.50". */
export function fmtSigned(v: AmountInput, places = 2): string {
  const d = toDecimal(v);
  if (d === null) return '—';
  if (d === '0') return fmtAmount(d, places);
  return d.startsWith('-') ? fmtAmount(d, places) : `+${fmtAmount(d, places)}`;
}

/** Amount as a JS number, for chart geometry only (never displayed or summed). Unknown stays
 *  null, which ECharts draws as a gap: an unknown figure is never charted as 0. */
export function chartNumber(v: AmountInput): number | null {
  const fen = wanToFen(v);
  return fen === null ? null : fen / 1_000_000;
}

export function kindName(kind: string): string {
  return (KINDS as Record<string, string>)[kind] ?? kind;
}

/** "部门预算", "单位决算": a department's own budget told from one of its units'. */
export function docKindName(kind: string, scope: string | null | undefined): string {
  const s = scope ? ((SCOPES as Record<string, string>)[scope] ?? '') : '';
  return `${s}${kindName(kind)}`;
}

export function severityName(s: string): string {
  return (SEVERITIES as Record<string, string>)[s] ?? s;
}

export function categoryName(c: string): string {
  return (CATEGORIES as Record<string, string>)[c] ?? c;
}

export const STATUS_NAMES: Record<string, string> = { clean: '无问题', warning: '有警告', error: '有错误' };

export function statusName(s: string): string {
  return STATUS_NAMES[s] ?? s;
}

export const LEVEL_NAMES: Record<string, string> = { central: '中央', province: '省级', city: '市级', county: '县级', unknown: '未知' };

export function levelName(l: string | null | undefined): string {
  return l ? (LEVEL_NAMES[l] ?? l) : '—';
}

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A finding's expected/actual value: grouped when it is an amount, as written otherwise. */
export function fmtValue(v: AmountInput, unit?: string | null): string {
  if (v === null || v === undefined) return '—';
  const d = toDecimal(v);
  if (d === null) return String(v);
  const frac = d.split('.')[1]?.length ?? 0;
  const money = unit === '万元' || unit === '元';
  return fmtAmount(d, Math.min(Math.max(frac, money ? 2 : 0), 6));
}

/** A unit as "code name": the code once, even when the name as read starts with it ("301001局本级"). */
export function unitLabel(code: string | null | undefined, name: string): string {
  const c = (code ?? '').trim();
  const bare = c && name.startsWith(c) ? name.slice(c.length).trim() : name.trim();
  return c ? `${c} ${bare}` : bare;
}
