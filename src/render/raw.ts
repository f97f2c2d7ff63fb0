// A laid-out disclosure back to the reader's RawDocument, cell for cell: the structural path for
// yusuan's own workbooks (rendered XLSX, the preparer's template). Table rows carry their cells at
// the profile's column indexes, as the tab-separated reader gives them, so interpretation is exact.

import type { RawDocument, RawLine, RawTable } from '../read/raw.js';
import type { DocumentLayout, Section, TableLayout } from './layout.js';

/** What a structural reader needs of a layout (a workbook stores exactly this). */
export type StructuralLayout = Pick<DocumentLayout, 'cover' | 'parts' | 'overview' | 'units' | 'narrative' | 'glossary' | 'department'> & {
  tables: Pick<TableLayout, 'id' | 'title' | 'unit' | 'department' | 'columns' | 'body' | 'note' | 'present' | 'empty'>[];
};

export function tocLines(layout: Pick<DocumentLayout, 'parts'> & { tables: Pick<TableLayout, 'title' | 'number' | 'present'>[] }): string[] {
  const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
  return [
    layout.parts.overview,
    layout.parts.tables,
    ...layout.tables.map((t, i) => `${cn[i] ?? i + 1}、${t.title}（公开表${t.number}）`),
    layout.parts.narrative,
    layout.parts.glossary,
  ];
}

export function rawFromLayout(layout: StructuralLayout & { tables: Pick<TableLayout, 'number'>[] }, file: string, sha256: string): RawDocument {
  let line = 0;
  const l = (text: string): RawLine => ({ text, line: ++line });
  const cover = layout.cover.map(l);
  const toc = tocLines(layout as Parameters<typeof tocLines>[0]).map(l);
  const sectionLines = (sections: Section[]) => sections.flatMap((s) => [l(s.heading), ...s.paragraphs.map(l)]);
  const overview = [
    l(layout.parts.overview),
    ...sectionLines(layout.overview),
    l('序号\t预算单位名称'),
    ...layout.units.map((u, i) => l(`${i + 1}\t${u.name}`)),
  ];
  const tables: RawTable[] = [];
  for (const t of layout.tables) {
    if (!t.present) continue;
    const titleLine = ++line;
    const width = Math.max(0, ...t.columns.map((c) => (c.index ?? 0) + 1));
    const rows = t.body.map((r) => {
      const cells: string[] = new Array(width).fill('');
      t.columns.forEach((c, i) => {
        if (c.index !== null) cells[c.index] = r.cells[i] ?? '';
      });
      return { cells, line: ++line };
    });
    tables.push({
      tableId: t.id,
      printedTitle: t.title,
      titleLine,
      unit: t.unit,
      unitText: `金额单位：${t.unit}`,
      department: t.department,
      rows,
      notes: t.note && (t.empty || t.body.length === 0) ? [l(t.note)] : [],
    });
  }
  const narrative = [l(layout.parts.narrative), ...sectionLines(layout.narrative)];
  const glossary = layout.glossary.map((g, i) => l(`${i + 1}. ${g.term}：${g.definition}`));
  return {
    file,
    format: 'xlsx',
    layout: 'tabColumns',
    sha256,
    lineCount: line,
    cover,
    toc,
    overview,
    tables,
    unrecognisedTitles: [],
    narrative,
    glossary,
  };
}
