// Two-sided statement tables (收支总表, 财政拨款收支总表): income items on the left, expenditure
// items on the right, one line carrying one row of each. Items are recognised by their printed
// label (profile data); expenditure 类 rows by the function catalog.

import { printedStepFen, toFen, type AmountUnit } from '../money/amount.js';
import { compareAmounts } from '../money/rounding.js';
import type { Fact, TableRow } from '../model/types.js';
import type { ProfileTable, StatementItem } from '../profiles/types.js';
import type { RawTable } from '../read/raw.js';
import { catalogs } from '../reference/catalog.js';
import { compact, makeFact, printedDecimals, newTable, provenance, readAmount, stripNumbering, type InterpretContext, type TableOutput } from './common.js';

export function interpretStatement(raw: RawTable, spec: ProfileTable, unit: AmountUnit, ctx: InterpretContext): TableOutput {
  const sides = spec.sides ?? [];
  const items = spec.items ?? [];
  const fn = catalogs().functional;
  const table = newTable(
    spec,
    raw,
    unit,
    printedDecimals(
      raw.rows,
      sides.flatMap((s) => s.measures.map((m) => m.column)),
    ),
  );
  const facts: Fact[] = [];
  const heading = new Map<string, string | null>();
  const seen = new Set<string>();
  const subtotals = subtotalLines(raw, spec);

  for (const r of raw.rows) {
    for (const side of sides) {
      const printed = (r.cells[side.labelColumn] ?? '').trim();
      const label = stripNumbering(printed);
      if (!label || label === '项目' || /^(收入|支出)$/.test(label)) continue;
      const item = matchItem(items, side.side, label, heading.get(side.side) ?? null);
      if (item?.heading) heading.set(side.side, item.key);
      let key = item?.key ?? null;
      if (!key && side.side === 'expenditure') {
        const cls = fn.classByName(label);
        key = cls ? `class:${cls.code}` : null;
        if (!key && /支出$|预备费|国库拨款专用/.test(label)) key = `class:x-${label}`;
      }
      const values = side.measures.map((m) => ({ m, v: readAmount(r.cells[m.column]) }));
      if (!key) {
        if (values.some((x) => x.v)) ctx.notes.push({ message: `表${spec.id}第${r.line}行项目“${printed}”未识别`, source: provenance(raw, r, -1) });
        continue;
      }
      if (subtotals.has(`${side.side}:${r.line}`)) {
        // The heading of its own numbered items: their subtotal, not one more part of the year's income.
        key = `${key}#${r.line}`;
      } else if (seen.has(key) && !item?.under) {
        // Same label twice on one side (e.g. sub-lines under two headings without a profile rule).
        key = `${key}#${r.line}`;
      }
      seen.add(key);

      const row: TableRow = {
        index: table.rows.length,
        kind: /Total$|^current(Year)?(Income|Expenditure)$/.test(key) ? 'total' : 'item',
        label: printed,
        code: key.startsWith('class:') && /^\d{3}$/.test(key.slice(6)) ? key.slice(6) : null,
        unitCode: null,
        project: null,
        item: key,
        side: side.side,
        parent: null,
        source: provenance(raw, r, table.rows.length, side.labelColumn),
      };
      table.rows.push(row);
      for (const { m, v } of values) {
        if (v === undefined || v === null) continue;
        table.empty = false;
        const dims: Fact['dims'] = { item: key };
        if (row.code) dims.functionCode = row.code;
        if (spec.fundType) dims.fundType = m.measure === 'total' || m.measure === 'amount' ? spec.fundType : m.measure;
        facts.push(makeFact(table, row, m.measure, v, unit, dims, provenance(raw, r, row.index, m.column)));
      }
    }
  }
  return withoutSubLinesTakenForClasses({ table, facts }, unit, ctx);
}

const NUMBERED_CLASS = /^[一二三四五六七八九十]+[、.．]/;

/**
 * An unnumbered "…支出" line that the function catalog does not know is kept as a class, because the catalog is
 * partial. Where the document numbers its classes (一、教育支出 … 二、科学技术支出) and prints 款 and 项 beneath them
 * without codes (Shenzhen's 财政拨款收支总表), such lines are those 款/项: the reading that leaves them out is taken
 * when it makes the classes add up to 本年支出合计 in every measure and the reading that keeps them does not.
 */
function withoutSubLinesTakenForClasses(out: TableOutput, unit: AmountUnit, ctx: InterpretContext): TableOutput {
  const { table, facts } = out;
  const expenditure = table.rows.filter((r) => r.side === 'expenditure');
  const isClass = (r: TableRow) => r.item?.startsWith('class:') ?? false;
  const numbered = expenditure.filter((r) => isClass(r) && NUMBERED_CLASS.test(compact(r.label)));
  const guessed = expenditure.filter((r) => r.item?.startsWith('class:x-') && !NUMBERED_CLASS.test(compact(r.label)));
  const total = expenditure.find((r) => r.item === 'currentExpenditure');
  if (!numbered.length || !guessed.length || !total) return out;
  const dropped = new Set(guessed.map((r) => r.index));
  const measures = [...new Set(facts.filter((f) => f.row === total.index).map((f) => f.measure))];
  if (!measures.length) return out;
  const sum = (m: string, rows: TableRow[]) => {
    const ids = new Set(rows.map((r) => r.index));
    return facts.filter((f) => f.measure === m && ids.has(f.row)).reduce((n, f) => n + toFen(f.value, unit), 0);
  };
  const classes = expenditure.filter(isClass);
  const kept = classes.filter((r) => !dropped.has(r.index));
  const totalOf = (m: string) => toFen(facts.find((f) => f.row === total.index && f.measure === m)!.value, unit);
  // Within rounding (尾差) of the printed step: the classes are rounded parts of the total.
  const step = printedStepFen(unit, table.decimals);
  const holds = (rows: TableRow[]) => measures.every((m) => compareAmounts(sum(m, rows), totalOf(m), rows.length, step).kind !== 'mismatch');
  const keptHolds = holds(kept);
  const allHold = holds(classes);
  if (!keptHolds || allHold) return out;
  const renumber = new Map<number, number>();
  table.rows = table.rows.filter((r) => !dropped.has(r.index));
  table.rows.forEach((r, i) => {
    renumber.set(r.index, i);
    r.index = i;
    if (r.source.row !== undefined) r.source.row = i;
  });
  const keptFacts = facts.filter((f) => !dropped.has(f.row));
  for (const f of keptFacts) {
    f.row = renumber.get(f.row)!;
    if (f.source.row !== undefined) f.source.row = f.row;
  }
  ctx.notes.push({
    message: `表${table.id}中未编号的${guessed.length}行（${[...new Set(guessed.map((r) => `“${compact(r.label)}”`))].slice(0, 3).join('、')}等）是其上方功能类下的款、项，不作为功能类：去掉后各类之和等于本年支出合计`,
    source: total.source,
  });
  return { table, facts: keptFacts };
}

/**
 * Headings (三、单位资金) over numbered items (1.事业收入 … 5.其他收入) that name the heading's own
 * item again: the heading is their subtotal, and the item is the numbered line that names it. As
 * side:line keys.
 */
function subtotalLines(raw: RawTable, spec: ProfileTable): Set<string> {
  const out = new Set<string>();
  const items = spec.items ?? [];
  for (const side of spec.sides ?? []) {
    const lines = raw.rows
      .map((r) => ({ r, printed: compact(r.cells[side.labelColumn] ?? '') }))
      .filter((x) => x.printed && !/^(项目|收入|支出)$/.test(x.printed));
    lines.forEach(({ r, printed }, k) => {
      if (!/^[一二三四五六七八九十]+、/.test(printed)) return;
      const own = matchItem(items, side.side, stripNumbering(printed), null)?.key;
      if (!own) return;
      for (const next of lines.slice(k + 1)) {
        if (!/^\d+[.、．]/.test(next.printed)) break;
        if (matchItem(items, side.side, stripNumbering(next.printed), null)?.key === own) out.add(`${side.side}:${r.line}`);
      }
    });
  }
  return out;
}

function matchItem(items: StatementItem[], side: string, label: string, heading: string | null): StatementItem | undefined {
  // Enumeration commas and quotes vary between printings ("上年结余、结转" is 上年结余结转).
  const key = (x: string) => compact(x).replace(/[、，,“”"]/g, '');
  const l = key(label);
  const candidates = items.filter((i) => i.side === side && i.labels.some((x) => key(x) === l));
  // Before any heading line (Guangdong prints 一、一般公共预算 without 本年收入 above it), lines
  // read as under the side's first heading: the year's own money comes first.
  const firstHeading = items.find((i) => i.side === side && i.heading)?.key;
  return (
    candidates.find((i) => i.under === heading) ??
    candidates.find((i) => !i.under) ??
    (heading === null ? candidates.find((i) => i.under === firstHeading) : undefined)
  );
}
