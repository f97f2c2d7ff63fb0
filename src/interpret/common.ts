// Helpers shared by the table interpreters.

import { decimalsOf, isAmountText, normalizeDecimal, type AmountUnit } from '../money/amount.js';
import type { Fact, FactDimensions, Provenance, TableInstance, TableRow } from '../model/types.js';
import type { ProfileTable } from '../profiles/types.js';
import type { RawRow, RawTable } from '../read/raw.js';

export const TOTAL_LABELS = new Set(['合计', '总计', '合計']);

export const compact = (s: string) => s.replace(/\s+/g, '');

export function isTotalLabel(label: string): boolean {
  return TOTAL_LABELS.has(compact(label));
}

/** Strip list numbering: "一、", "（三）", "1.", "其中：". */
export function stripNumbering(label: string): string {
  return compact(label)
    .replace(/^([一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|（[一二三四五六七八九十\d]+）|\d+[.、．])/, '')
    .replace(/^其中[:：]/, '');
}

export interface InterpretContext {
  department: string;
  kind: 'budget' | 'final';
  fiscalYear: number | null;
  unitNames: string[];
  notes: { message: string; source: Provenance }[];
}

export interface TableOutput {
  table: TableInstance;
  facts: Fact[];
}

export function provenance(raw: RawTable, row: RawRow, rowIndex: number, column?: number): Provenance {
  const p: Provenance = { line: row.line, table: raw.tableId, row: rowIndex };
  if (column !== undefined) p.column = column;
  if (row.page !== undefined) p.page = row.page;
  const box = column !== undefined ? row.boxes?.[column] : undefined;
  if (box) p.box = box;
  return p;
}

/** Read an amount cell: null when blank, the canonical decimal when numeric, undefined when garbage. */
export function readAmount(cell: string | undefined): string | null | undefined {
  const c = (cell ?? '').trim();
  if (c === '' || c === '-' || c === '—' || c === '--') return null;
  if (!isAmountText(c)) return undefined;
  return normalizeDecimal(c);
}

/**
 * The decimals a table's amounts are printed with: the most any of them print, unless only a stray
 * one or two in a long table do (a number glued to its neighbour's digits, 174,900.64101), which
 * does not make every 0.01 of the table's 尾差 an error. A short table has too few amounts to tell.
 */
export function printedDecimals(rows: RawRow[], columns: number[]): number {
  const ds: number[] = [];
  for (const r of rows) for (const c of columns) if (isAmountText(r.cells[c] ?? '')) ds.push(decimalsOf(r.cells[c]!));
  const max = Math.max(0, ...ds);
  for (let d = max; d > 2; d--) {
    const finer = ds.filter((x) => x >= d).length;
    if (ds.length < 20 || (finer >= 2 && finer >= ds.length * 0.05)) return d;
  }
  return Math.min(max, 2);
}

export function makeFact(
  table: TableInstance,
  row: TableRow,
  measure: string,
  value: string,
  unit: AmountUnit,
  dims: FactDimensions,
  source: Provenance,
): Fact {
  return { table: table.id, row: row.index, measure, value, unit, rowKind: row.kind, label: row.label, dims, source };
}

/** Unit-name match, accepting truncation by cell width and 机关/部门 suffixes. */
export function unitNameMatches(a: string, b: string): boolean {
  const x = normName(a);
  const y = normName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const strip = (s: string) => s.replace(/(机关|本级|部门)$/, '');
  if (strip(x) === strip(y)) return true;
  return (x.length >= 6 && y.startsWith(x)) || (y.length >= 6 && x.startsWith(y) && x.length - y.length <= 2);
}

export const normName = (s: string) => compact(s).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/^\d+-/, '');

/** An empty instance of a profile table as printed in the body; interpreters fill rows and `empty`. */
export function newTable(
  spec: Pick<ProfileTable, 'id' | 'role' | 'title' | 'measures' | 'sides'>,
  raw: RawTable,
  unit: AmountUnit,
  decimals: number,
): TableInstance {
  const declared = [...(spec.measures ?? []), ...(spec.sides ?? []).flatMap((s) => s.measures)].map((m) => m.measure);
  return {
    id: spec.id,
    role: spec.role,
    title: spec.title,
    printedTitle: raw.printedTitle,
    unit,
    decimals,
    present: true,
    empty: true,
    note: raw.notes.map((n) => n.text).join(' ') || null,
    rows: [],
    measures: [...new Set(raw.measures ?? declared)],
    reading: { status: 'unchecked', checked: 0, failed: 0, reason: null },
    source: { line: raw.titleLine, table: spec.id },
  };
}
