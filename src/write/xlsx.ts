// The disclosure as an Excel workbook, as departments publish it: one sheet per table with merged
// headers and number formats, plus the prose parts. The same workbook, with empty tables, is the
// preparer's template (`yusuan template`). A hidden sheet "_yusuan" records the profile, each table's
// sheet, header rows and the profile column of every column, so yusuan reads its own workbooks
// structurally, cell for cell (src/read/workbook.ts).

import ExcelJS from 'exceljs';
import { fenToDecimal, normalizeDecimal } from '../money/amount.js';
import type { DocumentLayout, TableLayout } from '../render/layout.js';
import { PREVIOUS_KEYS, REASON_KEYS, type RenderInputs } from '../render/inputs.js';
import type { Profile } from '../profiles/types.js';

export const META_SHEET = '_yusuan';
export const WORKBOOK_SCHEMA = 1;

export const SHEETS = {
  instructions: '填报说明',
  cover: '封面',
  overview: '概况',
  narrative: '情况说明',
  glossary: '名词解释',
  reasons: '变动原因',
  purposes: '项目用途',
  notes: '其他事项',
  previous: '上年数',
} as const;

export interface WorkbookTableMeta {
  id: string;
  number: string;
  title: string;
  sheet: string;
  unit: string;
  firstRow: number;
  columns: { index: number | null; kind: string; measure?: string }[];
}

export interface WorkbookMeta {
  schema: number;
  profile: string;
  template: boolean;
  parts: DocumentLayout['parts'];
  tables: WorkbookTableMeta[];
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function sheetName(t: Pick<TableLayout, 'number' | 'title'>): string {
  return `表${t.number} ${t.title}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

function numFmt(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function widthOf(kind: string, header: string): number {
  if (kind === 'amount') return 14;
  if (kind === 'code') return header === '科目编码' ? 10 : 5;
  if (kind === 'unitCode') return 9;
  if (kind === 'label') return 34;
  return 16;
}

function writeTable(wb: ExcelJS.Workbook, t: TableLayout): WorkbookTableMeta {
  const name = sheetName(t);
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: t.columns.length > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 + t.header.length }],
  });
  const width = t.columns.length;
  ws.columns = t.columns.map((c) => ({ width: widthOf(c.kind, c.header[c.header.length - 1] ?? '') }));
  ws.getCell(1, 1).value = t.title;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = t.layout === 'departmentPerformance' ? `公开表${t.number}` : `部门：${t.department}`;
  ws.getCell(2, width).value = `金额单位：${t.unit}`;
  ws.getCell(2, width).alignment = { horizontal: 'right' };
  // Header rows: place each cell at the first free column of its row (after earlier rowspans), then merge.
  const taken = new Set<string>();
  t.header.forEach((row, r) => {
    let col = 1;
    for (const cell of row) {
      while (taken.has(`${r}|${col}`)) col++;
      const top = 3 + r;
      ws.getCell(top, col).value = cell.text;
      for (let rr = r; rr < r + cell.rowspan; rr++) for (let cc = col; cc < col + cell.colspan; cc++) taken.add(`${rr}|${cc}`);
      if (cell.colspan > 1 || cell.rowspan > 1) ws.mergeCells(top, col, top + cell.rowspan - 1, col + cell.colspan - 1);
      col += cell.colspan;
    }
  });
  const firstRow = 3 + t.header.length;
  for (let r = 3; r < firstRow; r++)
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = thin;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    }
  const decimals = Math.max(2, ...t.body.flatMap((r) => r.cells.map((c, i) => (t.columns[i]?.kind === 'amount' ? (c.split('.')[1]?.length ?? 0) : 0))));
  t.body.forEach((row, k) => {
    const r = firstRow + k;
    row.cells.forEach((text, i) => {
      const col = t.columns[i]!;
      const cell = ws.getCell(r, i + 1);
      const dec = col.kind === 'amount' ? normalizeDecimal(text) : null;
      if (dec !== null && col.kind === 'amount') {
        cell.value = Number(dec);
        cell.numFmt = numFmt(decimals);
        cell.alignment = { horizontal: 'right' };
      } else if (text !== '') {
        cell.value = text;
        cell.alignment = { horizontal: col.kind === 'code' || col.kind === 'unitCode' ? 'center' : 'left', vertical: 'middle', wrapText: col.kind === 'text' };
      }
      cell.border = thin;
      if (row.kind === 'total' || row.kind === 'department') cell.font = { bold: true };
    });
  });
  if (t.note && t.body.length === 0) ws.getCell(firstRow, 1).value = t.note;
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    sheet: name,
    unit: t.unit,
    firstRow,
    columns: t.columns.map((c) => ({ index: c.index, kind: c.kind, ...(c.measure ? { measure: c.measure } : {}) })),
  };
}

function formSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: string[][], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  ws.addRow(headers).eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    c.border = thin;
  });
  for (const r of rows)
    ws.addRow(r).eachCell((c) => {
      c.alignment = { wrapText: true, vertical: 'top' };
      c.border = thin;
    });
  return ws;
}

export interface WorkbookOptions {
  /** The preparer's template: tables without rows, instructions first. */
  template?: boolean;
  /** Mark every sheet and printed page 草稿. */
  draft?: boolean;
}

/** The workbook for a laid-out disclosure (or, with `template`, the empty form for a profile). */
export async function writeWorkbook(layout: DocumentLayout, profile: Profile, inputs: RenderInputs, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yusuan';
  const template = options.template ?? false;
  if (template) instructions(wb, profile);
  formSheet(
    wb,
    SHEETS.cover,
    ['项目', '内容'],
    [
      ['部门名称', template ? '' : layout.department],
      ['年度', template || layout.year === null ? '' : String(layout.year)],
      ['公开类型', layout.kindName],
    ],
    [16, 60],
  );
  formSheet(
    wb,
    SHEETS.overview,
    ['类别', '内容（每段一行）'],
    [...inputs.duties.map((d) => ['基本职能', d]), ...inputs.tasks.map((d) => ['主要工作', d]), ...layout.units.map((u) => ['预算单位', u.name])],
    [14, 100],
  );
  const tables = layout.tables.filter((t) => t.present || template).map((t) => writeTable(wb, template ? { ...t, body: [], note: null } : t));
  if (!template) {
    const ws = wb.addWorksheet(SHEETS.narrative);
    ws.columns = [{ width: 120 }];
    ws.addRow([layout.parts.narrative]).font = { bold: true, size: 14 };
    for (const s of layout.narrative) {
      const r = ws.addRow([s.heading]);
      r.font = { bold: true };
      for (const p of s.paragraphs) ws.addRow([p]).alignment = { wrapText: true };
    }
  }
  formSheet(
    wb,
    SHEETS.glossary,
    ['名词', '解释'],
    layout.glossary.map((g) => [g.term, g.definition]),
    [24, 100],
  );
  formSheet(
    wb,
    SHEETS.reasons,
    ['代码', '项目', '增减原因（原文照录，不填则不写原因）'],
    REASON_KEYS.map((k) => [k.key, k.label, inputs.reasons[k.key] ?? '']),
    [12, 36, 90],
  );
  formSheet(
    wb,
    SHEETS.purposes,
    ['功能科目编码', '科目名称', '主要用于'],
    Object.entries(inputs.purposes).map(([code, text]) => [code, '', text]),
    [14, 30, 90],
  );
  const topics = profile.narrative.requiredTopics.filter(
    (t) => !['income-expenditure', 'fiscal', 'gpb-current', 'gpb-basic', 'gov-fund', 'soc'].includes(t.id),
  );
  const noteRows: string[][] = [];
  for (const t of topics) {
    const paras = inputs.notes[t.id] ?? [];
    if (paras.length === 0) noteRows.push([t.id, t.title, '']);
    for (const p of paras) noteRows.push([t.id, t.title, p]);
  }
  formSheet(wb, SHEETS.notes, ['代码', '事项', '内容（每段一行，原文照录）'], noteRows, [16, 24, 100]);
  const prev = inputs.previous;
  formSheet(
    wb,
    SHEETS.previous,
    ['代码', '项目', '上年数（万元）'],
    [
      ['year', '上年年度', prev?.year ? String(prev.year) : ''],
      ...PREVIOUS_KEYS.map((k) => [k.key, k.label, prev?.[k.key] !== null && prev?.[k.key] !== undefined ? fenToDecimal(prev[k.key]!, '万元') : '']),
    ],
    [14, 36, 18],
  );
  if (options.draft)
    for (const ws of wb.worksheets) {
      ws.headerFooter.oddHeader = '&C&"Noto Sans CJK SC,Bold"&16草稿';
      ws.headerFooter.evenHeader = ws.headerFooter.oddHeader;
      ws.properties.tabColor = { argb: 'FFC00000' };
    }
  if (options.draft) wb.title = '草稿';
  const meta: WorkbookMeta = { schema: WORKBOOK_SCHEMA, profile: profile.id, template, parts: layout.parts, tables };
  const ms = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ms.addRow(['yusuan-workbook', WORKBOOK_SCHEMA]);
  const json = JSON.stringify(meta);
  for (let i = 0; i < json.length; i += 30000) ms.addRow([json.slice(i, i + 30000)]);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function instructions(wb: ExcelJS.Workbook, profile: Profile): void {
  const ws = wb.addWorksheet(SHEETS.instructions);
  ws.columns = [{ width: 120 }];
  const lines = [
    `填报说明（模板：${profile.name}）`,
    '1. 在“封面”表填写部门名称、年度和公开类型。',
    '2. 每张公开表一个工作表：从表头下第一行起逐行填写，列与表头一一对应；科目编码按 类/款/项 分列填写（如 204、02、01），金额单位见表右上角。',
    '3. 合计行在“单位名称”列写“合计”；单位行写单位名称并填单位代码；没有数据的表，在表头下第一行第一列写“注：本表无数据”。',
    '4. 情况说明由 yusuan 根据表中数字自动生成，金额、占比和增减都从表中计算，请勿手工填写数字。',
    '5. 只有人能提供的内容请填在：“概况”（基本职能、主要工作、预算单位）、“变动原因”、“项目用途”（功能科目项的主要用途）、“其他事项”（机关运行经费、政府采购、国有资产、绩效等）、“上年数”。这些内容原文照录，不会自动编写；缺少的会在检查结果中列出。',
    '6. 填好后运行：yusuan check 本文件 检查；yusuan render 本文件 --to pdf -o 公开文件.pdf 生成公开文件（存在错误时拒绝生成，可加 --draft 生成草稿）。',
    '7. 请勿删除或改名工作表，也不要删除隐藏的 _yusuan 工作表（yusuan 靠它按单元格准确读取本文件）。',
  ];
  lines.forEach((l, i) => {
    const r = ws.addRow([l]);
    r.alignment = { wrapText: true };
    if (i === 0) r.font = { bold: true, size: 14 };
  });
}
