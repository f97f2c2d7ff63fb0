// `pdftotext -layout` text → positioned text. Pages are separated by form feeds; columns by runs of
// spaces. x is the character column (every character counts as one column, as pdftotext lays them
// out), y the line's index within its page, `line` the 1-based line number in the text file.

import { createHash } from 'node:crypto';
import { normalizeText, splitTokens } from './tokens.js';
import type { PositionedDocument, PositionedLine, PositionedPage, Token } from './types.js';

export function readLayoutText(text: string, file: string): PositionedDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rawLines = body.split(/\r?\n|\r/);
  const pages: PositionedPage[] = [];
  let page: PositionedPage | null = null;
  let index = 0; // line index within the current page
  const open = () => {
    page = { number: pages.length + 1, file, width: 0, height: 0, lines: [], imageOnly: false };
    pages.push(page);
    index = 0;
  };
  open();
  rawLines.forEach((raw, i) => {
    const parts = raw.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) {
        page!.height = index;
        open();
      }
      const chars = [...part];
      const tokens: Token[] = splitTokens(chars)
        .map(({ start, end }) => ({ text: normalizeText(chars.slice(start, end).join('')).trim(), x0: start, x1: end }))
        .filter((t) => t.text !== '');
      const p = page!;
      if (tokens.length) {
        const line: PositionedLine = { page: p.number, y: index, height: 1, tokens, line: i + 1 };
        p.lines.push(line);
      }
      p.width = Math.max(p.width, chars.length);
      // A form feed at the very start of a line belongs to the page break, not to a line of the page.
      if (part !== '' || k === parts.length - 1) index++;
    });
  });
  page!.height = index;
  // pdftotext ends every page, the last included, with a form feed: drop the empty tail it leaves.
  const last = pages[pages.length - 1]!;
  if (pages.length > 1 && last.lines.length === 0 && /\f\s*$/.test(body)) pages.pop();
  for (const p of pages) p.imageOnly = p.lines.length === 0;
  return { files: [file], format: 'layout', pages, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
