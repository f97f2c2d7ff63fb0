// A positioned document (PDF, layout text, XLSX, HTML) → RawDocument: drop page furniture, find
// the contents, the table titles (a table may run over pages and repeat its title), the tables'
// rows (grid.ts) and the prose around them (情况说明, 名词解释).

import { SENTENCE_END } from '../../narrative/claims.js';
import { createHash } from 'node:crypto';
import type { AmountUnit } from '../../money/amount.js';
import { buildTitleIndex, isPartHeading, normalizeTitle } from '../../profiles/titles.js';
import type { Profile, ProfileTable } from '../../profiles/types.js';
import type { RawDocument, RawLine, RawRow, RawTable } from '../raw.js';
import { firstDataLine, STATEMENT_VARIANTS, statementGrid, TREE_VARIANTS, treeGrid, type GridOptions } from './grid.js';
import { PERFORMANCE_MERGED, PERFORMANCE_OWN_ROWS, performanceRows } from './performance-grid.js';
import type { PositionedDocument, PositionedLine } from './types.js';

const UNIT = /(金额)?单位\s*[:：]\s*(万元|元)/;
const FURNITURE = [
  /^[-—–]?\s*\d{1,3}\s*[-—–]?$/,
  /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/,
  /^(部门|单位)?公开表\s*[\d-]+$/,
  /^公开\s*\d+\s*表$/,
  /^(预算|决算)\s*\d+\s*表$/,
];
const TABLE_PREFIX =
  /^((部门|单位)?公开表\s*[\d-]+|公开\s*\d+\s*表|(预算|决算)\s*\d+\s*表|(预算|决算)?表\s*[\d一二三四五六七八九十-]+|附表\s*\d*)\s*[:：.．、]?\s*/;
const GLOSSARY = /名词解释/;
/** A note under a table (注：…, 备注：…, 说明：…): text about the table, never one of its rows. */
const NOTE = /^(备注|注释?|说明)[:：]/;

const text = (l: PositionedLine) =>
  l.tokens
    .map((t) => t.text)
    .join(' ')
    .trim();
const squash = (s: string) => s.replace(/\s+/g, '');

/** Page furniture. A bare number is a page number only at the top or bottom of its page (`atEdge`):
 *  inside a table it is the wrapped tail of an amount. */
export function isFurniture(l: PositionedLine, atEdge = true): boolean {
  const t = squash(text(l));
  return t === '' || FURNITURE.some((re, k) => (k > 0 || atEdge) && re.test(t));
}

/** Running headers and footers: the same short line at the top or bottom of many pages. */
function runningLines(doc: PositionedDocument): Set<string> {
  const pagesWith = new Map<string, number>();
  for (const p of doc.pages) {
    const edge = [...p.lines.slice(0, 2), ...p.lines.slice(-2)];
    for (const k of new Set(edge.map((l) => squash(text(l)))))
      // Repeated table titles, units and column headers are content, not furniture. (单位 alone is
      // no header word: "某某局 2026 年度单位预算公开" is the running header of a 单位预算.)
      if (k.length >= 4 && k.length <= 40 && !/表|单位(名称|编码|代码)|合计|项目|科目|[:：]/.test(k)) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  const min = Math.max(3, Math.ceil(doc.pages.length * 0.3));
  return new Set([...pagesWith].filter(([, n]) => n >= min).map(([k]) => k));
}

/** The profile table a line names, if it is a table title. */
export function titleOf(l: PositionedLine, profile: Profile, index = buildTitleIndex(profile)): ProfileTable | null {
  if (l.tokens.length > 3) return null;
  const t = squash(text(l)).replace(TABLE_PREFIX, '');
  if (t.length < 4 || t.length > 45 || /[。；]$/.test(t) || /\.{3,}|…{2,}/.test(t)) return null;
  return index.match(t);
}

/** A line that is only a table's number, printed above its title. */
/** An entry of a list of titles: numbered or bulleted, or with its table number in brackets. */
const LIST_ENTRY = /^([-•·]|\d+[、.．]|[一二三四五六七八九十]+、)|[（(](公开|预算|决算)?表\s*[\d一二三四五六七八九十-]+[)）]$/;
const TABLE_NUMBER_LINE = /^(附?表[一二三四五六七八九十\d]+(-\d+)?|(预算|决算|公开)?[\d一二三四五六七八九十]+(-\d+)?表)$/;

export function segmentPositioned(doc: PositionedDocument, profile: Profile): RawDocument {
  const index = buildTitleIndex(profile);
  const running = runningLines(doc);
  const all: PositionedLine[] = doc.pages.flatMap((p) =>
    p.lines.filter((l, k) => !isFurniture(l, k < 2 || k >= p.lines.length - 3) && !running.has(squash(text(l)))),
  );
  const raw = (l: PositionedLine): RawLine => ({ text: text(l), line: l.line, page: l.page });

  // Contents: after a 目录 line, until the body starts repeating a heading the contents listed.
  const tocAt = all.findIndex((l) => squash(text(l)) === '目录');
  let tocEnd = tocAt;
  if (tocAt >= 0) {
    const seen = new Set<string>();
    const key = (l: PositionedLine) =>
      squash(text(l))
        .replace(/[.…·]{2,}.*$/, '')
        .replace(/\d+$/, '');
    const tocPage = all[tocAt]!.page;
    for (let i = tocAt + 1; i < all.length && i < tocAt + 80; i++) {
      const l = all[i]!;
      const t = squash(text(l));
      // Contents are a page or two of short entries; prose or a repeated heading starts the body.
      if (l.page > tocPage + 1 || t.length > 45 || /。/.test(t)) break;
      const k = key(l);
      if (seen.has(k) && k.length >= 4) break;
      seen.add(k);
      tocEnd = i;
    }
  }

  // Table titles outside the contents: a title with a unit line nearby, or a header right after.
  const starts: { at: number; spec: ProfileTable }[] = [];
  const unrecognised: RawLine[] = [];
  // A title over two lines: its scope in parentheses on the next ("（按支出功能分类科目－不含上年结转）").
  const titleAt = (i: number): ProfileTable | null => {
    const l = all[i]!;
    const n = all[i + 1];
    if (n && n.page === l.page && l.tokens.length <= 3 && /^[（(][^（()）]{2,30}[)）]$/.test(squash(text(n)))) {
      const joined = titleOf({ ...l, tokens: [{ ...l.tokens[0]!, text: squash(text(l)) + squash(text(n)) }] }, profile, index);
      if (joined) return joined;
    }
    return titleOf(l, profile, index);
  };
  for (let i = 0; i < all.length; i++) {
    if (i > tocAt && i <= tocEnd) continue;
    const spec = titleAt(i);
    if (!spec) {
      // A table title this template does not know: a title-like line over a unit line.
      const t = squash(text(all[i]!)).replace(TABLE_PREFIX, '');
      const near = all.slice(i + 1, i + 4).some((l) => UNIT.test(squash(text(l))));
      const key = normalizeTitle(t);
      const partHeading = isPartHeading(t) || key.length < 4;
      const seen = unrecognised.some((u) => normalizeTitle(squash(u.text).replace(TABLE_PREFIX, '')) === key);
      if (near && !partHeading && !seen && all[i]!.tokens.length <= 3 && /表$/.test(key) && t.length <= 45) unrecognised.push(raw(all[i]!));
      continue;
    }
    const near = all.slice(Math.max(0, i - 2), i + 6);
    // A list of titles (contents without page numbers) is not a table: the next line is a title too.
    // Neighbours count only on the same page: a contents list ending at a page break says nothing about the next page.
    const samePage = (l: PositionedLine | undefined) => (l && l.page === all[i]!.page ? l : undefined);
    const prevLine = samePage(all[i - 1]);
    const nextLine = samePage(all[i + 1]);
    const prev = prevLine ? titleOf(prevLine, profile, index) : null;
    const next = nextLine ? titleOf(nextLine, profile, index) : null;
    // A heading naming the table just before its printed title: the title below is the one.
    if (next?.id === spec.id) continue;
    // A list of different titles in a row is a table of contents. A bare title right under a list
    // whose entries are numbered (“十四、…（公开表 7）”) is the first table's own title, not an entry.
    const listed = (l: PositionedLine) => LIST_ENTRY.test(squash(text(l)));
    const endsList = prevLine && listed(prevLine) && !listed(all[i]!);
    if ((prev && prev.id !== spec.id && !endsList) || (next && next.id !== spec.id)) continue;
    // A performance-target table may print no amount unit (单位名称 only): its indicator header marks it.
    const indicatorHeader = /Performance$/.test(spec.layout) && all.slice(i + 1, i + 8).some((l) => /指标|年度目标|绩效目标/.test(squash(text(l))));
    if (!near.some((l) => UNIT.test(squash(text(l)))) && firstDataLine(all.slice(i + 1, i + 10)) < 0 && !indicatorHeader) continue;
    starts.push({ at: i, spec });
  }

  const tables: RawTable[] = [];
  const variantsOf = new Map<RawTable, { why: string; rows: RawRow[] }[]>();
  const inTable = new Set<number>();
  const unknownAt = unrecognised.map((u) => all.findIndex((l) => l.line === u.line && l.page === u.page)).filter((i) => i >= 0);
  for (let k = 0; k < starts.length; k++) {
    const { at, spec } = starts[k]!;
    // A table ends at the next table's title, known to the template or not.
    let end = Math.min(starts[k + 1]?.at ?? all.length, ...unknownAt.filter((i) => i > at));
    // Prose after the table: stop at the first long sentence line. (Performance-target tables are
    // made of sentences: they end at the next title only.)
    if (/Performance$/.test(spec.layout) || spec.role === 'performanceEvaluation') {
      // …or at the next part of the document (第三部分 名词解释).
      const part = all.findIndex(
        (l, i) =>
          i > at && i < end && /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、.{0,12}(情况说明|名词解释|其他重要事项|附件))/.test(squash(text(l))),
      );
      if (part > 0) end = part;
    } else
      for (let i = at + 1; i < end; i++)
        // A note under the table (注：…) is the table's, even when written as a sentence.
        if (isProse(all[i]!) && !NOTE.test(squash(text(all[i]!)))) {
          end = i;
          break;
        }
    // A bare table number (表九, 预算10表) or a section heading naming a table ("四、财政拨款收支预算总表",
    // printed over the table's own title) belongs to the next table, not to this one's last row.
    while (end - 1 > at && (TABLE_NUMBER_LINE.test(squash(text(all[end - 1]!))) || titleOf(all[end - 1]!, profile, index))) end--;
    for (let i = at; i < end; i++) inTable.add(i);
    const region = all.slice(at + 1, end);
    const unitLine = all.slice(Math.max(0, at - 2), at + 6).find((l) => UNIT.test(squash(text(l))));
    const unit = (unitLine ? (UNIT.exec(squash(text(unitLine)))![2] as AmountUnit) : null) ?? null;
    const body = region.filter((l) => !UNIT.test(squash(text(l))) && !/^(编制|填报)?(部门|单位)(名称)?[:：]/.test(squash(text(l))));
    // A note (注：…) runs on over the lines that continue it: one run of text, no amounts, same page.
    const isNote = new Set<PositionedLine>();
    body.forEach((l, i) => {
      const prev = body[i - 1];
      if (NOTE.test(squash(text(l)))) isNote.add(l);
      else if (prev && isNote.has(prev) && l.page === prev.page && l.tokens.length === 1 && !/\d[\d,]*\.\d+/.test(text(l))) isNote.add(l);
    });
    const notes = body.filter((l) => isNote.has(l)).map(raw);
    const lines = body.filter((l) => !isNote.has(l));
    const previous = tables.find((t) => t.tableId === spec.id);
    const perPage = doc.format === 'layout';
    // A continuation's 款/项 rows may print only their own digits: they extend the last code read.
    const codeAt = spec.codeColumns?.at(-1);
    const parentCode =
      codeAt === undefined ? undefined : [...(previous?.rows ?? [])].reverse().find((r) => /^\d{3,7}$/.test(r.cells[codeAt] ?? ''))?.cells[codeAt];
    const gridOf = (options: GridOptions = {}) =>
      spec.layout === 'statement'
        ? statementGrid(lines, spec, perPage, options)
        : spec.layout === 'classTree'
          ? treeGrid(lines, spec, perPage, parentCode ? { ...options, parentCode } : options)
          : null;
    const grid = gridOf();
    if (grid && process.env.YUSUAN_DEBUG_GRID)
      process.stderr.write(`[grid] 表${spec.id} 第${all[at]!.line}行 ${JSON.stringify(grid.columns.map((c) => [c.measure, c.header]))}\n`);
    const perf = /Performance$/.test(spec.layout) ? performanceRows(lines) : null;
    const byLine = lines.map((l) => ({ cells: l.tokens.map((t) => t.text.trim()), line: l.line, page: l.page }));
    // A performance-target table is read as a grid of wrapped, merged cells; the department-wide one
    // (mostly label–value lines) keeps its lines by default.
    const dept = spec.layout === 'departmentPerformance';
    const rows = grid ? grid.rows : perf && !dept ? perf.rows : byLine;
    // Candidate readings where the layout is ambiguous, each over the whole table (all its pages).
    const perfVariants = perf ? (dept ? [{ why: PERFORMANCE_MERGED, rows: perf.rows }] : []).concat({ why: PERFORMANCE_OWN_ROWS, rows: perf.ownRows }) : [];
    const variants = grid ? (spec.layout === 'statement' ? STATEMENT_VARIANTS : TREE_VARIANTS) : perfVariants;
    const variantRows = perf ? perfVariants.map((v) => v.rows) : variants.map((v) => ('options' in v ? gridOf(v.options)?.rows : undefined) ?? rows);
    const printedMeasures = grid ? grid.columns.flatMap((c) => (c.measure ? [c.measure] : [])) : [];
    const dataOf = (rs: RawRow[]) => rs.filter((r) => !r.cells.every((c) => c === ''));
    if (previous) {
      // A continuation page repeats the title and header: only its data lines are new.
      previous.rows.push(...dataOf(rows));
      previous.measures = [...new Set([...(previous.measures ?? []), ...printedMeasures])];
      variantRows.forEach((vr, k) => variantsOf.get(previous)?.[k]?.rows.push(...dataOf(vr)));
      previous.notes.push(...notes);
      continue;
    }
    const table: RawTable = {
      tableId: spec.id,
      printedTitle: text(all[at]!),
      titleLine: all[at]!.line,
      page: all[at]!.page,
      unit,
      unitText: unitLine ? text(unitLine) : null,
      department: null,
      rows,
      ...(grid ? { measures: printedMeasures } : {}),
      notes,
    };
    tables.push(table);
    variantsOf.set(
      table,
      variants.map((v, k) => ({ why: v.why, rows: [...variantRows[k]!] })),
    );
  }
  // A variant that reads every page as the default does is no candidate.
  const same = (a: RawRow[], b: RawRow[]) => a.length === b.length && a.every((r, i) => r.cells.join('\t') === b[i]!.cells.join('\t'));
  for (const t of tables) {
    const candidates = (variantsOf.get(t) ?? []).filter((c, k, all) => !same(c.rows, t.rows) && all.findIndex((o) => same(o.rows, c.rows)) === k);
    if (candidates.length) t.candidates = candidates;
  }

  const firstPage = doc.pages[0]?.number ?? 1;
  const coverEnd = tocAt >= 0 ? tocAt : all.findIndex((l) => l.page !== firstPage);
  const cover = all
    .slice(0, Math.max(0, coverEnd))
    .filter((l) => !inTable.has(all.indexOf(l)))
    .slice(0, 6);
  // Prose: what is neither a table, the contents, nor a contents-style line with dot leaders.
  const leaders = (l: PositionedLine) => /[.…·]{4,}\s*\d*$/.test(text(l));
  const prose = all.map((l, i) => ({ l, i })).filter(({ l, i }) => !inTable.has(i) && i > Math.max(tocEnd, coverEnd - 1) && !leaders(l));
  // 名词解释 is one part of the prose: from its heading to the next heading of the same rank.
  const heading = (l: PositionedLine) => {
    const t = squash(text(l));
    // A numbered glossary entry ("一、机关运行经费：指…") is no heading.
    if (/^[一二三四五六七八九十]+、[^：:，。]{1,20}[：:]./.test(t)) return false;
    if (/^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/.test(t)) return true;
    // An unnumbered part title ("部门预算编制说明") ends the glossary too; its entries are "（一）…：…" lines.
    return (
      l.tokens.length <= 3 &&
      t.length >= 4 &&
      t.length <= 28 &&
      !/[，。；：:]/.test(t) &&
      !/^([（(]|\d{1,2}[、.．])/.test(t) &&
      /(说明|情况|概况|职能|设置|报表|预算表|决算表)$/.test(t)
    );
  };
  const glossaryAt = prose.findIndex(({ l }) => GLOSSARY.test(squash(text(l))) && l.tokens.length <= 3 && squash(text(l)).length <= 20);
  let glossaryEnd = prose.length;
  if (glossaryAt >= 0)
    for (let k = glossaryAt + 1; k < prose.length; k++)
      if (heading(prose[k]!.l)) {
        glossaryEnd = k;
        break;
      }
  const narrativeLines = (glossaryAt >= 0 ? [...prose.slice(0, glossaryAt), ...prose.slice(glossaryEnd)] : prose).map(({ l }) => l);
  const proseLine = (l: PositionedLine): RawLine => ({ ...raw(l), text: unspaced(text(l)) });
  const narrative = markParagraphEnds(narrativeLines).map((l, k) => ({ ...proseLine(narrativeLines[k]!), ...(l ? { paragraphEnd: true } : {}) }));
  const glossary = glossaryAt >= 0 ? prose.slice(glossaryAt + 1, glossaryEnd).map(({ l }) => proseLine(l)) : [];
  return {
    file: doc.files.join(' + '),
    format: doc.format === 'layout' ? 'text' : doc.format,
    layout: 'positioned',
    sha256: doc.sha256 || createHash('sha256').update(doc.files.join('|')).digest('hex'),
    lineCount: all.length,
    cover: cover.map(raw),
    toc:
      tocAt >= 0
        ? all
            .slice(tocAt + 1, tocEnd + 1)
            .map(raw)
            .filter((l) => normalizeTitle(l.text).length >= 2)
        : [],
    overview: [],
    tables,
    unrecognisedTitles: unrecognised,
    narrative,
    glossary,
  };
}

/** Chinese prose has no spaces between characters: letter-spaced text ("支 出 预 算 33112.47 万 元 ，") reads as written. */
const CJK = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20“”‘’]';
const CJK_GAP = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, 'g');
export const unspaced = (s: string): string => s.replace(CJK_GAP, '');

/** A line of running prose or a part heading, which ends a table region. */
function isProse(l: PositionedLine): boolean {
  const t = squash(text(l));
  if (/^第[一二三四五六七八九十]+部分/.test(t)) return true;
  if (l.tokens.length === 1 && !/\d{2,}/.test(t) && /(说明|情况|概况|简介)$/.test(t) && t.length >= 6) return true;
  return l.tokens.some((k) => squash(k.text).length >= 10 && /[，。；]/.test(k.text));
}

/**
 * Which prose lines end a paragraph: the line stops well short of the right edge of the page's text
 * block and the next line starts indented (or on another page). A paragraph's end is where its last
 * sentence must have its full stop, whether or not the writer put one there.
 */
function markParagraphEnds(lines: PositionedLine[]): boolean[] {
  const byPage = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    if (l.tokens.length === 0) continue;
    const b = byPage.get(l.page) ?? { left: Infinity, right: -Infinity };
    b.left = Math.min(b.left, l.tokens[0]!.x0);
    b.right = Math.max(b.right, l.tokens[l.tokens.length - 1]!.x1);
    byPage.set(l.page, b);
  }
  let paragraphX: number | null = null;
  return lines.map((l, k) => {
    const next = lines[k + 1];
    const b = byPage.get(l.page);
    if (l.tokens.length === 0 || !b) return false;
    paragraphX ??= l.tokens[0]!.x0;
    const startX = paragraphX;
    if (SENTENCE_END.test(text(l).trim())) paragraphX = null;
    if (!next || next.tokens.length === 0 || next.page !== l.page) return false;
    const width = b.right - b.left;
    const short = l.tokens[l.tokens.length - 1]!.x1 < b.right - width * 0.12;
    // Prose paragraphs indent their first line by about a character (half a line height, or one
    // column of layout text); this paragraph and the next both start so. Text laid out otherwise
    // (tables among the prose) is left alone.
    const slack = Math.max(l.height * 0.5, 0.5);
    const nextX = next.tokens[0]!.x0;
    const end = short && nextX > b.left + slack && startX > b.left + slack && Math.abs(nextX - startX) <= slack;
    if (end) paragraphX = null;
    return end;
  });
}
