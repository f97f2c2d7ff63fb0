// Tab-separated disclosure text as positioned lines: one token per non-empty cell, cell i spanning
// x 10i…10i+8 (gaps between cells, as on a printed page).
// Lets templates without tab column indexes read such text by header words like any other.

import { createHash } from 'node:crypto';
import type { PositionedDocument, PositionedLine } from './types.js';
import { cleanLine } from '../text/decode.js';

export function tabTextToPositioned(text: string, file: string): PositionedDocument {
  const lines: PositionedLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const cells = cleanLine(raw).split('\t');
    const tokens = cells.map((c, x) => ({ text: c.trim(), x0: x * 10, x1: x * 10 + 8 })).filter((t) => t.text !== '');
    if (tokens.length) lines.push({ page: 1, y: i, height: 1, tokens, line: i + 1 });
  });
  return {
    files: [file],
    format: 'layout',
    pages: [{ number: 1, file, width: Math.max(1, ...lines.flatMap((l) => l.tokens.map((t) => t.x1))), height: lines.length, lines, imageOnly: false }],
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}
