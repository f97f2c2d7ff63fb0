// A table printed in pieces of different column widths: an HTML or spreadsheet table split into
// several (each laid out to its own content), or pages scaled differently. Right-aligned amounts of
// one column share their right edge exactly within a piece; where a line's edges cannot belong to
// the columns seen so far (there would be more edges than the table has columns), a new piece
// begins. Each piece is then read under the table's header moved onto its own columns.

import type { PositionedLine, Token } from './types.js';

/** Edges closer than this (PDF points) are one column's. */
const SAME_EDGE = 1.5;

/**
 * Consecutive runs of `lines` that keep one column geometry. `isAmount` picks the amount tokens;
 * lines without amounts stay in the run they are in. Returns one run when the geometry never
 * changes, and also when it changes so often that no run is a table piece (amounts centred or
 * jittering, not right-aligned: nothing to learn from their edges).
 */
export function geometryBlocks(lines: PositionedLine[], isAmount: (t: Token) => boolean): PositionedLine[][] {
  const rightsOf = (l: PositionedLine) => l.tokens.filter(isAmount).map((t) => t.x1);
  const width = Math.max(0, ...lines.map((l) => rightsOf(l).length));
  if (width === 0) return [lines];
  const blocks: PositionedLine[][] = [];
  let edges: number[] = [];
  let current: PositionedLine[] = [];
  for (const l of lines) {
    const rights = rightsOf(l);
    const fresh = rights.filter((r) => !edges.some((e) => Math.abs(e - r) <= SAME_EDGE));
    if (current.length && fresh.length && edges.length + fresh.length > width) {
      blocks.push(current);
      current = [];
      edges = [];
    }
    current.push(l);
    for (const r of rights) if (!edges.some((e) => Math.abs(e - r) <= SAME_EDGE)) edges.push(r);
  }
  blocks.push(current);
  // A piece is a run of rows; single-row runs everywhere mean the edges say nothing.
  const withAmounts = blocks.map((b) => b.filter((l) => rightsOf(l).length > 0).length);
  if (blocks.length > 1 && withAmounts.filter((n) => n < 2).length > blocks.length / 3) return [lines];
  return blocks;
}

/** The horizontal shift that moves columns with right edges `from` onto `to` (both left to right). */
export function edgeShift(from: number[], to: number[]): number {
  if (from.length === 0 || to.length === 0) return 0;
  const pairs = from.length === to.length ? to.map((r, i) => r - from[i]!) : [to.at(-1)! - from.at(-1)!];
  return [...pairs].sort((a, b) => a - b)[Math.floor(pairs.length / 2)]!;
}

/**
 * Ways to lay a piece's amount columns (right edges `piece`, fewer than the table's) onto the
 * table's columns (`table`), keeping their order: which of the table's columns the piece prints.
 * A piece whose only rows leave a column empty prints it narrow, so its edges alone cannot say
 * which; the identities choose (scorePiece).
 */
export function pieceMaps(table: number[], piece: number[]): number[][] {
  if (piece.length >= table.length) return [];
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === piece.length) return void out.push(chosen);
    for (let j = from; j <= table.length - (piece.length - chosen.length); j++) pick(j + 1, [...chosen, j]);
  };
  pick(0, []);
  return out;
}

/**
 * A header token of the table moved onto a piece's columns: a column spans from the right edge of
 * the one before to its own, and a token in a column the piece prints is placed at the same
 * relative position in the piece's column; a token in a column the piece does not print is dropped;
 * labels left of the amounts move with the first printed column.
 */
export function warp(table: number[], piece: number[], map: number[]): (t: { x0: number; x1: number }) => { x0: number; x1: number } | null {
  const width = table.length > 1 ? (table.at(-1)! - table[0]!) / (table.length - 1) : 40;
  const printedAs = new Map(map.map((j, i) => [j, i]));
  return (t) => {
    const c = (t.x0 + t.x1) / 2;
    if (c <= table[0]! - width) {
      const shift = piece[0]! - table[map[0]!]!;
      return { x0: t.x0 + shift, x1: t.x1 + shift };
    }
    let j = table.findIndex((r) => r >= c);
    if (j < 0) j = table.length - 1;
    const i = printedAs.get(j);
    if (i === undefined) return null;
    const left = j > 0 ? table[j - 1]! : table[0]! - width;
    const pLeft = i > 0 ? piece[i - 1]! : piece[0]! - width;
    const scale = (piece[i]! - pLeft) / (table[j]! - left);
    const move = (x: number) => pLeft + (x - left) * scale;
    return { x0: move(t.x0), x1: move(t.x1) };
  };
}

/**
 * How well rows read: each row whose total equals the sum of its parts (`identities`, as column
 * indexes) and each coded row whose filled columns are among its parent's (a parent is the sum of
 * its children: a column empty in the parent is empty in every child) scores a point. `before` are
 * the rows read earlier in the table, where parents may be.
 */
export function scorePiece(
  rows: { cells: string[] }[],
  before: { cells: string[] }[],
  identities: { total: number; parts: number[] }[],
  amountColumns: number[],
  codeColumn: number | undefined,
): number {
  const value = (c: string | undefined) => (c && /\d/.test(c) ? Math.round(Number(c.replace(/,/g, '')) * 100) : null);
  let score = 0;
  for (const r of rows)
    for (const id of identities) {
      const total = value(r.cells[id.total]);
      const parts = id.parts.map((p) => value(r.cells[p]));
      if (total !== null && total === parts.reduce<number>((a, p) => a + (p ?? 0), 0)) score++;
    }
  if (codeColumn === undefined) return score;
  const all = [...before, ...rows];
  for (let i = before.length; i < all.length; i++) {
    const code = all[i]!.cells[codeColumn] ?? '';
    if (!code) continue;
    let p = i - 1;
    while (p >= 0 && !(all[p]!.cells[codeColumn] && code.length > all[p]!.cells[codeColumn]!.length && code.startsWith(all[p]!.cells[codeColumn]!))) p--;
    if (p < 0) continue;
    const parent = all[p]!;
    if (amountColumns.every((c) => value(all[i]!.cells[c]) === null || value(parent.cells[c]) !== null)) score++;
  }
  return score;
}
