// Positioned table lines → rows of cells in the profile's column order. Columns are found from the
// data (amounts of one column line up) and named from the header text above them (header
// vocabulary), so one algorithm serves every template whose headers use the usual words.

import { isAmountText } from '../../money/amount.js';
import type { ProfileTable } from '../../profiles/types.js';
import type { RawRow } from '../raw.js';
import { catalogs, normalizeName } from '../../reference/catalog.js';
import { measureOfHeader } from './header-vocabulary.js';
import { edgeShift, geometryBlocks, pieceMaps, scorePiece, warp } from './blocks.js';
import type { PositionedLine, Token } from './types.js';

const TOTAL = /^(合计|总计)$/;
const CODE = /^\d{3}(\d{2}){0,3}$/;
const CODE_LABEL = /^[[【]?(\d{3}(?:\d{2}){0,3})(?:[\]】]|[-－—\s]+)\s*(.+)$/;
const squash = (s: string) => s.replace(/\s+/g, '');
const centre = (x: { x0: number; x1: number }) => (x.x0 + x.x1) / 2;

export const isAmountToken = (t: string) => isAmountText(t.replace(/\s+/g, '')) && /\d/.test(t);
/** Percentages (增长率 columns) are values, not labels, though no measure reads them. */
const isPercentToken = (t: string) => /^-?\d+(\.\d+)?%$/.test(t.replace(/\s+/g, ''));
const isDecimalAmount = (t: string) => /^-?[\d,]*\d\.\d+$/.test(t.replace(/\s+/g, '')) || /^-?\d+(,\d{3})+$/.test(t.replace(/\s+/g, ''));

/**
 * Alternative assumptions about an ambiguous layout. Each named variant is one candidate reading of
 * a table (src/reading/choose.ts keeps the one the identities confirm best); a variant that changes
 * nothing on a table yields the default rows and is dropped.
 */
export interface GridOptions {
  /** The last classification code read before these lines (a table continued from an earlier
   *  page): a 款 or 项 printed by its own digits only extends it. Not a reading variant. */
  readonly parentCode?: string;
  /** Reserved for candidate generators; the default reading sets none. */
  readonly [option: string]: unknown;
}

export interface GridVariant {
  /** What the variant assumes, in zh-CN (shown in the reader notes when it is chosen). */
  why: string;
  options: GridOptions;
}

/** Candidate readings tried on classification-tree tables, beyond the default. */
export const TREE_VARIANTS: GridVariant[] = [
  // Some templates print 事业单位经营支出 (and the like) beside 基本支出 | 项目支出 as an of-which of them
  // (合计 = 基本 + 项目 on every row), others as a part of the total: the row sums tell which.
  {
    why: '上缴上级支出、事业单位经营支出、对附属单位补助支出各列是基本支出、项目支出中的“其中”数，不另计入合计',
    options: { ofWhich: ['toSuperior', 'operating', 'toSubsidiary'] },
  },
  { why: '表格分段打印、各段列宽不同：每段按自己的列读取', options: { pieces: true } },
];
/** Candidate readings tried on two-sided statements, beyond the default. */
export const STATEMENT_VARIANTS: GridVariant[] = [];

export interface GridResult {
  rows: RawRow[];
  /** measure → header path, for provenance and diagnostics. */
  columns: { measure: string | null; header: string; x0: number; x1: number }[];
  notes: string[];
}

interface Column {
  x0: number;
  x1: number;
  right: number;
  measure: string | null;
  header: string;
  side: number;
  /** No amount is printed under it (its header only). */
  blank?: boolean;
}

/** Index of the first data line: an amount, a 合计 label, or a leading classification code. */
export function firstDataLine(lines: PositionedLine[]): number {
  return lines.findIndex(
    (l) =>
      l.tokens.some((t) => isDecimalAmount(t.text)) ||
      (l.tokens.some((t) => TOTAL.test(squash(t.text))) && l.tokens.some((t) => isAmountToken(t.text))) ||
      (l.tokens.length > 1 && (CODE.test(squash(l.tokens[0]!.text)) || CODE_LABEL.test(l.tokens[0]!.text.trim()))),
  );
}

const GLUED = /(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d{2,6})/g;

/**
 * Split amounts glued to text ("行政运行12,029,501.84", "1,867,680.00合计91,016,775.35"): the
 * extraction dropped the gap. Only amounts with separators or decimals are cut out, so years
 * and codes inside labels stay. Positions are apportioned by character count.
 */
export function splitGlued(lines: PositionedLine[]): PositionedLine[] {
  return lines.map((l) => {
    const tokens: Token[] = [];
    for (const t of l.tokens) {
      const text = t.text.trim();
      if (isAmountToken(text) || !/\d/.test(text)) {
        tokens.push(t);
        continue;
      }
      const parts: string[] = [];
      let at = 0;
      for (const m of text.matchAll(GLUED)) {
        const i = m.index ?? 0;
        const before = text.slice(at, i);
        const prevChar = text[i - 1] ?? '';
        const nextChar = text[i + m[0].length] ?? '';
        // Only where the amount meets a non-digit boundary on both sides.
        if (/[\d.,]/.test(prevChar) || /[\d]/.test(nextChar)) continue;
        if (before.trim()) parts.push(before.trim());
        parts.push(m[0]);
        at = i + m[0].length;
      }
      const rest = text.slice(at).trim();
      if (rest) parts.push(rest);
      if (parts.length <= 1) {
        tokens.push(t);
        continue;
      }
      tokens.push(...splitToken(t, parts));
    }
    return { ...l, tokens };
  });
}

/**
 * 决算 tables number their lines (行次 1, 2 …) and columns (栏次): neither is an amount. When the
 * header has 行次, drop bare small integers from the data and the 栏次 line itself.
 */
export function dropLineNumbers(header: PositionedLine[], data: PositionedLine[]): PositionedLine[] {
  if (!header.some((l) => l.tokens.some((t) => /^行次$/.test(squash(t.text))))) return data;
  return data
    .filter((l) => !l.tokens.some((t) => /^栏次$/.test(squash(t.text))))
    .map((l) => ({ ...l, tokens: l.tokens.filter((t) => !/^\d{1,3}$/.test(squash(t.text))) }))
    .filter((l) => l.tokens.length > 0);
}

/** Decimals of a well-formed amount token ("1,234.56" → 2), or null. */
const amountDecimals = (t: string): number | null => {
  const m = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t.replace(/\s+/g, ''));
  return m ? (m[1]?.length ?? 0) : null;
};

/**
 * The decimals most amounts of these lines print: the table's precision. A glued or wrapped number
 * is rare, so it does not set it.
 */
export function dominantDecimals(lines: PositionedLine[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines)
    for (const t of l.tokens) {
      const d = amountDecimals(t.text);
      if (d !== null && d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 3 ? best[0] : null;
}

/**
 * Amounts the text layer ran together. An amount wrapped in its cell (integer part on one line,
 * decimals on the next) puts its decimals beside the next cell's integer part, and the line
 * merge glues them: "174,900.64101,833.8441,534.73" is 174,900.64 | 101,833.84 | 41,534.73. With
 * the table's precision known, such a run cuts one way only: each amount ends `decimals` digits
 * after its point. Decimals printed apart from their integer part on the same line ("25180591"
 * ".33 一、部门预算") rejoin it. A run that does not cut into well-formed amounts stays as it is.
 */
export function splitGluedAmounts(lines: PositionedLine[]): PositionedLine[] {
  const decimals = dominantDecimals(lines);
  if (decimals === null) return lines;
  const one = new RegExp(`^-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{${decimals}}`);
  const cut = (text: string): string[] | null => {
    const parts: string[] = [];
    let rest = text;
    while (rest) {
      const m = one.exec(rest);
      if (!m) return null;
      parts.push(m[0]);
      rest = rest.slice(m[0].length);
    }
    return parts;
  };
  return lines.map((l) => {
    const tokens: Token[] = [];
    for (const t of l.tokens) {
      const text = t.text.trim();
      const prev = tokens[tokens.length - 1];
      const loose = /^(\.\d+)(?:\s+(.*))?$/.exec(text);
      const charWidth = prev ? (prev.x1 - prev.x0) / Math.max(prev.text.trim().length, 1) : 0;
      if (loose && prev && /^-?[\d,]*\d$/.test(prev.text.trim()) && loose[1]!.length - 1 === decimals && t.x0 - prev.x1 <= charWidth * 1.5) {
        const w = ((t.x1 - t.x0) * loose[1]!.length) / text.length;
        prev.text = prev.text.trim() + loose[1];
        prev.x1 = t.x0 + w;
        if (loose[2]) tokens.push({ text: loose[2], x0: t.x0 + w, x1: t.x1 });
        continue;
      }
      const parts = (amountDecimals(text) ?? 0) > decimals || (text.match(/\./g)?.length ?? 0) > 1 ? cut(text.replace(/\s+/g, '')) : null;
      if (!parts || parts.length < 2) {
        tokens.push({ ...t });
        continue;
      }
      tokens.push(...splitToken(t, parts));
    }
    return { ...l, tokens };
  });
}

/** Merge numbers the PDF split over two lines ("14,770" then ".62" below it). */
export function joinSplitNumbers(lines: PositionedLine[]): PositionedLine[] {
  const out = lines.map((l) => ({ ...l, tokens: [...l.tokens] }));
  for (let i = 1; i < out.length; i++) {
    const cur = out[i]!;
    const keep: Token[] = [];
    for (const t of cur.tokens) {
      if (/^\.\d+$/.test(t.text.trim())) {
        const prev = out[i - 1]!;
        // The integer part above: a token that already has its decimals (".33" over ".33") is none.
        const host = prev.tokens.find((p) => /\d$/.test(p.text) && !p.text.includes('.') && p.x1 >= t.x0 - 2 && p.x0 <= t.x1 + 2);
        if (host) {
          host.text = host.text + t.text.trim();
          host.x1 = Math.max(host.x1, t.x1);
          continue;
        }
      }
      keep.push(t);
    }
    cur.tokens = keep;
  }
  // An amount wrapped in a narrow cell around its row's line: "106,512.0" above the row, "0" below.
  for (let i = 0; i + 2 < out.length; i++) {
    const [head, row, tail] = [out[i]!, out[i + 1]!, out[i + 2]!];
    const heads = head.tokens;
    if (heads.length === 0 || !heads.every((t) => /^-?[\d,]*\d\.\d?$/.test(t.text.trim()))) continue;
    if (tail.tokens.length === 0 || !tail.tokens.every((t) => /^\d{1,2}$/.test(t.text.trim()))) continue;
    const pairs = heads.map((h) => tail.tokens.find((t) => Math.abs(t.x1 - h.x1) <= 3));
    if (pairs.some((p) => !p) || row.tokens.length === 0) continue;
    heads.forEach((h, k) => row.tokens.push({ ...h, text: h.text.trim() + pairs[k]!.text.trim() }));
    row.tokens.sort((a, b) => a.x0 - b.x0);
    head.tokens = [];
    tail.tokens = tail.tokens.filter((t) => !pairs.includes(t));
  }
  // …whose head was already taken into the row as an amount printed a little high ("116,780.6" in
  // the row, "2" on a line of its own below): the digits that complete it to the table's decimals.
  const decimals = dominantDecimals(out);
  for (let i = 1; decimals !== null && i < out.length; i++) {
    const [row, tail] = [out[i - 1]!, out[i]!];
    if (tail.tokens.length === 0 || !tail.tokens.every((t) => /^\d{1,2}$/.test(t.text.trim()))) continue;
    const short = (t: Token) => /^-?[\d,]*\d\.\d?$/.test(t.text.trim()) && t.text.trim().split('.')[1]!.length < decimals;
    const pairs = tail.tokens.map((t) => row.tokens.find((h) => short(h) && Math.abs(t.x1 - h.x1) <= 3));
    if (pairs.some((h, k) => !h || h.text.trim().split('.')[1]!.length + tail.tokens[k]!.text.trim().length !== decimals)) continue;
    pairs.forEach((h, k) => (h!.text = h!.text.trim() + tail.tokens[k]!.text.trim()));
    tail.tokens = [];
  }
  return out.filter((l) => l.tokens.length > 0);
}

/**
 * Columns from the amounts printed in them. Amounts are right-aligned, so a column is a run of
 * close right edges. Layout text jitters by a character or two (CJK widths), so rows that fill
 * the most columns anchor them: their k-th amount is in the k-th column.
 */
function findColumns(rows: Token[][]): { x0: number; x1: number; right: number }[] {
  const tokens = rows.flat();
  if (tokens.length === 0) return [];
  const widths = tokens.map((t) => t.x1 - t.x0).sort((a, b) => a - b);
  const charWidth = widths[Math.floor(widths.length / 2)]! / 7;
  const tolerance = Math.max(charWidth * 2.5, 1.5);
  const sorted = [...tokens].sort((a, b) => a.x1 - b.x1);
  const clusters: { x0: number; x1: number; right: number; n: number }[] = [];
  for (const t of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && t.x1 - last.right <= tolerance) {
      last.x0 = Math.min(last.x0, t.x0);
      last.x1 = Math.max(last.x1, t.x1);
      last.right = t.x1;
      last.n++;
    } else clusters.push({ x0: t.x0, x1: t.x1, right: t.x1, n: 1 });
  }
  const k = Math.max(...rows.map((r) => r.length));
  const anchors = rows.filter((r) => r.length === k);
  if (clusters.length > k && anchors.length > 0) {
    const anchored = Array.from({ length: k }, (_, j) => {
      const rights = anchors.map((r) => r[j]!.x1).sort((a, b) => a - b);
      const right = rights[Math.floor(rights.length / 2)]!;
      // Only amounts overlapping the usual k-th place are jitter of it: full rows of another shape
      // (合计 | 基本 beside 合计 | 项目 on a continuation page) put their k-th amount in a column
      // of its own, which must stay apart. (A bare integer may be a code of a second block of rows
      // and marks no column.)
      const mid = anchors.find((r) => r[j]!.x1 === right)![j]!;
      const same = anchors.map((r) => r[j]!).filter((t) => (t.x0 < mid.x1 && t.x1 > mid.x0) || !isDecimalAmount(t.text));
      return { x0: Math.min(...same.map((t) => t.x0)), x1: Math.max(...same.map((t) => t.x1)), right };
    });
    // A column no full row prints in (项目支出 on a page whose rows are all basic or all project
    // money) is a cluster clear of every anchored column, not jitter of one of them.
    const apart = clusters.filter((c) => anchored.every((a) => c.x1 < a.x0 || c.x0 > a.x1)).map(({ x0, x1 }) => ({ x0, x1, right: x1 }));
    return [...anchored, ...apart].sort((a, b) => a.right - b.right);
  }
  return clusters.map(({ x0, x1 }) => ({ x0, x1, right: x1 }));
}

/** Assign a row's amounts to columns in order, minimising the distance of right edges (monotone DP). */
function assignRow<C extends { right: number }>(cols: C[], values: Token[]): (C | undefined)[] {
  const n = values.length;
  const m = cols.length;
  if (n === 0 || m === 0) return values.map(() => undefined);
  if (n > m) return values.map((v) => nearest(cols, v));
  const cost = (i: number, j: number) => Math.abs(values[i]!.x1 - cols[j]!.right);
  // best[i][j]: min cost placing values[0..i] with values[i] in column j.
  const best: number[][] = values.map(() => new Array(m).fill(Infinity));
  const from: number[][] = values.map(() => new Array(m).fill(-1));
  for (let j = 0; j < m; j++) best[0]![j] = cost(0, j);
  for (let i = 1; i < n; i++)
    for (let j = i; j < m; j++)
      for (let p = i - 1; p < j; p++) {
        const c = best[i - 1]![p]! + cost(i, j);
        if (c < best[i]![j]!) {
          best[i]![j] = c;
          from[i]![j] = p;
        }
      }
  let j = best[n - 1]!.indexOf(Math.min(...best[n - 1]!));
  const out: (C | undefined)[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = cols[j];
    j = from[i]![j]!;
  }
  return out;
}

function nearest<C extends { right: number }>(cols: C[], t: Token): C | undefined {
  let best: C | undefined;
  let dist = Infinity;
  for (const k of cols) {
    const d = Math.abs(t.x1 - k.right);
    if (d < dist) {
      dist = d;
      best = k;
    }
  }
  return best;
}

/** Header words printed with letter spacing ("合   计", "收   入") are one word. */
export function joinSpacedHeader(lines: PositionedLine[]): PositionedLine[] {
  const single = (x: Token) => /^[\u4e00-\u9fff]$/.test(x.text.trim());
  return lines.map((l) => {
    const out: (Token & { spaced?: boolean })[] = [];
    for (const t of l.tokens) {
      const prev = out[out.length - 1];
      const em = t.x1 - t.x0;
      if (prev && single(t) && (prev.spaced || single(prev)) && t.x0 - prev.x1 <= em * 5) {
        prev.text = `${prev.text.trim()}${t.text.trim()}`;
        prev.x1 = t.x1;
        prev.spaced = true;
      } else out.push({ ...t });
    }
    return { ...l, tokens: out.map(({ text, x0, x1 }) => ({ text, x0, x1 })) };
  });
}

interface Stack {
  x0: number;
  x1: number;
  words: { text: string; line: number }[];
}

/**
 * Header cells as printed: words stacked over one column ("事业单位经营" over "支出") form a
 * stack; a word over several stacks ("公务用车购置及运行费" over 小计/购置费/运行费) is a group
 * header, an ancestor of each stack under it.
 */
export function headerStacks(header: PositionedLine[]): { stacks: Stack[]; groups: { token: Token; line: number }[] } {
  const words = header.flatMap((l, li) => l.tokens.map((t) => ({ t, li })));
  const overlap = (a: Token, b: Token) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const isGroup = (w: { t: Token; li: number }) => {
    const below = words.filter((o) => o.li > w.li && overlap(o.t, w.t) > 0.5 * Math.min(o.t.x1 - o.t.x0, w.t.x1 - w.t.x0));
    // Two or more words below it that sit side by side.
    if (below.some((a) => below.some((b) => overlap(a.t, b.t) <= 0 && a !== b))) return true;
    // A group label narrower than its span ("2025年预算数" over 小计 | 公务用车购置经费) covers only part of
    // each word under it.
    const partly = words.filter((o) => o.li > w.li && overlap(o.t, w.t) > 0.3 * (o.t.x1 - o.t.x0));
    if (partly.some((a) => partly.some((b) => overlap(a.t, b.t) <= 0 && a !== b))) return true;
    // …or it is centred over the narrow gap between two neighbouring words of a lower line
    // ("预算数" over 一般公共预算 | 政府性基金预算): a label wider than that gap spans both columns. A
    // column's own label between two others leaves a gap at least as wide as itself.
    const c = centre(w.t);
    return words.some(
      (a) =>
        a.li > w.li &&
        a.t.x1 <= c &&
        words.some(
          (b) => b.li === a.li && b.t.x0 >= c && b.t.x0 - a.t.x1 < w.t.x1 - w.t.x0 && !words.some((x) => x.li === a.li && x.t.x0 > a.t.x1 && x.t.x1 < b.t.x0),
        ),
    );
  };
  const groups = words.filter(isGroup);
  // A word over a group is a group too (预算数 over 基本支出 over 人员经费 | 公用经费), even when it
  // is narrower than the group's span.
  for (let grew = true; grew;) {
    grew = false;
    for (const w of words)
      if (!groups.includes(w) && groups.some((g) => g.li > w.li && overlap(g.t, w.t) > 0.5 * Math.min(g.t.x1 - g.t.x0, w.t.x1 - w.t.x0))) {
        groups.push(w);
        grew = true;
      }
  }
  const stacks: Stack[] = [];
  for (const w of words.filter((x) => !groups.includes(x)).sort((a, b) => a.li - b.li)) {
    const hit = stacks.find((s) => Math.min(s.x1, w.t.x1) - Math.max(s.x0, w.t.x0) > 0.3 * Math.min(s.x1 - s.x0, w.t.x1 - w.t.x0));
    if (hit) {
      hit.x0 = Math.min(hit.x0, w.t.x0);
      hit.x1 = Math.max(hit.x1, w.t.x1);
      hit.words.push({ text: w.t.text, line: w.li });
    } else stacks.push({ x0: w.t.x0, x1: w.t.x1, words: [{ text: w.t.text, line: w.li }] });
  }
  stacks.sort((a, b) => a.x0 - b.x0);
  return { stacks, groups: groups.map((g) => ({ token: g.t, line: g.li })) };
}

/**
 * Header labels of each amount column, top to bottom: the header stack nearest above it (columns
 * and stacks are matched in order, so an empty column keeps its own header), preceded by the group
 * headers over that stack.
 */
function headerPaths(header: PositionedLine[], cols: { x0: number; x1: number }[]): string[][] {
  const blocks = blockPaths(header, cols);
  if (blocks) return blocks;
  const { stacks, groups } = headerStacks(header);
  const candidates = stackCandidates(stacks, cols);
  const pick = matchStacks(cols, candidates);
  return cols.map((c, i) => {
    const stack = candidates[pick[i]!];
    if (!stack) return [];
    const over = groups
      .filter((g) => g.token.x0 <= stack.x1 && g.token.x1 >= stack.x0 && g.line < Math.min(...stack.words.map((w) => w.line)))
      .sort((a, b) => a.line - b.line)
      .map((g) => g.token.text);
    return [...over, ...stack.words.map((w) => w.text)];
  });
}

/** Header stacks that may head amount columns: not far left of the first column (row-label headers). */
function stackCandidates(stacks: Stack[], cols: { x0: number; x1: number }[]): Stack[] {
  const left = cols.length ? cols[0]!.x0 - (cols[0]!.x1 - cols[0]!.x0) * 2.5 : 0;
  return stacks.filter((s) => s.x1 > left);
}

/**
 * Columns no amount is printed in (a one-row 三公 table with blank cells) are found from the amounts
 * of no row, but the header still prints their label. When the header has more stacks than there
 * are columns, each stack no column matches, right of the first matched one, becomes a blank column
 * of its own: the columns keep their order and their names, and a blank cell is a printed blank.
 * A stack with anything printed under it in the data (the codes and names of a second block of
 * rows beside the first: 类 | 款 | 科目名称 | 决算数 twice across the page) is not blank.
 */
export function withBlankColumns<C extends { x0: number; x1: number; right: number }>(
  header: PositionedLine[],
  cols: C[],
  data: PositionedLine[] = [],
): (C | { x0: number; x1: number; right: number; blank: true })[] {
  if (cols.length === 0) return cols;
  const { stacks } = headerStacks(header);
  const candidates = stackCandidates(stacks, cols);
  if (candidates.length <= cols.length) return cols;
  const pick = matchStacks(cols, candidates);
  if (pick.some((p) => p < 0)) return cols;
  const printed = data.flatMap((l) => l.tokens);
  const empty = (s: Stack) => !printed.some((t) => t.x0 < s.x1 && t.x1 > s.x0);
  const out: (C | { x0: number; x1: number; right: number; blank: true })[] = [...cols];
  candidates.forEach((s, j) => {
    if (j > pick[0]! && !pick.includes(j) && empty(s)) out.push({ x0: s.x0, x1: s.x1, right: s.x1, blank: true });
  });
  return out.sort((a, b) => centre(a) - centre(b));
}

/** Monotone matching of columns to header stacks by centre distance (amounts sit right of centred headers). */
function matchStacks(cols: { x0: number; x1: number }[], candidates: Stack[]): number[] {
  const n = cols.length;
  const m = candidates.length;
  const pick: number[] = new Array(n).fill(-1);
  if (m >= n && n > 0) {
    const cost = (i: number, j: number) => Math.abs(centre(cols[i]!) - centre(candidates[j]!));
    const best: number[][] = cols.map(() => new Array(m).fill(Infinity));
    const from: number[][] = cols.map(() => new Array(m).fill(-1));
    for (let j = 0; j < m; j++) best[0]![j] = cost(0, j);
    for (let i = 1; i < n; i++)
      for (let j = i; j < m; j++)
        for (let p = i - 1; p < j; p++)
          if (best[i - 1]![p]! + cost(i, j) < best[i]![j]!) {
            best[i]![j] = best[i - 1]![p]! + cost(i, j);
            from[i]![j] = p;
          }
    let j = best[n - 1]!.indexOf(Math.min(...best[n - 1]!));
    for (let i = n - 1; i >= 0; i--) {
      pick[i] = j;
      j = from[i]![j]!;
    }
  } else
    cols.forEach((c, i) => {
      let bestJ = -1;
      let d = Infinity;
      candidates.forEach((s, j) => {
        if (Math.abs(centre(s) - centre(c)) < d) {
          d = Math.abs(centre(s) - centre(c));
          bestJ = j;
        }
      });
      pick[i] = bestJ;
    });
  return pick;
}

/**
 * Wide tables repeat one run of leaf headers under each group: 一般公共预算 | 政府性基金 | 国有资本经营
 * under 总计, 因公出国(境)费 …; 上年 | 本年 | 增减 under each item. A group label is centred over its
 * block and often narrower than it, so it overlaps only the block's middle leaf and word overlap
 * cannot nest it. The blocks are cut from the repeating leaf line instead, and each takes the labels
 * above whose centre falls inside it. Null when no header line repeats a run of leaves.
 */
export function blockPaths(header: PositionedLine[], cols: { x0: number; x1: number }[]): string[][] | null {
  if (header.length < 2 || cols.length < 4) return null;
  const at = header.reduce((best, l, i) => (l.tokens.length > header[best]!.tokens.length ? i : best), 0);
  const leaves = header[at]!.tokens;
  const words = leaves.map((t) => squash(t.text));
  const period = [2, 3, 4, 5].find(
    (p) => words.length % p === 0 && words.length / p >= 2 && new Set(words.slice(0, p)).size === p && words.every((w, i) => w === words[i % p]),
  );
  // Every column has its leaf on that line (else the repeating run is one level among others).
  if (!period || at === 0 || leaves.length < cols.length) return null;
  // A leaf wrapped over lines ("一般公共预" over "算") continues on the lines below it.
  const leafText = leaves.map((t) =>
    [t, ...header.slice(at + 1).flatMap((l) => l.tokens.filter((u) => Math.min(u.x1, t.x1) - Math.max(u.x0, t.x0) > 0))].map((u) => u.text.trim()).join(''),
  );
  const spans = Array.from({ length: words.length / period }, (_, b) => {
    const first = leaves[b * period]!;
    const last = leaves[b * period + period - 1]!;
    const before = leaves[b * period - 1];
    const after = leaves[b * period + period];
    // The outer blocks reach as far out as the inner ones do (not over the row labels).
    const gap = leaves[period]!.x0 - leaves[period - 1]!.x1;
    return { x0: before ? (before.x1 + first.x0) / 2 : first.x0 - gap / 2, x1: after ? (last.x1 + after.x0) / 2 : last.x1 + gap / 2 };
  });
  const above = header.slice(0, at).map((l) => l.tokens);
  const ancestors = spans.map((s) => above.flatMap((ts) => ts.filter((t) => centre(t) >= s.x0 && centre(t) < s.x1).map((t) => t.text.trim())));
  // Every block must be named from above, or the line is not a run of leaves under groups.
  if (ancestors.some((a) => a.length === 0)) return null;
  return cols.map((c) => {
    const k = leaves.reduce((best, t, i) => (Math.abs(centre(t) - centre(c)) < Math.abs(centre(leaves[best]!) - centre(c)) ? i : best), 0);
    return [...ancestors[Math.floor(k / period)]!, leafText[k]!];
  });
}

/**
 * 决算 tables print the same columns twice, under 预算数 and under 决算数. When both group labels are
 * in the header and split the columns evenly, the better-labelled half lends its measures to the
 * other in order, and only the preferred half keeps them.
 */
function splitBudgetActual(header: PositionedLine[], cols: Column[], prefer: RegExp | null) {
  const tokens = header.flatMap((l) => l.tokens);
  const budget = tokens.find((t) => /^(全年|年初)?预算数?$/.test(squash(t.text)));
  const actual = tokens.find((t) => /^(全年)?决算数?$/.test(squash(t.text)));
  if (!budget || !actual || cols.length < 1) return splitYears(tokens, cols);
  if (alternateBudgetActual(tokens, cols, prefer)) return;
  const inBudget = (c: Column) => Math.abs(centre(c) - centre(budget)) < Math.abs(centre(c) - centre(actual));
  const a = cols.filter(inBudget);
  const b = cols.filter((c) => !inBudget(c));
  if (!lendMeasures(a, b)) return;
  const keepActual = prefer ? prefer.test('决算') : false;
  for (const c of keepActual ? a : b) c.measure = null;
  for (const c of keepActual ? b : a) c.header = `${keepActual ? '决算数' : '预算数'}›${c.header}`;
}

/**
 * Two groups printing the same columns in the same order: the better-labelled group lends its
 * measures to the other, column by column. False when the groups differ in size.
 */
function lendMeasures(a: Column[], b: Column[]): boolean {
  if (a.length !== b.length) return false;
  const named = (g: Column[]) => g.filter((c) => c.measure).length;
  const [from, to] = named(a) >= named(b) ? [a, b] : [b, a];
  to.forEach((c, i) => (c.measure = from[i]!.measure));
  return true;
}

/**
 * 预算数 | 决算数 under every measure (Shanghai 决算 三公 table): each column is the one whose label
 * sits nearest above it; the columns of the version the template does not want are dropped, even
 * when the wanted version's cells are all blank.
 */
function alternateBudgetActual(tokens: Token[], cols: Column[], prefer: RegExp | null): boolean {
  const labels = tokens.filter((t) => /^(全年|年初)?[预决]算数?$/.test(squash(t.text)));
  const budgets = labels.filter((t) => /预算/.test(t.text)).length;
  if (budgets < 2 || labels.length - budgets < 2 || !prefer) return false;
  for (const c of cols) {
    const nearest = labels.reduce((a, b) => (Math.abs(centre(b) - centre(c)) < Math.abs(centre(a) - centre(c)) ? b : a));
    if (!prefer.test(squash(nearest.text))) c.measure = null;
  }
  return true;
}

/**
 * Last year's figures beside this year's (2025年预算数 | 2026年预算数, Shandong's 三公 table): the
 * same columns twice under two year labels. The later year is the document's; the better-labelled
 * half lends its measures to it in order.
 */
function splitYears(tokens: Token[], cols: Column[]) {
  const years = tokens
    .map((t) => ({ t, year: /^(\d{4})年(预算|决算)?数?$/.exec(squash(t.text))?.[1] }))
    .filter((y): y is { t: Token; year: string } => !!y.year);
  if (years.length !== 2 || years[0]!.year === years[1]!.year || cols.length < 2) return;
  const [earlier, later] = [...years].sort((a, b) => Number(a.year) - Number(b.year));
  const inEarlier = (c: Column) => Math.abs(centre(c) - centre(earlier!.t)) < Math.abs(centre(c) - centre(later!.t));
  const a = cols.filter(inEarlier);
  const b = cols.filter((c) => !inEarlier(c));
  if (!lendMeasures(a, b)) {
    // Uneven blocks (2025年预算数 | 2026年预算数 › 总计 | 基本支出 … | 项目支出): a column the earlier
    // year heads is last year's figure, whatever measure its words name.
    for (const c of cols) if (c.header.split('›').some((p) => p.startsWith(`${earlier!.year}年`))) c.measure = null;
    return;
  }
  for (const c of a) c.measure = null;
  for (const c of b) c.header = `${later!.year}年›${c.header}`;
}

/**
 * A bare 小计/合计 as the first amount column is the table's total even where the header also
 * names 公务用车 (whose own 小计 then names the vehicle column): when two columns claim one measure
 * and no column is the total, the leftmost bare one is.
 */
function leftmostSubtotalIsTotal(cols: Column[], wanted: Map<string, number>) {
  if (!wanted.has('total') || cols.some((c) => c.measure === 'total')) return;
  const first = cols.find((c) => c.measure);
  if (!first || !/(^|›)(小计|合计)(›\d+)?$/.test(first.header)) return;
  const rival = cols.find((c) => c !== first && c.measure === first.measure);
  const claimed = cols.some((c) => c !== first && c.header !== first.header && measureOfHeader(c.header.split('›')) === first.measure);
  if (rival || claimed) first.measure = 'total';
}

/**
 * A comparison printed down the page: one row per year (2025 年, 2026 年) and a change row
 * (增减变化金额). The latest year's row is the table's total; last year's and the change are not
 * this year's figures. Rows are left alone unless every row is a year or a change.
 */
export function yearRows(rows: RawRow[], labelColumn: number): RawRow[] {
  const yearOf = (r: RawRow) => /((?:19|20)\d{2})\s*年(度)?(预算|决算)?数?$/.exec(r.cells[labelColumn] ?? '')?.[1];
  const change = (r: RawRow) => /增减|变化|增长|比上年/.test(r.cells[labelColumn] ?? '');
  const years = rows.map(yearOf);
  const distinct = new Set(years.filter(Boolean));
  if (distinct.size < 2 || !rows.every((r, i) => years[i] || change(r))) return rows;
  const latest = String(Math.max(...[...distinct].map(Number)));
  return rows.filter((_, i) => years[i] === latest).map((r) => ({ ...r, cells: r.cells.map((c, k) => (k === labelColumn ? '合计' : c)) }));
}

const FUND_MEASURES = new Set(['gpb', 'govFund', 'soc']);

/**
 * The measure of a column, where an item is split by fund (总计 › 一般公共预算 | 政府性基金 |
 * 国有资本经营) in a table that does not measure funds: the column of the table's own fund carries the
 * item, the other funds' columns nothing.
 */
function fundSplitMeasure(path: string[], headerText: string, spec: ProfileTable, wanted: Map<string, number>): string | null {
  const measure = measureOfHeader(path, headerText);
  if (!measure || !FUND_MEASURES.has(measure) || wanted.has(measure) || path.length < 2) return measure;
  const item = measureOfHeader(path.slice(0, -1), headerText);
  if (!item || !wanted.has(item) || FUND_MEASURES.has(item)) return measure;
  return spec.fundType === measure ? item : null;
}

/** A token's box on the page, from the token's x extent and its line's vertical extent. */
function boxOf(l: PositionedLine, t: Token): [number, number, number, number] | undefined {
  if (!l.box) return undefined;
  return [Math.round(t.x0 * 100) / 100, l.box[1], Math.round(t.x1 * 100) / 100, l.box[3]];
}

/** Split a line into key tokens (codes, label) and value tokens (amounts right of the label). */
function splitKeyValues(l: PositionedLine, labelLimit: number): { key: Token[]; values: Token[] } {
  const key: Token[] = [];
  const values: Token[] = [];
  let seenLabel = false;
  for (const [i, t] of l.tokens.entries()) {
    const text = t.text.trim();
    // A year labelling the row ("2026 年"), not an amount.
    const year = /^(19|20)\d{2}$/.test(text) && /^年/.test(l.tokens[i + 1]?.text.trim() ?? '');
    const amount = (isAmountToken(text) || isPercentToken(text)) && !year;
    const code = CODE.test(squash(text)) && !seenLabel && t.x1 <= labelLimit;
    if (amount && !code && (seenLabel || t.x0 >= labelLimit)) values.push(t);
    else {
      if (!amount) seenLabel = true;
      key.push(t);
    }
  }
  return { key, values };
}

/**
 * Amounts printed a little above their row's baseline (038: 基本/项目 cells 7 pt higher than the
 * label and 合计) come out as a line of their own just above the row. Lines closer than half a line
 * height whose amounts don't collide with the row's tokens are one row.
 */
function joinRaisedAmounts(lines: PositionedLine[]): PositionedLine[] {
  const out = lines.map((l) => ({ ...l, tokens: [...l.tokens] }));
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i]!, out[i + 1]!];
    if (a.page !== b.page) continue;
    const dy = b.y - a.y;
    if (!(dy > 0 && dy < 0.6 * Math.min(a.height, b.height))) continue;
    const amounts = a.tokens.filter((t) => isAmountToken(t.text) && /[.,]/.test(t.text));
    if (amounts.length === 0) continue;
    // A line with a key of its own (the 项 digits "99") over a line of no amounts (the last
    // characters of its wrapped name, "出"): that is the row, its name wraps around it.
    if (a.tokens.some((t) => !amounts.includes(t)) && !b.tokens.some((t) => isAmountToken(t.text))) continue;
    const collides = amounts.some((t) => b.tokens.some((u) => u.x0 < t.x1 && t.x0 < u.x1));
    if (collides) continue;
    b.tokens = [...b.tokens, ...amounts].sort((x, y) => x.x0 - y.x0);
    a.tokens = a.tokens.filter((t) => !amounts.includes(t));
  }
  return out.filter((l) => l.tokens.length > 0);
}

/** A 栏次 line (栏次 1 2 3 …, ** 1 2 3): it numbers the columns and names nothing. */
function isColumnNumbers(l: PositionedLine): boolean {
  return l.tokens.length >= 3 && l.tokens.every((t, i) => (i === 0 && /^(栏次|行次|\*+|项目)$/.test(squash(t.text))) || /^\d{1,2}$/.test(squash(t.text)));
}

/**
 * A year in running text ("某某局 2026 年度单位预算公开", "本单位 2026 年没有…") is cut into its own
 * token by the extraction, which then reads as an amount worth 2026. A bare year directly followed
 * by a word starting with 年 is text: it is joined to its words.
 */
export function joinYearWords(lines: PositionedLine[]): PositionedLine[] {
  return lines.map((l) => {
    const out: Token[] = [];
    const ts = l.tokens;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      const next = ts[i + 1];
      const em = (x: Token) => (x.x1 - x.x0) / Math.max(1, [...x.text.trim()].length);
      if (next && /^(19|20)\d{2}$/.test(t.text.trim()) && /^年/.test(next.text.trim()) && next.x0 - t.x1 <= 1.5 * em(next)) {
        const prev = out[out.length - 1];
        const close = prev && !isAmountToken(prev.text) && t.x0 - prev.x1 <= 1.5 * em(prev);
        const merged = { text: `${close ? prev.text.trim() : ''}${t.text.trim()}${next.text.trim()}`, x0: close ? prev.x0 : t.x0, x1: next.x1 };
        if (close) out[out.length - 1] = merged;
        else out.push(merged);
        i++;
      } else out.push(t);
    }
    return out.length === ts.length ? l : { ...l, tokens: out };
  });
}

/**
 * A cell wrapped over several lines inside one table row: the row's amounts are printed once, on
 * the middle line, and the wrapped name ("机关事业单位基本养老" / "2080505 421.78 …" / "保险缴费支出")
 * or code above and below it, closer to it than rows are to each other. Such a run of lines is one
 * row: its label fragments join top to bottom. Lines nearer to their neighbour than 0.6 of the
 * rows' pitch and than 1.2 line heights are one row. Only PDF lines (with a
 * box) are measured: layout text has one line per row of characters and no pitch to tell by.
 */
export function joinWrappedCells(lines: PositionedLine[]): PositionedLine[] {
  const hasAmounts = (l: PositionedLine) => l.tokens.some((t) => isDecimalAmount(t.text));
  // Pitch: from each line with amounts to the next one (wrapped fragments between them skipped).
  const dys: number[] = [];
  const anchors = lines.filter((l) => l.box && hasAmounts(l));
  for (let i = 1; i < anchors.length; i++) {
    const [a, b] = [anchors[i - 1]!, anchors[i]!];
    if (a.page === b.page && b.y > a.y) dys.push(b.y - a.y);
  }
  if (dys.length < 2) return lines;
  // A low quantile: single-line rows are the nearest; rows without amounts (a statement's empty
  // items) make some distances multiples of the pitch.
  const pitch = [...dys].sort((x, y) => x - y)[Math.floor(dys.length / 4)]!;
  // Lines of one cell are stacked a line height apart at most, and nearer than rows are.
  const near = (a: PositionedLine, b: PositionedLine) => b.y - a.y < Math.min(0.6 * pitch, 1.2 * Math.max(a.height, b.height));
  const out: PositionedLine[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    while (j < lines.length && lines[j]!.box && lines[j]!.page === lines[i]!.page && near(lines[j - 1]!, lines[j]!)) j++;
    const run = lines.slice(i, j);
    // Several rows in one run (most rows wrapped, so the pitch is large): cut between each two rows
    // with amounts at the widest gap.
    const at = run.flatMap((l, k) => (hasAmounts(l) ? [k] : []));
    const cuts = [0];
    for (let k = 1; k < at.length; k++) {
      let cut = at[k]!;
      for (let c = at[k - 1]! + 1; c <= at[k]!; c++) if (run[c]!.y - run[c - 1]!.y > run[cut]!.y - run[cut - 1]!.y) cut = c;
      cuts.push(cut);
    }
    cuts.push(run.length);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const part = run.slice(cuts[k], cuts[k + 1]);
      const merged = part.length > 1 && part[0]!.box ? mergeRun(part, hasAmounts) : null;
      if (merged) out.push(merged);
      else out.push(...part);
    }
    i = j;
  }
  return out;
}

/** One row from a run of lines: exactly one carries amounts; the others hold only text left of them. */
function mergeRun(run: PositionedLine[], hasAmounts: (l: PositionedLine) => boolean): PositionedLine | null {
  const anchors = run.filter(hasAmounts);
  if (anchors.length !== 1) return null;
  const anchor = anchors[0]!;
  const firstAmount = Math.min(...anchor.tokens.filter((t) => isDecimalAmount(t.text)).map((t) => t.x0));
  const fragments = run.filter((l) => l !== anchor);
  if (fragments.some((l) => l.tokens.some((t) => isDecimalAmount(t.text) || t.x1 > firstAmount))) return null;
  const isText = (t: Token) => !isAmountToken(t.text) && !/^\d{1,2}$/.test(squash(t.text));
  // Text groups: the anchor's own labels, then each fragment token joins the nearest group it
  // touches (a centred second line may sit a little left or right of the first).
  type Group = { x0: number; x1: number; em: number; parts: { y: number; text: string }[] };
  const emOf = (t: Token) => (t.x1 - t.x0) / Math.max(1, [...t.text.trim()].length);
  const groups: Group[] = anchor.tokens.filter(isText).map((t) => ({ x0: t.x0, x1: t.x1, em: emOf(t), parts: [{ y: anchor.y, text: t.text.trim() }] }));
  const kept = anchor.tokens.filter((t) => !isText(t));
  const gap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
  const absorb = (g: Group, o: { x0: number; x1: number; parts: Group['parts'] }) => {
    g.parts.push(...o.parts);
    g.x0 = Math.min(g.x0, o.x0);
    g.x1 = Math.max(g.x1, o.x1);
  };
  // Lines of one cell overlap (or touch) one another.
  for (const l of fragments)
    for (const t of l.tokens) {
      const near = groups.filter((g) => gap(g, t) <= 0.5 * emOf(t)).sort((a, b) => gap(a, t) - gap(b, t))[0];
      // A cell that opens with its classification code ("2130304-水利行业业务管理") begins on its row's
      // line: text above it is the end of the cell above ("…的补" / "助"), printed nearer this row.
      if (near && l.y < anchor.y && near.parts[0]!.y === anchor.y && CODE_LABEL.test(near.parts[0]!.text)) return null;
      const part = { x0: t.x0, x1: t.x1, parts: [{ y: l.y, text: t.text.trim() }] };
      if (near) absorb(near, part);
      else groups.push({ ...part, em: emOf(t) });
    }
  // A lone line of fragments (the last characters of a name) may be printed aside of the rest of its
  // cell, even at the cell's far left: it joins the nearest other cell of fragments, unless a code
  // or an amount of the row stands between them.
  const fromAnchor = (g: Group) => g.parts.some((p) => p.y === anchor.y);
  const between = (a: Group, b: Group) => kept.some((k) => centre(k) > Math.min(a.x1, b.x1) && centre(k) < Math.max(a.x0, b.x0));
  for (const g of [...groups]) {
    if (fromAnchor(g) || new Set(g.parts.map((p) => p.y)).size > 1) continue;
    const near = groups.filter((o) => o !== g && !fromAnchor(o) && !between(o, g)).sort((a, b) => gap(a, g) - gap(b, g))[0];
    if (!near) continue;
    absorb(near, g);
    groups.splice(groups.indexOf(g), 1);
  }
  const text = groups.map((g) => ({
    text: [...g.parts]
      .sort((a, b) => a.y - b.y)
      .map((p) => p.text)
      .join(''),
    x0: g.x0,
    x1: g.x1,
  }));
  const tokens = [...kept, ...text].sort((a, b) => a.x0 - b.x0);
  return { ...anchor, tokens };
}

let knownNames: Set<string> | null = null;
/** A name of the functional or economic classification catalog (ordinal prefixes aside). */
function isKnownName(label: string): boolean {
  const { functional, economic } = catalogs();
  knownNames ??= new Set([...functional.all(), ...economic.all()].flatMap((e) => [e.name, ...e.variants]).map(normalizeName));
  return knownNames.has(normalizeName(label.replace(/^(\d+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])\s*/, '')));
}
const unclosed = (s: string) => (s.match(/[（(]/g)?.length ?? 0) > (s.match(/[）)]/g)?.length ?? 0);

/** A table's lines repaired (split numbers, glued amounts) and cut into header and data, 行次 dropped. */
function tableParts(lines: PositionedLine[]) {
  const joined = joinWrappedCells(splitGlued(splitGluedAmounts(joinSplitNumbers(joinRaisedAmounts(joinYearWords(lines))))));
  const start = firstDataLine(joined);
  if (start < 0) return null;
  const header = joinSpacedHeader(joined.slice(0, start).filter((l) => !isColumnNumbers(l)));
  return { joined, start, header, data: dropLineNumbers(header, joined.slice(start)) };
}

/**
 * Rows of a classification-tree table (支出总表, 一般公共预算支出表, 基本支出表, 三公 table …).
 * Output cells follow the profile spec's indexes: code at the last codeColumn, unit code at
 * unitCodeColumn, label at labelColumn, amounts at their measure's column.
 */
export function treeGrid(lines: PositionedLine[], spec: ProfileTable, perPage = false, options: GridOptions = {}): GridResult {
  if (perPage) return byPage(lines, spec, options, treePageGrid);
  return options.pieces ? byPiece(lines, spec, options, treePageGrid) : treePageGrid(lines, spec, options);
}

/**
 * A table printed in pieces of different column widths (blocks.ts): each piece read on its own,
 * under the table's header moved onto the piece's amount columns.
 */
function byPiece(
  lines: PositionedLine[],
  spec: ProfileTable,
  options: GridOptions,
  grid: (lines: PositionedLine[], spec: ProfileTable, options: GridOptions) => GridResult,
): GridResult {
  const parts = tableParts(lines);
  const at = parts ? lines.findIndex((l) => l.line === parts.joined[parts.start]!.line) : -1;
  const pieces = at < 0 ? [] : geometryBlocks(lines.slice(at), (t) => isDecimalAmount(t.text));
  if (pieces.length < 2) return grid(lines, spec, options);
  const header = lines.slice(0, at);
  const firstRights = amountRights(pieces[0]!);
  const codeAt = spec.codeColumns?.at(-1);
  const results: GridResult[] = [];
  const column = new Map((spec.measures ?? []).map((m) => [m.measure, m.column]));
  const identities = (spec.rowIdentities ?? []).flatMap((r) =>
    column.has(r.total) && r.parts.every((p) => column.has(p)) ? [{ total: column.get(r.total)!, parts: r.parts.map((p) => column.get(p)!) }] : [],
  );
  for (const [k, piece] of pieces.entries()) {
    const before = results.flatMap((r) => r.rows);
    const parentCode = codeAt === undefined ? undefined : [...before].reverse().find((r) => CODE.test(r.cells[codeAt] ?? ''))?.cells[codeAt];
    const read = (move: (t: Token) => { x0: number; x1: number } | null) => {
      const moved = header.map((l) => ({ ...l, tokens: l.tokens.flatMap((t) => (move(t) ? [{ ...t, ...move(t)! }] : [])) }));
      return grid([...moved, ...piece], spec, parentCode ? { ...options, parentCode } : options);
    };
    const rights = amountRights(piece);
    const shift = k === 0 ? 0 : edgeShift(firstRights, rights);
    // A piece printing fewer columns than the first: which ones, the identities say (the shift on ties).
    const readings = [
      read((t) => ({ x0: t.x0 + shift, x1: t.x1 + shift })),
      ...(k === 0 ? [] : pieceMaps(firstRights, rights).map((m) => read(warp(firstRights, rights, m)))),
    ];
    const score = (r: GridResult) => scorePiece(r.rows, before, identities, [...column.values()], codeAt);
    results.push(readings.reduce((best, r) => (score(r) > score(best) ? r : best)));
  }
  return { rows: results.flatMap((r) => r.rows), columns: results[0]!.columns, notes: results.flatMap((r) => r.notes) };
}

function treePageGrid(lines: PositionedLine[], spec: ProfileTable, options: GridOptions = {}): GridResult {
  const notes: string[] = [];
  const parts = tableParts(lines);
  if (!parts) return { rows: [], columns: [], notes };
  const { joined, start, header, data } = parts;
  // Where labels end: the left edge of the leftmost decimal amount in the data.
  const amountX0 = Math.min(...data.flatMap((l) => l.tokens.filter((t) => isDecimalAmount(t.text)).map((t) => t.x0)), Infinity);
  const labelLimit = Number.isFinite(amountX0) ? amountX0 : Infinity;
  const valueRows = data.map((l) => splitKeyValues(l, labelLimit).values);
  const found = withBlankColumns(header, findColumns(valueRows), data);
  const paths = headerPaths(header, found);
  const headerText = header.map((l) => l.tokens.map((t) => t.text).join('')).join('');
  const wanted = new Map((spec.measures ?? []).map((m) => [m.measure, m.column]));
  const cols: Column[] = found.map((c, j) => ({ ...c, measure: fundSplitMeasure(paths[j]!, headerText, spec, wanted), header: paths[j]!.join('›'), side: 0 }));
  // Unnamed columns: if the header names none of them, take the spec's measures in order.
  if (cols.every((c) => c.measure === null) && cols.length <= (spec.measures ?? []).length) cols.forEach((c, i) => (c.measure = spec.measures![i]!.measure));
  const prefer = spec.preferHeader ? new RegExp(spec.preferHeader) : null;
  for (const c of cols) {
    if (c.measure && !wanted.has(c.measure)) {
      notes.push(`列“${c.header}”（${c.measure}）不在模板中，已忽略`);
      c.measure = null;
    }
  }
  const ofWhich = Array.isArray(options.ofWhich) ? (options.ofWhich as unknown[]) : [];
  for (const c of cols) if (c.measure && ofWhich.includes(c.measure)) c.measure = null;
  leftmostSubtotalIsTotal(cols, wanted);
  splitBudgetActual(header, cols, prefer);
  // Two columns for one measure: keep the preferred group's (决算数 over 预算数), else the first.
  for (const m of new Set(cols.map((c) => c.measure).filter((x): x is string => !!x))) {
    const same = cols.filter((c) => c.measure === m);
    if (same.length < 2) continue;
    const keep = (prefer && same.find((c) => prefer.test(c.header))) || same.find((c) => !c.blank) || same[0]!;
    for (const c of same)
      if (c !== keep) {
        notes.push(`列“${c.header}”与“${keep.header}”同为${m}，已忽略`);
        c.measure = null;
      }
  }
  const width = Math.max(...(spec.measures ?? []).map((m) => m.column), spec.labelColumn ?? 0, ...(spec.codeColumns ?? [0]), spec.unitCodeColumn ?? 0) + 1;
  const rows: RawRow[] = [];
  let pendingLabel: string[] = [];
  const headerWords = new Set([...header, ...joined.slice(0, start)].flatMap((l) => l.tokens.map((t) => squash(t.text))));
  // 类 | 款 | 项 printed in columns of their own: a 款 row prints only its two digits under 款, a 项 row
  // only its two under 项. The full code is the parent's code and these digits; which column they
  // sit in says which parent.
  // (Raw header lines: the spaced-word join would read "类 款 项" as one word.)
  const rawHeader = joined.slice(0, start);
  const levelHeads = rawHeader.flatMap((l) => l.tokens).filter((t) => /^[款项]$/.test(squash(t.text)));
  const splitLevels = levelHeads.some((t) => squash(t.text) === '款') && rawHeader.some((l) => l.tokens.some((t) => squash(t.text) === '类'));
  const levelOf = (t: Token): 5 | 7 | null => {
    if (!splitLevels) return null;
    const head = levelHeads.reduce((a, b) => (Math.abs(centre(b) - centre(t)) < Math.abs(centre(a) - centre(t)) ? b : a));
    return squash(head.text) === '款' ? 5 : 7;
  };
  const carried = options.parentCode ?? '';
  let parents = { class: carried.slice(0, 3), kuan: carried.length >= 5 ? carried.slice(0, 5) : '' };
  for (const l of data) {
    const { key, values } = splitKeyValues(l, labelLimit);
    // The header repeated at the top of a continuation page.
    if (values.length === 0 && key.length > 0 && key.filter((t) => headerWords.has(squash(t.text))).length >= Math.max(1, key.length * 0.6)) continue;
    // …and its 栏次 line.
    if (isColumnNumbers(l)) continue;
    const cells: string[] = new Array(width).fill('');
    let code = '';
    let unitCode = '';
    const label: string[] = [];
    let labelToken: Token | undefined;
    for (const t of key) {
      const text = t.text.trim();
      const m = CODE_LABEL.exec(text);
      const level = !code && label.length === 0 && /^\d{2}$/.test(text) && parents.class ? levelOf(t) : null;
      if (level === 5) code = parents.class + text;
      else if (level === 7 && parents.kuan) code = parents.kuan + text;
      else if (!code && label.length === 0 && CODE.test(squash(text))) code = squash(text);
      else if (!code && label.length === 0 && m) {
        code = m[1]!;
        label.push(m[2]!);
      } else if (code && label.length === 0 && CODE.test(squash(text)) && squash(text).length > code.length - 2 && squash(text).startsWith(code.slice(0, 3)))
        // The full code printed beside its 类 | 款 pieces ("301 | 02 | 3010201"): the full code is the row's.
        code = squash(text);
      else if (
        !code &&
        !unitCode &&
        label.length === 0 &&
        /^\d{6}$/.test(squash(text)) &&
        spec.unitCodeColumn === undefined &&
        spec.classification === 'economic'
      )
        // A unit code (6 digits, no economic class has 6) in an economic table without a unit code
        // column goes where the template's code column is: the interpreter takes it for the unit's.
        code = squash(text);
      else if (code && !unitCode && label.length === 0 && /^\d{1,2}$/.test(text) && code.length < 7) code += text.padStart(2, '0');
      else if (
        (/^\d{4,}$/.test(squash(text)) || (code.length === 7 && /^\d{3}$/.test(squash(text)))) &&
        label.length === 0 &&
        spec.unitCodeColumn !== undefined
      )
        // A department-level unit code may have 3 digits ("205"), printed after a full 项 code.
        unitCode = squash(text);
      else {
        labelToken ??= t;
        label.push(text);
      }
    }
    if (values.length === 0 && !code && !unitCode && label.length > 0 && !TOTAL.test(squash(label.join('')))) {
      // A wrapped label on a line of its own: it belongs to the next row without a label, or continues the last.
      pendingLabel.push(label.join(''));
      continue;
    }
    let text = label.join('');
    if (!text && pendingLabel.length) text = pendingLabel.join('');
    else if (pendingLabel.length && rows.length) {
      // Lines between two labelled rows continue the row above until its name is complete (a
      // catalog name) or a line opens a bracket of its own: from there they begin the row below
      // ("对个人和家庭的补助" / "广州地区公文交换站（广" / "州市人民政府公报编辑 831.39" / "部）").
      const prev = rows[rows.length - 1]!;
      const lc = spec.labelColumn ?? 0;
      let k = 0;
      for (; k < pendingLabel.length; k++) {
        const before = prev.cells[lc] ?? '';
        const complete = isKnownName(before) && !isKnownName(before + pendingLabel[k]!);
        if (complete || (unclosed(pendingLabel[k]!) && !unclosed(before))) break;
        prev.cells[lc] = before + pendingLabel[k]!;
      }
      text = pendingLabel.slice(k).join('') + text;
    }
    pendingLabel = [];
    if (code.length >= 3) parents = { class: code.slice(0, 3), kuan: code.length >= 5 ? code.slice(0, 5) : '' };
    const codeCols = spec.codeColumns ?? [];
    if (code && codeCols.length) cells[codeCols[codeCols.length - 1]!] = code;
    if (unitCode && spec.unitCodeColumn !== undefined) cells[spec.unitCodeColumn] = unitCode;
    // A table of one unlabelled row (the usual 三公 table) is its own total.
    const onlyRow = !text && !code && !unitCode && rows.length === 0 && data.filter((d) => d.tokens.some((t) => isAmountToken(t.text))).length === 1;
    cells[spec.labelColumn ?? 0] = TOTAL.test(squash(text)) || onlyRow ? '合计' : text;
    const boxes: ([number, number, number, number] | undefined)[] = new Array(width).fill(undefined);
    // Where the label starts: templates without codes show a row's level by its indent.
    if (labelToken && label.length) boxes[spec.labelColumn ?? 0] = boxOf(l, labelToken);
    assignRow(cols, values).forEach((c, i) => {
      if (!c?.measure) return;
      cells[wanted.get(c.measure)!] = values[i]!.text.replace(/\s+/g, '');
      boxes[wanted.get(c.measure)!] = boxOf(l, values[i]!);
    });
    rows.push({ cells, line: l.line, page: l.page, boxes });
  }
  if (pendingLabel.length && rows.length) {
    const prev = rows[rows.length - 1]!;
    const lc = spec.labelColumn ?? 0;
    prev.cells[lc] = (prev.cells[lc] ?? '') + pendingLabel.join('');
  }
  return { rows: yearRows(rows, spec.labelColumn ?? 0), columns: cols.map((c) => ({ measure: c.measure, header: c.header, x0: c.x0, x1: c.x1 })), notes };
}

/**
 * Rows of a two-sided statement (收支总表): each line carries an income item (label, amounts) and
 * an expenditure item. The expenditure side begins where the second label of a line begins.
 */
export function statementGrid(lines: PositionedLine[], spec: ProfileTable, perPage = false, options: GridOptions = {}): GridResult {
  return perPage ? byPage(lines, spec, options, statementPageGrid) : statementPageGrid(lines, spec, options);
}

/** Right edges of the amount columns printed in some lines, left to right. */
function amountRights(lines: PositionedLine[]): number[] {
  const rights = lines.flatMap((l) => l.tokens.filter((t) => isDecimalAmount(t.text)).map((t) => t.x1)).sort((a, b) => a - b);
  const out: number[] = [];
  for (const r of rights) if (out.length === 0 || r - out[out.length - 1]! > 2) out.push(r);
  return out.length ? out : [0];
}

/**
 * pdftotext lays out each page on its own and shifts a continuation page's columns: grid the pages
 * separately, a page without its own header under the first page's. (A PDF keeps its columns.)
 */
function byPage(
  lines: PositionedLine[],
  spec: ProfileTable,
  options: GridOptions,
  grid: (lines: PositionedLine[], spec: ProfileTable, options: GridOptions) => GridResult,
): GridResult {
  const pages = [...new Set(lines.map((l) => l.page))];
  if (pages.length < 2) return grid(lines, spec, options);
  const firstParts = tableParts(lines.filter((l) => l.page === pages[0]));
  const header = firstParts ? firstParts.joined.slice(0, firstParts.start) : [];
  const firstRights = amountRights(lines.filter((l) => l.page === pages[0]));
  const results = pages.map((p, k) => {
    const own = lines.filter((l) => l.page === p);
    const parts = tableParts(own);
    if (!parts) return { rows: [], columns: [], notes: [] };
    if (k === 0 || parts.start > 0) return grid(own, spec, options);
    // The first page's header, moved to where this page prints its amount columns.
    const rights = amountRights(own);
    const pairs = rights.length === firstRights.length ? rights.map((r, i) => r - firstRights[i]!) : [rights.at(-1)! - firstRights.at(-1)!];
    const shift = [...pairs].sort((a, b) => a - b)[Math.floor(pairs.length / 2)] ?? 0;
    const moved = header.map((l) => ({ ...l, tokens: l.tokens.map((t) => ({ ...t, x0: t.x0 + shift, x1: t.x1 + shift })) }));
    return grid([...moved, ...own], spec, options);
  });
  return { rows: results.flatMap((r) => r.rows), columns: results[0]!.columns, notes: results.flatMap((r) => r.notes) };
}

function statementPageGrid(lines: PositionedLine[], spec: ProfileTable, _options: GridOptions = {}): GridResult {
  const notes: string[] = [];
  const parts = tableParts(lines);
  if (!parts) return { rows: [], columns: [], notes };
  const { header, data } = parts;
  const sides = spec.sides ?? [];
  // The split between the sides: the left edge of second labels on two-label lines.
  const seconds: number[] = [];
  // …and the right edge of the left side's amounts on those lines: every label right of them is the
  // right side's, wherever the right side's labels start (a continuation page printing only
  // expenditure items, its one two-label line a centred 本年收入合计 | 本年支出合计).
  let leftAmounts = -Infinity;
  for (const l of data) {
    let sawLabel = false;
    let lastNumber: Token | null = null;
    for (const t of l.tokens) {
      const amount = isAmountToken(t.text);
      if (!amount && sawLabel && lastNumber) {
        seconds.push(t.x0);
        leftAmounts = Math.max(leftAmounts, lastNumber.x1);
        break;
      }
      if (!amount) sawLabel = true;
      else if (sawLabel) lastNumber = t;
    }
  }
  const firstTokens = data.map((l) => l.tokens[0]!.x0);
  // Most two-label lines agree on where the right side starts; a stray line (a running header) must not move it.
  const sortedSeconds = [...seconds].sort((a, b) => a - b);
  const median = sortedSeconds[Math.floor(sortedSeconds.length / 2)];
  const split =
    median !== undefined ? Math.min(...sortedSeconds.filter((x) => x >= median * 0.8)) - 1 : (Math.max(...firstTokens) + Math.min(...firstTokens)) / 2;
  // Labels of the right side are left-aligned but not exactly (a few points either way); amounts are right-aligned and need no slack.
  const labelSlack = Math.max(1, split * 0.02);
  const labelSplit = Math.min(split - labelSlack, leftAmounts + 1);
  const sideOf = (t: Token) => (sides.length > 1 && t.x0 >= (isAmountToken(t.text) ? split : labelSplit) ? 1 : 0);
  const cols: Column[] = [];
  sides.forEach((side, si) => {
    const vals = data.map((l) => l.tokens.filter((t) => isAmountToken(t.text) && sideOf(t) === si)).filter((r) => r.length > 0);
    const clusters = findColumns(vals);
    const paths = headerPaths(
      header.map((l) => ({ ...l, tokens: l.tokens.filter((t) => sideOf(t) === si) })),
      clusters,
    );
    clusters.forEach((c, k) => {
      const path = paths[k]!;
      // One amount column on a side is the side's amount, whatever its header says (预算数, 金额, 决算数).
      let measure = side.measures.length === 1 || clusters.length === 1 ? side.measures[0]!.measure : measureOfHeader(path);
      if (measure === null && k === 0) measure = side.measures[0]!.measure;
      // A statement side's amount column is headed 合计 or 预算数.
      if (measure === 'total' && !side.measures.some((m) => m.measure === 'total')) measure = 'amount';
      if (measure && !side.measures.some((m) => m.measure === measure)) measure = null;
      if (!measure && clusters.length === side.measures.length) measure = side.measures[k]!.measure;
      cols.push({ ...c, measure, header: path.join('›'), side: si });
    });
  });
  // Shaanxi 综合预算 prints the expenditure side three times, each group headed by its
  // classification (支出功能分类科目 | 部门预算支出经济分类科目 | 政府预算支出经济分类科目): the
  // first group is the side's items; the 部门经济分类 group states 基本支出 and 项目支出.
  const last = sides.length - 1;
  const groupHeads = header
    .flatMap((l) => l.tokens)
    .filter((t) => sideOf(t) === last && /(分类|分|经济)科目?|科目（按/.test(squash(t.text)))
    .sort((a, b) => a.x0 - b.x0);
  // A group starts right after the previous group's amount column (its labels may start left of its heading).
  const groupStartAt = (head: Token) => {
    const before = cols.filter((c) => c.side === last && c.x1 < head.x0);
    return before.length ? Math.max(...before.map((c) => c.x1)) + 1 : head.x0 - 2;
  };
  const groupStart = groupHeads.length >= 2 ? groupStartAt(groupHeads[1]!) : Infinity;
  const economicGroup = groupHeads.find((t) => /部门预算支出经济/.test(squash(t.text)));
  const economicAfter = economicGroup ? groupHeads[groupHeads.indexOf(economicGroup) + 1] : undefined;
  const economicEnd = economicAfter ? groupStartAt(economicAfter) : Infinity;
  const economicStart = economicGroup ? groupStartAt(economicGroup) : Infinity;
  if (Number.isFinite(groupStart)) {
    const later = cols.filter((c) => c.side === last && c.x0 >= groupStart);
    for (const c of later) cols.splice(cols.indexOf(c), 1);
  }
  const SPLIT: [RegExp, string][] = [
    [/^(人员经费和公用经费支出|基本支出)$/, '基本支出'],
    [/^(专项业务经费支出|项目支出)$/, '项目支出'],
  ];
  const width = Math.max(...sides.flatMap((s) => [s.labelColumn, ...s.measures.map((m) => m.column)])) + 1;
  const rows: RawRow[] = [];
  for (const l of data) {
    if (economicGroup) {
      // 基本/项目 as stated in the 部门经济分类 group: a row of their own on this line.
      const group = l.tokens.filter((t) => t.x0 >= economicStart && t.x0 < economicEnd);
      group.forEach((t, k) => {
        const name = squash(t.text).replace(/^[\d一二三四五六七八九十]+[、.．]/, '');
        const split = SPLIT.find(([re]) => re.test(name));
        const amount = group.slice(k + 1).find((x) => isAmountToken(x.text));
        const next = group.slice(k + 1).find((x) => !isAmountToken(x.text));
        if (!split || !amount || (next && next.x0 < amount.x0)) return;
        const cells: string[] = new Array(width).fill('');
        const boxes: ([number, number, number, number] | undefined)[] = new Array(width).fill(undefined);
        const side = sides[last]!;
        cells[side.labelColumn] = split[1];
        cells[side.measures[0]!.column] = amount.text.replace(/\s+/g, '');
        boxes[side.measures[0]!.column] = boxOf(l, amount);
        rows.push({ cells, line: l.line, page: l.page, boxes });
      });
    }
    const cells: string[] = new Array(width).fill('');
    const boxes: ([number, number, number, number] | undefined)[] = new Array(width).fill(undefined);
    const labels: string[][] = sides.map(() => []);
    sides.forEach((side, si) => {
      const all = l.tokens.filter((t) => sideOf(t) === si);
      // Shaanxi 综合预算 prints the expenditure side three times (功能/部门经济/政府经济分类): the
      // first label and its amounts are the item; later label groups on the line restate it.
      const second = all.findIndex((t, k) => k > 0 && !isAmountToken(t.text) && all.slice(0, k).some((x) => isAmountToken(x.text)));
      const grouped = si === last && Number.isFinite(groupStart);
      const mine = grouped ? all.filter((t) => t.x0 < groupStart) : si === last && second > 0 ? all.slice(0, second) : all;
      const values = mine.filter((t) => isAmountToken(t.text));
      for (const t of mine) if (!isAmountToken(t.text)) labels[si]!.push(t.text);
      const sideCols = cols.filter((k) => k.side === si);
      assignRow(sideCols, values).forEach((c, i) => {
        const m = side.measures.find((x) => x.measure === c?.measure);
        if (!m) return;
        cells[m.column] = values[i]!.text.replace(/\s+/g, '');
        boxes[m.column] = boxOf(l, values[i]!);
      });
    });
    sides.forEach((s, si) => (cells[s.labelColumn] = labels[si]!.join('')));
    if (cells.every((c) => c === '')) continue;
    rows.push({ cells, line: l.line, page: l.page, boxes });
  }
  return { rows, columns: cols.map((c) => ({ measure: c.measure, header: c.header, x0: c.x0, x1: c.x1 })), notes };
}

/** A token cut into parts, each given its share of the token's width by its length. */
function splitToken(t: { x0: number; x1: number }, parts: string[]): { text: string; x0: number; x1: number }[] {
  const total = parts.reduce((n, p) => n + p.length, 0);
  let x = t.x0;
  return parts.map((p) => {
    const w = ((t.x1 - t.x0) * p.length) / total;
    const token = { text: p, x0: x, x1: x + w };
    x += w;
    return token;
  });
}
