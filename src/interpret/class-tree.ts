// Tables whose rows are a tree: 合计 → (department) → units → classification codes → (projects).
// Covers 部门支出总表, 一般公共预算支出/基本支出/项目支出表, 三公 tables, fund tables. The tree is
// what arithmetic rules walk: every parent row equals the sum of its children, per measure.

import type { AmountUnit } from '../money/amount.js';
import type { Fact, RowKind, TableRow } from '../model/types.js';
import type { ProfileTable } from '../profiles/types.js';
import type { RawRow, RawTable } from '../read/raw.js';
import {
  compact,
  isTotalLabel,
  makeFact,
  maxDecimals,
  newTable,
  provenance,
  readAmount,
  unitNameMatches,
  type InterpretContext,
  type TableOutput,
} from './common.js';

const digits = (s: string | undefined) => /^\d+$/.test((s ?? '').trim());

function rowCode(cells: string[], spec: ProfileTable): string | null {
  const cols = spec.codeColumns ?? [];
  if (cols.length === 0) return null;
  const parts = cols.map((c) => (cells[c] ?? '').trim()).filter((x) => x !== '');
  if (parts.length === 0 || !parts.every((x) => digits(x))) return null;
  // Either the full code in the last filled column (3-1 prints 30101 beside 301 | 01) or 类|款|项 pieces.
  const last = parts[parts.length - 1]!;
  if (spec.classification === 'economic') return last;
  return last.length >= 5 ? last : parts.join('');
}

const isEconomicCode = (c: string) => /^[35]\d{2}(\d{2}(\d{2})?)?$/.test(c);
const isFunctionCode = (c: string) => /^2\d{2}(\d{2}(\d{2})?)?$/.test(c);

export function interpretClassTree(raw: RawTable, spec: ProfileTable, unit: AmountUnit, ctx: InterpretContext): TableOutput {
  const measures = spec.measures ?? [];
  const labelCol = spec.labelColumn ?? 0;
  const firstData = raw.rows.findIndex((r) => isDataRow(r, spec));
  const dataRows = firstData < 0 ? [] : raw.rows.slice(firstData);
  const table = newTable(
    spec,
    raw,
    unit,
    maxDecimals(
      dataRows,
      measures.map((m) => m.column),
    ),
  );
  const facts: Fact[] = [];
  let total: TableRow | null = null;
  let department: TableRow | null = null;
  let currentUnit: TableRow | null = null;
  let currentGroup: TableRow | null = null;
  let codeStack: TableRow[] = [];

  const push = (r: RawRow, kind: RowKind, label: string, code: string | null, unitCode: string | null, parent: TableRow | null) => {
    const row: TableRow = {
      index: table.rows.length,
      kind,
      label,
      code,
      unitCode,
      project: null,
      item: null,
      side: null,
      parent: parent?.index ?? null,
      source: provenance(raw, r, table.rows.length),
    };
    table.rows.push(row);
    return row;
  };

  for (const r of dataRows) {
    const cells = r.cells;
    const label = (cells[labelCol] ?? '').trim();
    let code = rowCode(cells, spec);
    let unitCode = spec.unitCodeColumn !== undefined && digits(cells[spec.unitCodeColumn]) ? cells[spec.unitCodeColumn]!.trim() : null;
    const hasValues = measures.some((m) => readAmount(cells[m.column]) !== null);
    if (code && spec.classification === 'economic' && !isEconomicCode(code)) {
      unitCode = code;
      code = null;
    }
    if (code && spec.classification === 'function' && !isFunctionCode(code)) code = null;

    let row: TableRow;
    if (!code && isTotalLabel(label)) {
      row = push(r, 'total', '合计', null, null, null);
      total = row;
      department = currentUnit = currentGroup = null;
      codeStack = [];
    } else if (!code && !label && !unitCode) {
      if (!hasValues) continue;
      // The department row, whose name cell the extraction lost.
      row = push(r, 'department', '', null, null, total);
      department = row;
      currentUnit = currentGroup = null;
      codeStack = [];
    } else if (!code && (unitCode || isUnitLabel(label, ctx) || !spec.hasProjects)) {
      row = push(r, 'unit', label, null, unitCode, department ?? total);
      currentUnit = row;
      currentGroup = null;
      codeStack = [];
    } else if (!code) {
      row = push(r, 'group', label, null, currentUnit?.unitCode ?? null, currentUnit ?? department ?? total);
      currentGroup = row;
      codeStack = [];
    } else {
      const top = () => codeStack[codeStack.length - 1]!.code!;
      while (codeStack.length && !(code.startsWith(top()) && code.length > top().length)) codeStack.pop();
      const parent = codeStack[codeStack.length - 1] ?? currentGroup ?? currentUnit ?? department ?? total;
      row = push(r, 'detail', label, code, unitCode ?? currentUnit?.unitCode ?? null, parent);
      if (spec.hasProjects) row.project = label;
      codeStack.push(row);
      // A unit row learns its code from its first coded row.
      if (currentUnit && !currentUnit.unitCode && unitCode) currentUnit.unitCode = unitCode;
      if (currentGroup && !currentGroup.unitCode && unitCode) currentGroup.unitCode = unitCode;
    }
    measures.forEach((m) => {
      const v = readAmount(cells[m.column]);
      if (v === undefined) {
        ctx.notes.push({ message: `表${spec.id}第${r.line}行“${cells[m.column]}”不是金额，已忽略`, source: provenance(raw, r, row.index, m.column) });
        return;
      }
      if (v === null) return;
      table.empty = false;
      facts.push(makeFact(table, row, m.measure, v, unit, {}, provenance(raw, r, row.index, m.column)));
    });
  }

  // Coded rows with children are subtotals; fill dimensions now that the tree is known.
  const hasChild = new Set(table.rows.map((r) => r.parent).filter((p): p is number => p !== null));
  for (const row of table.rows) if (row.kind === 'detail' && hasChild.has(row.index)) row.kind = 'group';
  for (const f of facts) {
    const row = table.rows[f.row]!;
    f.rowKind = row.kind;
    if (row.code) {
      if (spec.classification === 'economic') f.dims.economicCode = row.code;
      else f.dims.functionCode = row.code;
    }
    if (row.unitCode) f.dims.unitCode = row.unitCode;
    if (row.project) f.dims.project = row.project;
    if (spec.fundType) f.dims.fundType = spec.fundType;
  }
  return { table, facts };
}

function isDataRow(r: RawRow, spec: ProfileTable): boolean {
  const label = r.cells[spec.labelColumn ?? 0] ?? '';
  if (isTotalLabel(label)) return true;
  if (rowCode(r.cells, spec)) return true;
  return (spec.measures ?? []).some((m) => readAmount(r.cells[m.column]) != null);
}

function isUnitLabel(label: string, ctx: InterpretContext): boolean {
  if (!label) return false;
  if (unitNameMatches(label, ctx.department) || compact(label).endsWith('部门')) return true;
  return ctx.unitNames.some((u) => unitNameMatches(label, u));
}
