// A document as positioned text: pages of lines of tokens with horizontal extents. Every
// visual format reduces to this — PDF (x in points), `pdftotext -layout` text (x in character
// columns), XLSX and HTML tables (x in column indexes) — and one table segmenter works on it.

export interface Token {
  text: string;
  /** Left and right edge. PDF: points from the page's left; layout text: character columns; XLSX/HTML: column index (x1 = last column + 1). */
  x0: number;
  x1: number;
}

export interface PositionedLine {
  /** 1-based page number within the whole (possibly multi-file) document. */
  page: number;
  /** Top of the line, increasing down the page (PDF points; line index for text formats). */
  y: number;
  height: number;
  tokens: Token[];
  /** 1-based line number in the source when the source is text (layout text); otherwise a running line number across the document. */
  line: number;
  /** PDF: bounding box [x0, y0, x1, y1] in PDF points from the page's bottom-left. */
  box?: [number, number, number, number];
}

export interface PositionedPage {
  number: number;
  /** Which input file the page came from (multi-part publications). */
  file: string;
  width: number;
  height: number;
  lines: PositionedLine[];
  /** The page has no text layer (a scan or an image): reported, never guessed. */
  imageOnly: boolean;
}

export interface PositionedDocument {
  files: string[];
  format: 'pdf' | 'layout' | 'xlsx' | 'html';
  pages: PositionedPage[];
  sha256: string;
}
