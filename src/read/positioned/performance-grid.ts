// 绩效目标表 by position → rows of cells in column order, as the tab-separated text gives them, so
// that one interpreter (src/interpret/performance.ts) reads every format.
//
// These tables are grids of wrapped text: a cell's lines are centred vertically in its row, and a
// project's (or a 一级指标's) merged cell is centred over the rows it spans. So cells are found per
// column as runs of lines, and a row is the set of cells that share a vertical centre. An
// indicator row is anchored by its 指标性质 cell (≥, ≤, 定性 …, one line). A cell centred between
// rows spans them: its text is given to the first row it spans, as a top-aligned merged cell
// would print it.

import type { RawRow } from '../raw.js';
import { cleanLine } from '../text/decode.js';
import type { PositionedLine } from './types.js';

interface Tok {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  line: number;
  page: number;
}

interface Block {
  x0: number;
  x1: number;
  toks: Tok[];
  top: number;
  bottom: number;
  centre: number;
}

const NATURE = /^(≥|≤|=|＝|>|<|＞|＜|≧|≦|定性|定量)$/;
/** Characters of header words (项目名称, 一级指标, 指标性质, 权重, 度量单位 …): a line of these alone is header. */
const HEADER_CHARS = /^[项目名称单位部门预算数金额总其中财政资金他年度绩效目标一二三级指标性质值量计权重分方向本实施期内容备注编码代：:（）()、万元/\s]+$/;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** The reading with cells of sparse columns merged over the rows they are centred on. */
export const PERFORMANCE_MERGED = '稀疏列的单元格按其垂直居中跨越的行读取（合并单元格）';
/** The candidate reading with every cell in the row whose centre it shares. */
export const PERFORMANCE_OWN_ROWS = '各单元格按所在行读取，不视为合并单元格';

/**
 * Rows of a performance-target table (all its pages), cells in column order. `rows` reads a cell
 * of a sparse column (a project's name, amount and goal; a 一级指标) as merged over the rows it is
 * centred on; `ownRows` reads every cell as lying in the row whose centre it shares (tables that
 * print a project's cells in its first indicator row). The interpreter chooses.
 */
export function performanceRows(lines: PositionedLine[]): { rows: RawRow[]; ownRows: RawRow[] } {
  const pages = new Map<number, PositionedLine[]>();
  for (const l of lines) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  const read = [...pages.values()].map((ls) => pageRows(ls));
  return { rows: read.flatMap((r) => r.rows), ownRows: read.flatMap((r) => r.ownRows) };
}

function pageRows(lines: PositionedLine[]): { rows: RawRow[]; ownRows: RawRow[] } {
  // The header (at the top of the table and repeated at the top of a continuation page).
  let start = 0;
  while (start < lines.length && isHeaderLine(lines[start]!)) start++;
  const body = lines.slice(start);
  const toks: Tok[] = body.flatMap((l) =>
    l.tokens
      .filter((t) => cleanLine(t.text).trim())
      .map((t) => ({ text: cleanLine(t.text).trim(), x0: t.x0, x1: t.x1, top: l.y, bottom: l.y + l.height, line: l.line, page: l.page })),
  );
  if (toks.length === 0) return { rows: [], ownRows: [] };
  const height = median(toks.map((t) => t.bottom - t.top)) || 1;
  const blocks = cellBlocks(toks, height);
  return { rows: assembleRows(blocks, height, true), ownRows: assembleRows(blocks, height, false) };
}

function isHeaderLine(l: PositionedLine): boolean {
  const t = l.tokens.map((k) => k.text).join('');
  return t.trim() !== '' && HEADER_CHARS.test(t) && !l.tokens.some((k) => NATURE.test(k.text.trim()));
}

/**
 * Columns: x ranges covered by cells, separated by gaps no cell crosses. A cell printed off the
 * grid must not join two columns, so up to 2% of cells may cross a gap; a column of only a few
 * cells (a project's merged cells) stays a column where nothing at all crosses its gaps.
 */
function columns(cells: { x0: number; x1: number }[]): [number, number][] {
  const strict = cover(cells, 0);
  const loose = cover(cells, Math.floor(cells.length * 0.02));
  const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
  const out = [...loose, ...strict.filter((c) => !loose.some((l) => overlaps(l, c)))].sort((a, b) => a[0] - b[0]);
  return out.length ? out : [[Math.min(...cells.map((t) => t.x0)), Math.max(...cells.map((t) => t.x1))]];
}

function cover(cells: { x0: number; x1: number }[], thr: number): [number, number][] {
  const events = cells.flatMap((t) => [
    { x: t.x0, d: 1 },
    { x: t.x1, d: -1 },
  ]);
  events.sort((a, b) => a.x - b.x || a.d - b.d);
  const out: [number, number][] = [];
  let n = 0;
  let open: number | null = null;
  for (const e of events) {
    n += e.d;
    if (n > thr && open === null) open = e.x;
    else if (n <= thr && open !== null) {
      out.push([open, e.x]);
      open = null;
    }
  }
  return out;
}

/**
 * Cells: a token continues the cell above it when it lies under that cell's last line (their x
 * ranges overlap) at the line pitch of wrapped text; the gap between two cells adds the cell
 * padding and border. No column grid is needed, so a row printed shifted off the columns keeps
 * its cells.
 */
function cellBlocks(toks: Tok[], height: number): Block[] {
  const sorted = [...toks].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const over = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  // Gap between the wrapped lines of a cell: the small end of the gaps between a line and the
  // line under it. Two 指标性质 cells one above the other are in neighbouring rows: their gap
  // (padding and border included) bounds it from above, also where no cell wraps.
  const gaps: number[] = [];
  let rowGap = Infinity;
  for (const t of sorted) {
    const below = sorted.find((u) => u.top > t.top + height / 2 && over(t, u) > 0);
    if (!below) continue;
    const g = below.top - t.bottom;
    if (g >= 0) gaps.push(g);
    if (NATURE.test(t.text) && NATURE.test(below.text)) rowGap = Math.min(rowGap, g);
  }
  const leading = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.1)]! : height * 0.3;
  const limit =
    rowGap === Infinity ? leading + height * 0.25 : rowGap - leading > height * 0.1 ? Math.min(leading + height * 0.25, (leading + rowGap) / 2) : rowGap / 2;
  type Open = { toks: Tok[]; last: Tok[] };
  const open: Open[] = [];
  const done: Open[] = [];
  for (const t of sorted) {
    let best: { o: Open; ov: number } | null = null;
    for (const o of open) {
      const l = o.last[0]!;
      if (l.top >= t.top - height / 2 || t.top - l.bottom > limit) continue;
      // A 指标性质 cell is one line: it never runs on into the next row's.
      if (NATURE.test(t.text) || o.last.some((x) => NATURE.test(x.text))) continue;
      const ov = Math.max(...o.last.map((x) => over(x, t)));
      if (ov > 0 && (!best || ov > best.ov)) best = { o, ov };
    }
    if (best) {
      const o = best.o;
      if (o.last[0]!.top === t.top) o.last.push(t);
      else o.last = [t];
      o.toks.push(t);
    } else open.push({ toks: [t], last: [t] });
    // Blocks whose last line is too far above can take no more lines.
    for (let i = open.length - 1; i >= 0; i--) if (t.top - open[i]!.last[0]!.bottom > limit) done.push(...open.splice(i, 1));
  }
  if (process.env.YUSUAN_DEBUG_PERF)
    process.stderr.write(`[perf] leading ${leading.toFixed(2)} row gap ${rowGap.toFixed(2)} limit ${limit.toFixed(2)} height ${height.toFixed(2)}\n`);
  return [...done, ...open].map(({ toks: ts }) => {
    const top = Math.min(...ts.map((x) => x.top));
    const bottom = Math.max(...ts.map((x) => x.bottom));
    return { x0: Math.min(...ts.map((x) => x.x0)), x1: Math.max(...ts.map((x) => x.x1)), toks: ts, top, bottom, centre: (top + bottom) / 2 };
  });
}

function assembleRows(cells: Block[], height: number, spanning: boolean): RawRow[] {
  const over = (a: Block, b: Block) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;
  const isNature = (b: Block) => b.toks.length === 1 && NATURE.test(b.toks[0]!.text);
  const blocks = rejoinCentred(cells, height, isNature, over);
  const cols = columns(blocks);
  if (process.env.YUSUAN_DEBUG_PERF) process.stderr.write(`[perf] columns ${JSON.stringify(cols.map((c) => c.map(Math.round)))}\n`);
  const colOf = (b: Block) => {
    const c = (b.x0 + b.x1) / 2;
    const dist = (k: [number, number]) => (c < k[0] ? k[0] - c : c > k[1] ? c - k[1] : 0);
    return cols.reduce((best, k, i) => (dist(k) < dist(cols[best]!) ? i : best), 0);
  };
  // Sparse columns (far fewer cells than indicator rows) hold merged cells.
  const anchors = blocks.filter(isNature).length;
  const perCol = new Map<number, Block[]>();
  for (const b of blocks) perCol.set(colOf(b), [...(perCol.get(colOf(b)) ?? []), b]);
  const sparse = new Set<Block>();
  if (spanning) for (const bs of perCol.values()) if (!bs.some(isNature) && bs.length < anchors * 0.7) for (const b of bs) sparse.add(b);
  // Cells sharing a centre are one row.
  const sorted = [...blocks].filter((b) => !sparse.has(b)).sort((a, b) => a.centre - b.centre);
  const tol = height * 0.45;
  const clusters: Block[][] = [];
  for (const b of sorted) {
    const c = clusters.find((k) => Math.abs(b.centre - k[0]!.centre) <= tol && !k.some((x) => over(x, b)));
    if (c) c.push(b);
    else clusters.push([b]);
  }
  const extent = (bs: Block[]) => ({ top: Math.min(...bs.map((b) => b.top)), bottom: Math.max(...bs.map((b) => b.bottom)) });
  const anchored = (c: Block[]) => c.some((b) => b.toks.length === 1 && NATURE.test(b.toks[0]!.text));
  // A cluster without an indicator is a row of its own where it has the vertical space to itself;
  // else its cells are merged cells centred over rows.
  const rows: Block[][] = [];
  const merged: Block[] = [];
  const anch = clusters.filter(anchored).map(extent);
  for (const c of clusters) {
    if (anchored(c)) rows.push(c);
    else {
      const e = extent(c);
      if (anch.some((a) => a.top < e.bottom - height * 0.2 && a.bottom > e.top + height * 0.2)) merged.push(...c);
      else rows.push(c);
    }
  }
  rows.sort((a, b) => extent(a).top - extent(b).top);
  const ext = rows.map(extent);
  // Row boundaries: midway between one row's content and the next's.
  const tops: number[] = ext.map((e, i) => (i === 0 ? e.top - height * 0.5 : (ext[i - 1]!.bottom + e.top) / 2));
  const bottoms: number[] = ext.map((e, i) => (i === ext.length - 1 ? e.bottom + height * 0.5 : (e.bottom + ext[i + 1]!.top) / 2));
  // A sparse column's cell above or below every row is a row of its own; between rows it is a
  // merged cell centred on their boundary.
  for (const b of sparse) {
    if (ext.some((e) => e.bottom <= b.top) && ext.some((e) => e.top >= b.bottom)) continue;
    sparse.delete(b);
    rows.push([b]);
  }
  if (sparse.size) {
    rows.sort((a, b) => extent(a).top - extent(b).top);
    ext.splice(0, ext.length, ...rows.map(extent));
    tops.splice(0, tops.length, ...ext.map((e, i) => (i === 0 ? e.top - height * 0.5 : (ext[i - 1]!.bottom + e.top) / 2)));
    bottoms.splice(0, bottoms.length, ...ext.map((e, i) => (i === ext.length - 1 ? e.bottom + height * 0.5 : (e.bottom + ext[i + 1]!.top) / 2)));
    // Cells of one merged row (a project's name, amounts and goal) share their centre and are
    // tiled together: columns whose cells mostly share centres form one chain of groups.
    const byCol = new Map<number, Block[]>();
    for (const b of sparse) byCol.set(colOf(b), [...(byCol.get(colOf(b)) ?? []), b]);
    const colList = [...byCol.keys()];
    const chainOf = new Map<number, number>(colList.map((c) => [c, c]));
    const find = (c: number): number => (chainOf.get(c) === c ? c : find(chainOf.get(c)!));
    const near = (x: Block, y: Block) => Math.abs(x.centre - y.centre) <= height;
    for (const c1 of colList)
      for (const c2 of colList) {
        if (c1 >= c2) continue;
        const [xs, ys] = [byCol.get(c1)!, byCol.get(c2)!];
        const small = xs.length <= ys.length ? xs : ys;
        const other = small === xs ? ys : xs;
        if (small.filter((x) => other.some((y) => near(x, y))).length * 2 >= small.length) chainOf.set(find(c1), find(c2));
      }
    const chains = new Map<number, Block[]>();
    for (const c of colList) chains.set(find(c), [...(chains.get(find(c)) ?? []), ...byCol.get(c)!]);
    for (const bs of chains.values()) {
      const groups: Block[][] = [];
      for (const x of [...bs].sort((p, q) => p.centre - q.centre)) {
        const g = groups.find((k) => near(k[0]!, x) && !k.some((y) => colOf(y) === colOf(x)));
        if (g) g.push(x);
        else groups.push([x]);
      }
      const unions = groups.map((g) => {
        const top = Math.min(...g.map((x) => x.top));
        const bottom = Math.max(...g.map((x) => x.bottom));
        const tallest = g.reduce((x, y) => (y.bottom - y.top > x.bottom - x.top ? y : x));
        return { ...tallest, top, bottom, centre: tallest.centre, members: g };
      });
      for (const [u, first] of tileRuns(unions, tops, bottoms, height)) for (const x of (u as (typeof unions)[number]).members) rows[first]!.push(x);
    }
  }
  for (const m of merged) {
    // The run of rows [a, b] over which the cell is centred and which holds all its lines.
    let best: { a: number; err: number } | null = null;
    const first = bottoms.findIndex((bt) => bt > m.top);
    const last = tops.length - 1 - [...tops].reverse().findIndex((t) => t < m.bottom);
    if (first < 0 || last < first || last >= tops.length) continue;
    for (let a = 0; a <= first; a++)
      for (let b = last; b < rows.length; b++) {
        const err = Math.abs((tops[a]! + bottoms[b]!) / 2 - m.centre);
        if (!best || err < best.err) best = { a, err };
      }
    rows[best!.a]!.push(m);
  }
  // Cells go into the columns of the page; a row printed off the grid (two cells in one column)
  // keeps its cells in order instead.
  return rows.map((r) => {
    const toks = r.flatMap((b) => b.toks);
    const inOrder = [...r].sort((a, b) => a.x0 - b.x0 || a.top - b.top);
    const at = inOrder.map(colOf);
    let cells: string[];
    if (new Set(at).size === at.length) {
      cells = new Array<string>(cols.length).fill('');
      inOrder.forEach((b, i) => (cells[at[i]!] = blockText(b)));
    } else cells = inOrder.map(blockText);
    return { cells, line: Math.min(...toks.map((t) => t.line)), page: toks[0]!.page };
  });
}

/** A cell's text: its lines joined; CJK wraps without a space, Latin words keep one. */
function blockText(b: Block): string {
  const lines = new Map<number, Tok[]>();
  for (const t of b.toks) lines.set(t.top, [...(lines.get(t.top) ?? []), t]);
  const parts = [...lines.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, ts]) =>
      ts
        .sort((a, b) => a.x0 - b.x0)
        .map((t) => t.text)
        .join(''),
    );
  return parts.reduce((s, p) => (s && /[A-Za-z0-9]$/.test(s) && /^[A-Za-z]/.test(p) ? `${s} ${p}` : s + p), '');
}

/**
 * Merged cells of one column tile the rows: each cell spans a run of rows centred on it and
 * holding all its lines; runs do not overlap. Dynamic programme over the cells top to bottom,
 * minimising the centring error plus a charge for each row left outside every run (rows at the
 * top of a page may continue a cell of the page before). Returns each cell with its run's first row.
 */
function tileRuns(cells: Block[], tops: number[], bottoms: number[], height: number): [Block, number][] {
  const bs = [...cells].sort((a, b) => a.centre - b.centre);
  const n = tops.length;
  const uncovered = height * 0.25;
  // best[k][b] = least cost of placing cells 0..k with cell k's run ending at row b.
  const best: { cost: number; a: number; prevB: number }[][] = [];
  for (let k = 0; k < bs.length; k++) {
    const c = bs[k]!;
    const first = bottoms.findIndex((bt) => bt > c.top);
    let last = -1;
    tops.forEach((t, i) => {
      if (t < c.bottom) last = i;
    });
    const row: { cost: number; a: number; prevB: number }[] = new Array(n).fill(null).map(() => ({ cost: Infinity, a: -1, prevB: -1 }));
    if (first < 0 || last < first) {
      best.push(row);
      continue;
    }
    for (let a = 0; a <= first; a++)
      for (let b = last; b < n; b++) {
        const err = Math.abs((tops[a]! + bottoms[b]!) / 2 - c.centre);
        // The previous cell's run ends before a.
        let prev = { cost: a * uncovered, prevB: -1 };
        if (k > 0) {
          prev = { cost: Infinity, prevB: -1 };
          best[k - 1]!.forEach((p, pb) => {
            if (pb < a && p.cost + (a - pb - 1) * uncovered < prev.cost) prev = { cost: p.cost + (a - pb - 1) * uncovered, prevB: pb };
          });
          if (prev.cost === Infinity) prev = { cost: best[k - 1]!.every((p) => p.cost === Infinity) ? a * uncovered : Infinity, prevB: -1 };
        }
        const cost = prev.cost + err;
        if (cost < row[b]!.cost) row[b] = { cost, a, prevB: prev.prevB };
      }
    best.push(row);
  }
  const out: [Block, number][] = [];
  let b = -1;
  let cost = Infinity;
  best[bs.length - 1]?.forEach((p, i) => {
    if (p.cost + (n - 1 - i) * uncovered < cost) {
      cost = p.cost + (n - 1 - i) * uncovered;
      b = i;
    }
  });
  for (let k = bs.length - 1; k >= 0 && b >= 0; k--) {
    const p = best[k]![b]!;
    if (p.a < 0) break;
    out.push([bs[k]!, p.a]);
    b = p.prevB;
  }
  return out;
}

/**
 * A cell whose wrapped lines are spaced wider than the page's usual leading reads as several
 * cells. Where none of the parts is centred on an indicator row but the parts together are, they
 * are one cell ("服务对象满意度 / 指标" around the row's one-line cells).
 */
function rejoinCentred(cells: Block[], height: number, isNature: (b: Block) => boolean, over: (a: Block, b: Block) => boolean): Block[] {
  const centres = cells.filter(isNature).map((b) => b.centre);
  const aligned = (c: number) => centres.some((x) => Math.abs(x - c) <= height * 0.45);
  const sorted = [...cells].sort((a, b) => a.top - b.top);
  const used = new Set<Block>();
  const out: Block[] = [];
  for (const b of sorted) {
    if (used.has(b)) continue;
    if (isNature(b) || aligned(b.centre)) {
      out.push(b);
      continue;
    }
    const run = [b];
    let joined: Block | null = null;
    for (let k = 0; k < 3 && !joined; k++) {
      const last = run[run.length - 1]!;
      const next = sorted.find((c) => !used.has(c) && c !== last && c.top > last.bottom && c.top - last.bottom < height * 1.6 && over(c, last) && !isNature(c));
      if (!next || aligned(next.centre)) break;
      run.push(next);
      const top = run[0]!.top;
      const bottom = Math.max(...run.map((x) => x.bottom));
      if (aligned((top + bottom) / 2))
        joined = {
          x0: Math.min(...run.map((x) => x.x0)),
          x1: Math.max(...run.map((x) => x.x1)),
          toks: run.flatMap((x) => x.toks),
          top,
          bottom,
          centre: (top + bottom) / 2,
        };
    }
    if (joined) {
      for (const x of run) used.add(x);
      out.push(joined);
    } else out.push(b);
  }
  return out;
}
