// Read-side index over a Disclosure: facts by table/row/measure in fen, rows by role, children.
// Built once per check; rules and the summary use it instead of scanning facts.

import { printedStepFen, toFen } from '../money/amount.js';
import type { Disclosure, Fact, TableInstance, TableRow } from './types.js';

export interface Valued {
  fen: number;
  fact: Fact;
}

export class DisclosureIndex {
  private readonly byCell = new Map<string, Valued>();
  private readonly byRole = new Map<string, TableInstance>();
  private readonly childMap = new Map<string, number[]>();

  constructor(readonly doc: Disclosure) {
    for (const f of doc.facts) this.byCell.set(`${f.table}|${f.row}|${f.measure}`, { fen: toFen(f.value, f.unit), fact: f });
    for (const t of doc.tables) {
      if (!this.byRole.has(t.role)) this.byRole.set(t.role, t);
      for (const r of t.rows) {
        if (r.parent === null) continue;
        const key = `${t.id}|${r.parent}`;
        const list = this.childMap.get(key) ?? [];
        list.push(r.index);
        this.childMap.set(key, list);
      }
    }
  }

  table(role: string): TableInstance | undefined {
    return this.byRole.get(role);
  }

  /** A cell's value; null when the cell is blank (blank counts as zero in sums). */
  cell(table: string, row: number, measure: string): Valued | null {
    return this.byCell.get(`${table}|${row}|${measure}`) ?? null;
  }

  fen(table: string, row: number, measure: string): number {
    return this.cell(table, row, measure)?.fen ?? 0;
  }

  children(table: TableInstance, row: number): TableRow[] {
    return (this.childMap.get(`${table.id}|${row}`) ?? []).map((i) => table.rows[i]!);
  }

  step(table: TableInstance): number {
    return printedStepFen(table.unit, Math.max(table.decimals, 2));
  }

  totalRow(table: TableInstance): TableRow | undefined {
    return table.rows.find((r) => r.kind === 'total');
  }

  item(table: TableInstance, key: string): TableRow | undefined {
    return table.rows.find((r) => r.item === key);
  }

  /** Measures that appear in a table, in column order of first appearance. */
  measures(table: TableInstance): string[] {
    const seen: string[] = [];
    for (const f of this.doc.facts) if (f.table === table.id && !seen.includes(f.measure)) seen.push(f.measure);
    return seen;
  }

  /** Leaf rows (no children) of a tree table: detail lines that carry the money. */
  leaves(table: TableInstance): TableRow[] {
    return table.rows.filter((r) => r.kind === 'detail');
  }
}
