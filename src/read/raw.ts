// What every reader (text, PDF, XLSX, HTML) yields: the document cut into its parts, tables as
// rows of cells with provenance. Interpretation into facts (src/interpret) is format-independent.

import type { AmountUnit } from '../money/amount.js';

export interface RawLine {
  text: string;
  line: number;
  page?: number;
  /** The line ends its paragraph: it stops short of the text block's right edge and the next line starts a new one. */
  paragraphEnd?: boolean;
}

export interface RawRow {
  cells: string[];
  line: number;
  page?: number;
  /** Where each cell was printed ([x0, y0, x1, y1], PDF points, bottom-left origin), when known. */
  boxes?: ([number, number, number, number] | undefined)[];
}

export interface RawTable {
  /** The profile table this body table was recognised as. */
  tableId: string;
  printedTitle: string;
  titleLine: number;
  page?: number;
  unit: AmountUnit | null;
  unitText: string | null;
  department: string | null;
  rows: RawRow[];
  /** Measures whose columns the reader found printed; undefined when columns come from the profile (all of its measures). */
  measures?: string[];
  /** Other readings of the same lines where the layout is ambiguous (see src/reading/choose.ts); `rows` is the default. */
  candidates?: { why: string; rows: RawRow[] }[];
  notes: RawLine[];
}

export interface RawDocument {
  file: string;
  format: 'text' | 'pdf' | 'xlsx' | 'html';
  /** How table rows were cut into cells: by tab columns (the example's text) or by position. */
  layout: 'tabColumns' | 'positioned';
  sha256: string;
  lineCount: number;
  /** Lines before the table of contents: the cover. */
  cover: RawLine[];
  toc: RawLine[];
  overview: RawLine[];
  tables: RawTable[];
  /** Body lines that look like a table title of another template, not recognised here. */
  unrecognisedTitles: RawLine[];
  narrative: RawLine[];
  glossary: RawLine[];
}
