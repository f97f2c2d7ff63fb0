// A laid-out disclosure back to the reader's RawDocument, cell for cell: the structural path for
// yusuan's own workbooks (rendered XLSX, the preparer's template). Table rows carry their cells at
// the profile's column indexes, as the tab-separated reader gives them, so interpretation is exact.

import type { RawDocument, RawLine, RawTable } from '../read/raw.js';
import type { AmountUnit } from '../money/amount.js';
import type { DocumentLayout, Section, TableLayout } from './layout.js';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export function tocLines(layout: Pick<DocumentLayout, 'parts'> & { tables: Pick<TableLayout, 'title' | 'number'>[] }): string[] {
  return [
    layout.parts.overview,
    layout.parts.tables,
    ...layout.tables.map((t, i) => `${CN[i] ?? i + 1}、${t.title}（公开表${t.number}）`),
    layout.parts.narrative,
    layout.parts.glossary,
  ];
}

export function sectionLines(sections: Section[]): string[] {
  return sections.flatMap((s) => [s.heading, ...s.paragraphs]);
}

/** A table as stored: rows of cells in visual order, each column knowing its profile column index. */
export interface StructuralTable {
  id: string;
  title: string;
  unit: AmountUnit;
  department: string | null;
  columns: { index: number | null }[];
  rows: string[][];
  note: string | null;
}

export interface StructuralParts {
  cover: string[];
  toc: string[];
  overview: string[];
  tables: StructuralTable[];
  narrative: string[];
  glossary: string[];
}

export function rawFromParts(parts: StructuralParts, file: string, sha256: string): RawDocument {
  let line = 0;
  const l = (text: string): RawLine => ({ text, line: ++line });
  const cover = parts.cover.map(l);
  const toc = parts.toc.map(l);
  const overview = parts.overview.map(l);
  const tables: RawTable[] = parts.tables.map((t) => {
    const titleLine = ++line;
    const width = Math.max(0, ...t.columns.map((c) => (c.index ?? 0) + 1));
    const rows = t.rows.map((r) => {
      const cells: string[] = new Array(width).fill('');
      t.columns.forEach((c, i) => {
        if (c.index !== null) cells[c.index] = r[i] ?? '';
      });
      return { cells, line: ++line };
    });
    return {
      tableId: t.id,
      printedTitle: t.title,
      titleLine,
      unit: t.unit,
      unitText: `金额单位：${t.unit}`,
      department: t.department,
      rows,
      notes: t.note ? [l(t.note)] : [],
    };
  });
  const narrative = parts.narrative.map(l);
  const glossary = parts.glossary.map(l);
  return { file, format: 'xlsx', layout: 'tabColumns', sha256, lineCount: line, cover, toc, overview, tables, unrecognisedTitles: [], narrative, glossary };
}

/** The overview lines a reader expects: part title, sections, then the unit list (序号 / 预算单位名称). */
export function overviewLines(partTitle: string, sections: Section[], unitNames: string[]): string[] {
  return [partTitle, ...sectionLines(sections), '序号\t预算单位名称', ...unitNames.map((n, i) => `${i + 1}\t${n}`)];
}

export function glossaryLines(glossary: { term: string; definition: string }[]): string[] {
  return glossary.map((g, i) => `${i + 1}. ${g.term}：${g.definition}`);
}

export function rawFromLayout(layout: DocumentLayout, file: string, sha256: string): RawDocument {
  return rawFromParts(
    {
      cover: layout.cover,
      toc: tocLines(layout),
      overview: overviewLines(
        layout.parts.overview,
        layout.overview,
        layout.units.map((u) => u.name),
      ),
      tables: layout.tables
        .filter((t) => t.present)
        .map((t) => ({
          id: t.id,
          title: t.title,
          unit: t.unit,
          department: t.department,
          columns: t.columns,
          rows: t.body.map((r) => r.cells),
          note: t.note && t.body.length === 0 ? t.note : null,
        })),
      narrative: [layout.parts.narrative, ...sectionLines(layout.narrative)],
      glossary: glossaryLines(layout.glossary),
    },
    file,
    sha256,
  );
}
