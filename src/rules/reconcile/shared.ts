// Shared lookups for cross-table rules: statement items, sums of detail rows grouped by code or
// unit, and whether all of a department's money is 一般公共预算 (when it is, more identities hold).

import type { DisclosureIndex, Valued } from '../../model/query.js';
import type { TableInstance, TableRow } from '../../model/types.js';
import { amountCheck, cellLoc, valuedLoc } from '../support.js';
import type { Draft, FindingLocation } from '../types.js';

export interface Sum {
  fen: number;
  values: { v: Valued; row: TableRow }[];
}

export function itemValue(index: DisclosureIndex, t: TableInstance | undefined, key: string, measure?: string): { v: Valued | null; row: TableRow } | null {
  if (!t) return null;
  const row = t.rows.find((r) => r.item === key);
  if (!row) return null;
  const m = measure ?? index.measures(t).find((x) => index.cell(t.id, row.index, x)) ?? 'amount';
  return { v: index.cell(t.id, row.index, m), row };
}

/** Sum a measure over the detail (leaf) rows of a tree table, grouped by a key. */
export function groupLeaves(
  index: DisclosureIndex,
  t: TableInstance,
  measure: string,
  key: (r: TableRow, t: TableInstance) => string | null,
): Map<string, Sum> {
  const out = new Map<string, Sum>();
  for (const r of t.rows) {
    if (r.kind !== 'detail') continue;
    const k = key(r, t);
    if (k === null) continue;
    const v = index.cell(t.id, r.index, measure);
    const s = out.get(k) ?? { fen: 0, values: [] };
    if (v) {
      s.fen += v.fen;
      s.values.push({ v, row: r });
    }
    out.set(k, s);
  }
  return out;
}

export function rowsByUnit(t: TableInstance): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const r of t.rows) if (r.kind === 'unit' && r.unitCode && !m.has(r.unitCode)) m.set(r.unitCode, r);
  return m;
}

const NON_GPB_INCOME = ['govFundIncome', 'socIncome', 'businessIncome', 'operatingIncome', 'otherIncome', 'fundMakeUp'];

/** True when the summary table shows only 一般公共预算 money (and its carry-over). */
export function allFundsAreGpb(index: DisclosureIndex): boolean {
  const t1 = index.table('summary');
  if (!t1) return false;
  for (const key of NON_GPB_INCOME) {
    const x = itemValue(index, t1, key);
    if (x?.v && x.v.fen !== 0) return false;
  }
  // Positive evidence, not the absence of other lines (a misread 收支总表 lists none): the
  // 一般公共预算 line is read and covers 本年收入合计 (it may also hold 上年结转, as in Chongqing).
  const gpb = itemValue(index, t1, 'gpbIncome')?.v;
  if (!gpb) return false;
  const current = itemValue(index, t1, 'currentYearIncome')?.v;
  if (current && gpb.fen < current.fen) return false;
  const t2 = index.table('fiscalSummary');
  const carry = itemValue(index, t1, 'carryOver')?.v?.fen ?? 0;
  if (t2) {
    const gpbCarry = itemValue(index, t2, 'carryOver.gpb')?.v?.fen ?? 0;
    if (gpbCarry !== carry) return false;
  }
  return true;
}

/** Compare a cell in one table with a figure derived from another. */
export function crossCheck(opts: {
  index: DisclosureIndex;
  table: TableInstance;
  row: TableRow;
  measure: string;
  expected: Sum | { fen: number; loc: FindingLocation[] };
  what: string;
  expectedHow: string;
}): Draft | null {
  const actual = opts.index.cell(opts.table.id, opts.row.index, opts.measure);
  const isSum = 'values' in opts.expected;
  const locations = [
    cellLoc(opts.index, opts.table, opts.row, opts.measure),
    ...('values' in opts.expected ? opts.expected.values.map((x) => valuedLoc(tableOf(opts.index, x.v), x.v)) : opts.expected.loc),
  ];
  return amountCheck({
    expectedFen: opts.expected.fen,
    actualFen: actual?.fen ?? 0,
    parts: isSum ? Math.max(1, (opts.expected as Sum).values.length) : 1,
    unit: opts.table.unit,
    stepFen: opts.index.step(opts.table),
    decimals: opts.table.decimals,
    what: opts.what,
    expectedHow: opts.expectedHow,
    locations,
  });
}

function tableOf(index: DisclosureIndex, v: Valued): TableInstance {
  return index.doc.tables.find((t) => t.id === v.fact.table)!;
}

/**
 * A row's 类: its code's first three digits, or its nearest coded ancestor's for an item the catalog
 * does not name (a names-only table's 一般行政管理事务 under 20407 监狱).
 */
export function classOf(r: TableRow, t?: TableInstance): string | null {
  for (let at: TableRow | undefined = r; at; at = at.parent === null ? undefined : t?.rows[at.parent]) if (at.code) return at.code.slice(0, 3);
  return null;
}
