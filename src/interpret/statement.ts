// Two-sided statement tables (收支总表, 财政拨款收支总表): income items on the left, expenditure
// items on the right, one line carrying one row of each. Items are recognised by their printed
// label (profile data); expenditure 类 rows by the function catalog.

import type { AmountUnit } from '../money/amount.js';
import type { Fact, TableRow } from '../model/types.js';
import type { ProfileTable, StatementItem } from '../profiles/types.js';
import type { RawTable } from '../read/raw.js';
import { catalogs } from '../reference/catalog.js';
import { compact, makeFact, maxDecimals, newTable, provenance, readAmount, stripNumbering, type InterpretContext, type TableOutput } from './common.js';

export function interpretStatement(raw: RawTable, spec: ProfileTable, unit: AmountUnit, ctx: InterpretContext): TableOutput {
  const sides = spec.sides ?? [];
  const items = spec.items ?? [];
  const fn = catalogs().functional;
  const table = newTable(
    spec,
    raw,
    unit,
    maxDecimals(
      raw.rows,
      sides.flatMap((s) => s.measures.map((m) => m.column)),
    ),
  );
  const facts: Fact[] = [];
  const heading = new Map<string, string | null>();
  const seen = new Set<string>();

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
      if (seen.has(key) && !item?.under) {
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
  return { table, facts };
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
