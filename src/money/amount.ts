// Exact money. Every amount is an integer count of fen (0.01 元) held in a JS number:
// 0.01 万元 = 10,000 fen and 0.000001 万元 = 1 fen, so both published units (元 with 2
// decimals, 万元 with up to 6) are exact. Safe up to ~90 万亿元 (Number.MAX_SAFE_INTEGER fen).

export type AmountUnit = '元' | '万元';

export const FEN_PER_UNIT: Record<AmountUnit, number> = { 元: 100, 万元: 1_000_000 };

/** Printed amount → canonical decimal string ("77,901.83" → "77901.83", "-" / "" → null). */
export function normalizeDecimal(text: string): string | null {
  let s = text.replace(/[\s,，\u00a0]/g, '').replace(/^[（(](.*)[）)]$/, '-$1');
  s = s.replace(/^[−–—]/, '-');
  if (s === '' || s === '-' || s === '—' || s === '——') return null;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  let [int = '0', frac = ''] = s.split('.');
  int = int.replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return neg && out !== '0' ? `-${out}` : out;
}

/** True when the text looks like a printed amount (with or without separators). Some publishers
 *  group only the last thousands ("120258,600" for 120,258,600 元): a comma still precedes exactly
 *  three digits, so it separates thousands, never decimals. */
export function isAmountText(text: string): boolean {
  const t = text.trim();
  return /^-?(\d+(,\d{3})+|\d+)(\.\d+)?$/.test(t);
}

/** Decimal string in `unit` → integer fen. Throws when the value has more precision than a fen. */
export function toFen(decimal: string, unit: AmountUnit): number {
  const neg = decimal.startsWith('-');
  const s = neg ? decimal.slice(1) : decimal;
  const [int = '0', frac = ''] = s.split('.');
  const places = Math.log10(FEN_PER_UNIT[unit]);
  if (frac.length > places) throw new RangeError(`金额 ${decimal}${unit} 超出分的精度`);
  const fen = Number(int) * FEN_PER_UNIT[unit] + Number(frac.padEnd(places, '0') || '0');
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额 ${decimal}${unit} 超出可精确表示的范围`);
  return neg ? -fen : fen;
}

/** Integer fen → decimal string in `unit` with exactly `places` decimals (half-up, away from zero). */
export function formatFen(fen: number, unit: AmountUnit, places = 2): string {
  const per = BigInt(FEN_PER_UNIT[unit]);
  const scale = 10n ** BigInt(places);
  const neg = fen < 0;
  const abs = BigInt(Math.abs(fen));
  // value = abs / per; we want round(abs * scale / per)
  const num = abs * scale;
  let q = num / per;
  if ((num % per) * 2n >= per) q += 1n;
  const int = q / scale;
  const frac = (q % scale).toString().padStart(places, '0');
  const body = places > 0 ? `${int}.${frac}` : `${int}`;
  return neg && q !== 0n ? `-${body}` : body;
}

/** Integer fen → canonical decimal string in `unit`, without trailing zeros (exact). */
export function fenToDecimal(fen: number, unit: AmountUnit): string {
  const places = Math.log10(FEN_PER_UNIT[unit]);
  return normalizeDecimal(formatFen(fen, unit, places)) ?? '0';
}

/** Thousands separators for display: "80818.35" → "80,818.35". */
export function groupThousands(decimal: string): string {
  const neg = decimal.startsWith('-');
  const [int = '0', frac] = (neg ? decimal.slice(1) : decimal).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Convert fen to a JS number in 万元 for JSON summaries (exact to 6 decimals). */
export function fenToWanNumber(fen: number): number {
  return Number(fenToDecimal(fen, '万元'));
}

/** Smallest printed step of a table (one unit in the last printed place), in fen. */
export function printedStepFen(unit: AmountUnit, decimals: number): number {
  return Math.max(1, Math.round(FEN_PER_UNIT[unit] / 10 ** decimals));
}

/** Number of decimals as printed ("80,818.35" → 2). */
export function decimalsOf(text: string): number {
  const m = /\.(\d+)\s*$/.exec(text.replace(/,/g, ''));
  return m?.[1]?.length ?? 0;
}

/** Fen per unit for the units a narrative may use (亿元 only appears in prose). */
export const FEN_PER: Record<string, number> = { 元: 100, 万元: 1_000_000, 亿元: 10_000_000_000 };

/** Integer fen → decimal string in a prose unit (元/万元/亿元), half-up at `places`. */
export function formatFenIn(fen: number, unit: string, places: number): string | null {
  const per = FEN_PER[unit];
  if (!per) return null;
  const scale = 10n ** BigInt(places);
  const abs = BigInt(Math.abs(fen)) * scale;
  const p = BigInt(per);
  let q = abs / p;
  if ((abs % p) * 2n >= p) q += 1n;
  const int = q / scale;
  const frac = (q % scale).toString().padStart(places, '0');
  const body = places > 0 ? `${int}.${frac}` : `${int}`;
  return fen < 0 && q !== 0n ? `-${body}` : body;
}

/** Decimal string in a prose unit → fen (null for units that are not money). */
export function proseToFen(value: string, unit: string): number | null {
  if (unit === '元' || unit === '万元') return toFen(value, unit);
  if (unit === '亿元') {
    const [i = '0', f = ''] = value.replace('-', '').split('.');
    const fen = Number(i) * 1e10 + Number((f + '0000000000').slice(0, 10));
    return value.startsWith('-') ? -fen : fen;
  }
  return null;
}
