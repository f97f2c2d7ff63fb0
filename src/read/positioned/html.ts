// HTML → positioned text, for disclosures published as web pages. Every data <table> becomes lines,
// one per <tr>, with a token per cell: x0 = the cell's column (0-based, after earlier rowspans and
// colspans), x1 = x0 + colspan; a rowspan cell appears on its first row only. Text outside tables
// (headings, paragraphs, list items) becomes one-token lines in document order, so titles and the
// narrative are kept. A table whose cells hold tables is page layout: its cells are read as blocks.
// Parsed with htmlparser2 (entities decoded); everything is on page 1.

import { createHash } from 'node:crypto';
import { parseDocument } from 'htmlparser2';
import { InputError } from '../errors.js';
import { normalizeText } from './tokens.js';
import type { PositionedDocument, PositionedLine, Token } from './types.js';

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
}

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'object', 'iframe', 'select', 'button', 'textarea']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'caption',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
]);

const isTag = (n: Node) => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const nameOf = (n: Node) => (n.name ?? '').toLowerCase();
const clean = (s: string) => normalizeText(s.replace(/\s+/g, ' ')).replace(/\s+/g, ' ').trim();

export function readHtml(text: string, file: string): PositionedDocument {
  const dom = parseDocument(text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const rows: Token[][] = [];
  let buf = '';
  const flush = () => {
    const t = clean(buf);
    buf = '';
    if (t) rows.push([{ text: t, x0: 0, x1: 1 }]);
  };

  const walk = (nodes: Node[]): void => {
    for (const n of nodes) {
      if (n.type === 'text') buf += n.data ?? '';
      else if (n.type === 'cdata') walk(n.children ?? []);
      else if (isTag(n)) {
        const name = nameOf(n);
        if (SKIP.has(name)) continue;
        if (name === 'br') flush();
        else if (name === 'table') {
          flush();
          table(n);
        } else if (BLOCK.has(name)) {
          flush();
          walk(n.children ?? []);
          flush();
        } else walk(n.children ?? []);
      }
    }
  };

  const table = (t: Node): void => {
    const trs: Node[] = [];
    const captions: Node[] = [];
    for (const c of (t.children ?? []).filter(isTag)) {
      const name = nameOf(c);
      if (name === 'tr') trs.push(c);
      else if (name === 'caption') captions.push(c);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') trs.push(...(c.children ?? []).filter((r) => isTag(r) && nameOf(r) === 'tr'));
    }
    for (const c of captions) {
      flush();
      walk(c.children ?? []);
      flush();
    }
    const cellsOf = (tr: Node) => (tr.children ?? []).filter((c) => isTag(c) && (nameOf(c) === 'td' || nameOf(c) === 'th'));
    if (trs.some((tr) => cellsOf(tr).some(containsTable))) {
      // Layout table: read the cells as blocks, in order.
      for (const tr of trs)
        for (const cell of cellsOf(tr)) {
          flush();
          walk(cell.children ?? []);
          flush();
        }
      return;
    }
    const taken = new Map<number, Set<number>>();
    const occupied = (r: number) => {
      let s = taken.get(r);
      if (!s) taken.set(r, (s = new Set()));
      return s;
    };
    trs.forEach((tr, r) => {
      const tokens: Token[] = [];
      let col = 0;
      for (const cell of cellsOf(tr)) {
        while (occupied(r).has(col)) col++;
        const colspan = span(cell.attribs?.colspan);
        const rowspan = span(cell.attribs?.rowspan);
        for (let rr = r; rr < r + rowspan; rr++) for (let c = col; c < col + colspan; c++) occupied(rr).add(c);
        const text = clean(cellText(cell));
        if (text) tokens.push({ text, x0: col, x1: col + colspan });
        col += colspan;
      }
      taken.delete(r);
      if (tokens.length) rows.push(tokens);
    });
  };

  walk(dom.children as unknown as Node[]);
  flush();
  if (rows.length === 0) throw new InputError(file, 'HTML 中没有任何文字');
  const lines: PositionedLine[] = rows.map((tokens, i) => ({ page: 1, y: i, height: 1, tokens, line: i + 1 }));
  // A loop, not Math.max(...spread): a table of tens of thousands of rows would overflow the stack.
  let width = 1;
  for (const r of rows) for (const t of r) if (t.x1 > width) width = t.x1;
  return {
    files: [file],
    format: 'html',
    pages: [{ number: 1, file, width, height: lines.length, lines, imageOnly: false }],
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function containsTable(n: Node): boolean {
  return (n.children ?? []).some((c) => isTag(c) && (nameOf(c) === 'table' || containsTable(c)));
}

/** A cell's text: line breaks and blocks inside it become spaces. */
function cellText(n: Node): string {
  let s = '';
  for (const c of n.children ?? []) {
    if (c.type === 'text') s += c.data ?? '';
    else if (isTag(c) || c.type === 'cdata') {
      const name = nameOf(c);
      if (SKIP.has(name)) continue;
      if (name === 'br' || BLOCK.has(name)) s += ' ' + cellText(c) + ' ';
      else s += cellText(c);
    }
  }
  return s;
}
