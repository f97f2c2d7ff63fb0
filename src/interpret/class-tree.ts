// Tables whose rows are a tree: 合计 → (department) → units → classification codes → (projects).
// Covers 部门支出总表, 一般公共预算支出/基本支出/项目支出表, 三公 tables, fund tables. The tree is
// what arithmetic rules walk: every parent row equals the sum of its children, per measure.

import { isAmountText, normalizeDecimal, type AmountUnit } from '../money/amount.js';
import type { Fact, RowKind, TableRow } from '../model/types.js';
import type { ProfileTable } from '../profiles/types.js';
import type { RawRow, RawTable } from '../read/raw.js';
import { catalogs } from '../reference/catalog.js';
import {
  compact,
  isTotalLabel,
  makeFact,
  printedDecimals,
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

export interface TreeOptions {
  /** Nest rows by the indent of their labels, not by catalog codes (see interpretClassTreeByIndent). */
  byIndent?: boolean;
}

/**
 * Whether a names-only table (Hangzhou prints 类, 款 and 项 by name, each level indented further)
 * has a candidate reading that nests rows by their labels' indent (TreeOptions.byIndent): a name
 * the catalog lacks (超长期特别国债安排的支出, a 款 newer than the catalog) still has its children
 * under it, and a 类 after them goes back to the top. Not when the table prints codes or its rows
 * carry no positions.
 */
export function nestsByIndent(raw: RawTable, spec: ProfileTable): boolean {
  if (!spec.classification || spec.classification === 'none' || raw.rows.some((r) => rowCode(r.cells, spec))) return false;
  const lc = spec.labelColumn ?? 0;
  const xs = raw.rows.filter((r) => r.cells[lc]?.trim() && !isTotalLabel(r.cells[lc]!.trim())).map((r) => r.boxes?.[lc]?.[0]);
  if (xs.length === 0 || xs.some((x) => x === undefined)) return false;
  const min = Math.min(...(xs as number[]));
  return xs.some((x) => x! > min + INDENT);
}

/** Label starts further right than this (PDF points) are a deeper level. */
const INDENT = 2;

export function interpretClassTree(raw: RawTable, spec: ProfileTable, unit: AmountUnit, ctx: InterpretContext, options: TreeOptions = {}): TableOutput {
  const measures = spec.measures ?? [];
  if (spec.role === 'gpbThreePublic') {
    const byRows = interpretMeasureRows(raw, spec, unit);
    if (byRows) return byRows;
  }
  raw = pickVersionRow(raw, ctx);
  const labelCol = spec.labelColumn ?? 0;
  const firstData = raw.rows.findIndex((r) => isDataRow(r, spec));
  const dataRows = firstData < 0 ? [] : raw.rows.slice(firstData);
  const table = newTable(
    spec,
    raw,
    unit,
    printedDecimals(
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
  let lastCells: string[] | null = null;
  // Rows by indent, outermost first (byIndent only).
  let indentStack: { row: TableRow; x: number }[] = [];

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

  // Templates that print names only (Hangzhou): the code comes from the catalog, by name under
  // the rows above it (其他一般公共服务支出 is a 款 under 201 and a 项 under 20199).
  const catalog = spec.classification === 'function' ? catalogs().functional : spec.classification === 'economic' ? catalogs().economic : null;
  const namesOnly = catalog !== null && dataRows.length > 0 && !dataRows.some((r) => rowCode(r.cells, spec));
  const codeByName = (label: string): string | null => {
    if (!catalog || !label || isTotalLabel(label)) return null;
    for (let k = codeStack.length - 1; k >= 0; k--) {
      const child = catalog.childByName(codeStack[k]!.code!, label);
      if (child) return child.code;
    }
    return catalog.classByName(label)?.code ?? null;
  };

  const firstMeasure = measures[0];
  const sameAsTotal = (r: RawRow) => {
    if (!firstMeasure || !total) return false;
    const mine = readAmount(r.cells[firstMeasure.column]);
    const whole = facts.find((f) => f.row === total!.index && f.measure === firstMeasure.measure)?.value;
    return !!mine && !!whole && normalizeDecimal(mine) === normalizeDecimal(whole);
  };

  // The unit code of the first coded row after row `at` (before the next 合计), when the table has a unit code column.
  const nextUnitCode = (at: number): string | null => {
    if (spec.unitCodeColumn === undefined) return null;
    for (const r of dataRows.slice(at + 1)) {
      if (isTotalLabel((r.cells[labelCol] ?? '').trim())) return null;
      if (!rowCode(r.cells, spec)) continue;
      const c = r.cells[spec.unitCodeColumn];
      return digits(c) ? c!.trim() : null;
    }
    return null;
  };

  for (const [at, r] of dataRows.entries()) {
    const cells = r.cells;
    const label = (cells[labelCol] ?? '').trim();
    const x = r.boxes?.[labelCol]?.[0];
    if (options.byIndent && namesOnly && x !== undefined) {
      // The rows this one is indented under are its ancestors; the catalog looks its name up under theirs.
      while (indentStack.length && indentStack[indentStack.length - 1]!.x >= x - INDENT) indentStack.pop();
      codeStack = indentStack.map((e) => e.row).filter((e) => e.code);
    }
    let code = rowCode(cells, spec) ?? (namesOnly && !isUnitLabel(label, ctx) ? codeByName(label) : null);
    let unitCode = spec.unitCodeColumn !== undefined && digits(cells[spec.unitCodeColumn]) ? cells[spec.unitCodeColumn]!.trim() : null;
    const hasValues = measures.some((m) => readAmount(cells[m.column]) !== null);
    if (code && spec.classification === 'economic' && !isEconomicCode(code)) {
      unitCode = code;
      code = null;
    }
    if (code && spec.classification === 'function' && !isFunctionCode(code)) code = null;

    let row: TableRow;
    const indented = options.byIndent && namesOnly && x !== undefined && label !== '' && !unitCode && !isUnitLabel(label, ctx) && !isTotalLabel(label);
    if (!code && isTotalLabel(label)) {
      row = push(r, 'total', '合计', null, null, null);
      total = row;
      department = currentUnit = currentGroup = null;
      codeStack = [];
      indentStack = [];
    } else if (!code && !unitCode && label && !department && !currentUnit && total && compact(label) === compact(ownName(ctx.department)) && sameAsTotal(r)) {
      // The department's own line under 合计, before its units (杭州市公安局 then its 支队), carrying
      // the whole total; with less than the total it is the department's 本级 unit beside the others.
      // The line names the department without the scope the cover adds (西安市公安局（汇总）).
      row = push(r, 'department', label, null, null, total);
      department = row;
      currentGroup = null;
      codeStack = [];
      indentStack = [];
    } else if (indented) {
      const parent = indentStack[indentStack.length - 1]?.row ?? currentGroup ?? currentUnit ?? department ?? total;
      row = push(r, 'detail', label, code, currentUnit?.unitCode ?? null, parent);
      if (spec.hasProjects && code) row.project = label;
      indentStack.push({ row, x: x! });
    } else if (!code && !label && !unitCode) {
      if (!hasValues) continue;
      // The department row, whose name cell the extraction lost.
      row = push(r, 'department', '', null, null, total);
      department = row;
      currentUnit = currentGroup = null;
      codeStack = [];
      indentStack = [];
    } else if (
      !code &&
      (unitCode ||
        isUnitLabel(label, ctx) ||
        !spec.hasProjects ||
        // A name line whose projects belong to another unit than the current one's: the next unit, even
        // when no unit list names it (its name wrapped or glued in the tables that list units).
        (label !== '' && !!currentUnit?.unitCode && (nextUnitCode(at) ?? currentUnit.unitCode) !== currentUnit.unitCode))
    ) {
      row = push(r, 'unit', label, null, unitCode, department ?? total);
      currentUnit = row;
      currentGroup = null;
      codeStack = [];
      indentStack = [];
    } else if (!code) {
      row = push(r, 'group', label, null, currentUnit?.unitCode ?? null, currentUnit ?? department ?? total);
      currentGroup = row;
      codeStack = [];
      indentStack = [];
    } else {
      const top = () => codeStack[codeStack.length - 1]!.code!;
      // A 款 without 项 printed again as its own item (21999 其他支出 twice, same amounts): the
      // repeat is the item under it, not a sibling counted twice. Rows of a flat list that name
      // another economic item beside the same function code ("2130311 … 30217-公务接待费") are siblings.
      const last = codeStack[codeStack.length - 1];
      const repeat =
        last !== undefined &&
        last === table.rows.at(-1) &&
        last.code === code &&
        compact(last.label) === compact(label) &&
        lastCells !== null &&
        measures.every((m) => (cells[m.column] ?? '') === (lastCells![m.column] ?? ''));
      if (!repeat) while (codeStack.length && !(code.startsWith(top()) && code.length > top().length)) codeStack.pop();
      const parent = codeStack[codeStack.length - 1] ?? currentGroup ?? currentUnit ?? department ?? total;
      row = push(r, 'detail', label, code, unitCode ?? currentUnit?.unitCode ?? null, parent);
      if (spec.hasProjects) row.project = label;
      codeStack.push(row);
      // A unit row learns its code from its first coded row.
      if (currentUnit && !currentUnit.unitCode && unitCode) currentUnit.unitCode = unitCode;
      if (currentGroup && !currentGroup.unitCode && unitCode) currentGroup.unitCode = unitCode;
    }
    lastCells = cells;
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

/** A department's name without a trailing scope in brackets (（汇总）, （本级）). */
function ownName(department: string | null | undefined): string {
  return (department ?? '').trim().replace(/[（(][^（()）]*[)）]$/, '');
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

/**
 * A total printed in several versions, one per line: 预算数 | 决算数 (决算 三公 tables), or
 * 2025年 | 2026年 | 增减变化金额 (Shenzhen). The document's own version is the table's 合计; the
 * others are comparisons the model does not hold, so they are noted and left out.
 */
function pickVersionRow(raw: RawTable, ctx: InterpretContext): RawTable {
  const VERSION = /^(预算数|决算数|(\d{4})年(预算数?|决算数?)?|增减变化(金额)?|增减(额|率)?)$/;
  const labelOf = (r: RawRow) => compact(r.cells[labelColumnOf(r)] ?? '');
  const versions = raw.rows.filter((r) => VERSION.test(labelOf(r)));
  if (versions.length < 2 || raw.rows.some((r) => r.cells.some((c) => isTotalLabel(c.trim())))) return raw;
  const version = (r: RawRow) => (ctx.kind === 'final' ? labelOf(r) === '决算数' : ctx.fiscalYear !== null && labelOf(r).startsWith(`${ctx.fiscalYear}年`));
  const chosen = versions.find(version);
  if (!chosen) return raw;
  const rows = raw.rows.flatMap((r) => {
    if (r === chosen) return [{ ...r, cells: r.cells.map((c, k) => (k === labelColumnOf(r) ? '合计' : c)) }];
    return versions.includes(r) ? [] : [r];
  });
  return { ...raw, rows };
}

/** The cell holding the row's label: the first non-empty cell that is not an amount. */
function labelColumnOf(r: RawRow): number {
  return r.cells.findIndex((c) => c.trim() !== '' && !isAmountText(c.trim().replace(/%$/, '')));
}

/**
 * A 三公 table printed as a list (Guangdong: 行政经费 / “三公”经费 / 其中：因公出国 … one amount per
 * line) rather than one row of columns: each line's label names its measure. Read as the one 合计
 * row, every fact keeping its own line.
 */
function interpretMeasureRows(raw: RawTable, spec: ProfileTable, unit: AmountUnit): TableOutput | null {
  const measures = spec.measures ?? [];
  const RULES: [string, RegExp][] = [
    ['vehiclePurchase', /公务用车购置费/],
    ['vehicleOperation', /公务用车运行(维护)?费/],
    ['vehicle', /公务用车购置(及|和)运行/],
    ['abroad', /因公出国/],
    ['reception', /公务接待/],
    ['total', /^“?三公”?经费(合计|支出|预算|总额)?$|^(合计|总计)$/],
  ];
  const lines: { r: RawRow; measure: string; value: string; column: number }[] = [];
  for (const r of raw.rows) {
    const filled = r.cells.map((c, k) => ({ c: c.trim(), k })).filter((x) => x.c !== '');
    const amounts = filled.filter((x) => readAmount(x.c) !== undefined && readAmount(x.c) !== null);
    const label = compact(
      filled
        .filter((x) => !amounts.includes(x))
        .map((x) => x.c)
        .join(''),
    )
      .replace(/^其中[:：]?/, '')
      .replace(/^[(（][一二三四五六七八九十\d]+[)）]|^\d+[.．、]/, '');
    if (amounts.length !== 1) continue;
    const measure = RULES.find(([, re]) => re.test(label))?.[0];
    if (measure && measures.some((m) => m.measure === measure) && !lines.some((l) => l.measure === measure))
      lines.push({ r, measure, value: amounts[0]!.c, column: amounts[0]!.k });
  }
  if (lines.length < 3 || !lines.some((l) => l.measure === 'total')) return null;
  const table = newTable(spec, raw, unit, printedDecimals(raw.rows, [...new Set(lines.map((l) => l.column))]));
  table.measures = lines.map((l) => l.measure);
  const first = lines[0]!.r;
  const row: TableRow = {
    index: 0,
    kind: 'total',
    label: '合计',
    code: null,
    unitCode: null,
    project: null,
    item: null,
    side: null,
    parent: null,
    source: provenance(raw, first, 0),
  };
  table.rows.push(row);
  const facts: Fact[] = [];
  for (const l of lines) {
    const v = readAmount(l.value);
    if (v === null || v === undefined) continue;
    table.empty = false;
    const dims: Fact['dims'] = spec.fundType ? { fundType: spec.fundType } : {};
    facts.push(makeFact(table, row, l.measure, v, unit, dims, provenance(raw, l.r, 0, l.column)));
  }
  return { table, facts };
}
