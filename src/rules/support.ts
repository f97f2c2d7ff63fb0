// Building blocks for rules: locations, amount formatting, and the one comparison that applies
// the rounding policy (src/money/rounding.ts) so every rule reports 尾差 and errors alike.

import { formatFen, groupThousands, type AmountUnit } from '../money/amount.js';
import { compareAmounts } from '../money/rounding.js';
import { measureName } from '../glossary.js';
import type { DisclosureIndex, Valued } from '../model/query.js';
import type { Provenance, TableInstance, TableRow } from '../model/types.js';
import type { Draft, FindingLocation } from './types.js';

export function money(fen: number, unit: AmountUnit, decimals = 2): string {
  return groupThousands(formatFen(fen, unit, Math.max(decimals, 2)));
}

export function plain(fen: number, unit: AmountUnit, decimals = 2): string {
  return formatFen(fen, unit, Math.max(decimals, 2));
}

export function tableLabel(t: TableInstance): string {
  return `表${t.id}“${t.title}”`;
}

export function rowLabel(t: TableInstance, row: TableRow): string {
  if (row.kind === 'total') return '合计行';
  if (row.kind === 'department' && !row.label) return '部门合计行';
  const code = row.code ? `${row.code} ` : '';
  const unit = row.unitCode && row.kind === 'detail' ? `（单位 ${row.unitCode}）` : '';
  return `“${code}${row.label}”${unit}`;
}

export function locOf(source: Provenance, extra: Partial<FindingLocation> = {}): FindingLocation {
  const l: FindingLocation = { line: source.line, ...extra };
  if (source.page !== undefined) l.page = source.page;
  if (source.box) l.box = source.box;
  if (source.table !== undefined && l.table === undefined) l.table = source.table;
  if (source.row !== undefined && l.row === undefined) l.row = source.row;
  return l;
}

/** Location of a table cell: the fact when the cell is filled, else the row. */
export function cellLoc(index: DisclosureIndex, t: TableInstance, row: TableRow, measure: string): FindingLocation {
  const v = index.cell(t.id, row.index, measure);
  const source = v?.fact.source ?? row.source;
  return locOf(source, {
    table: t.id,
    tableTitle: t.title,
    row: row.index,
    label: row.label || (row.kind === 'department' ? '（部门）' : ''),
    measure: measureName(measure),
    value: v ? v.fact.value : '',
  });
}

export function valuedLoc(t: TableInstance, v: Valued, label?: string): FindingLocation {
  return locOf(v.fact.source, {
    table: t.id,
    tableTitle: t.title,
    row: v.fact.row,
    label: label ?? v.fact.label,
    measure: measureName(v.fact.measure),
    value: v.fact.value,
  });
}

/**
 * Compare an expected amount with a printed one under the rounding policy. Returns null when
 * they agree; a warning draft for a rounding difference (尾差); an error draft otherwise.
 */
export function amountCheck(opts: {
  expectedFen: number;
  actualFen: number;
  parts: number;
  unit: AmountUnit;
  stepFen: number;
  decimals?: number;
  what: string;
  expectedHow: string;
  locations: FindingLocation[];
}): Draft | null {
  const cmp = compareAmounts(opts.expectedFen, opts.actualFen, opts.parts, opts.stepFen);
  if (cmp.kind === 'equal') return null;
  const d = opts.decimals ?? 2;
  const diff = cmp.differenceFen;
  const rounding = cmp.kind === 'rounding';
  return {
    severity: rounding ? 'warning' : 'error',
    message:
      `${opts.what}为 ${money(opts.actualFen, opts.unit, d)}，${opts.expectedHow}为 ${money(opts.expectedFen, opts.unit, d)}，` +
      `相差 ${money(diff, opts.unit, d)} ${opts.unit}` +
      (rounding ? `（在 ${opts.parts} 个四舍五入数的尾差允许范围 ${money(cmp.toleranceFen, opts.unit, d)} 内，属尾差）` : ''),
    expected: plain(opts.expectedFen, opts.unit, d),
    actual: plain(opts.actualFen, opts.unit, d),
    difference: plain(diff, opts.unit, d),
    unit: opts.unit,
    locations: opts.locations,
  };
}

/** A printed cell (blank = 0) against the sum of printed parts, in the table's unit and printed precision. */
export function sumCheck(
  index: DisclosureIndex,
  t: TableInstance,
  actual: Valued | null,
  parts: Valued[],
  what: string,
  expectedHow: string,
  locations: FindingLocation[],
): Draft | null {
  const expectedFen = parts.reduce((s, v) => s + v.fen, 0);
  const d = amountCheck({
    expectedFen,
    actualFen: actual?.fen ?? 0,
    parts: Math.max(parts.length, 1),
    unit: t.unit,
    stepFen: index.step(t),
    decimals: t.decimals,
    what,
    expectedHow,
    locations,
  });
  // A blank total is not a total of 0: say that it was left blank.
  if (d && !actual) d.message = `${what}未填列金额（按空白计 0），${expectedHow}为 ${money(expectedFen, t.unit, t.decimals)} ${t.unit}`;
  return d;
}
