// Test helpers for the publishing side: is Chromium there, the facts of a disclosure as comparable
// keys, and a preparer filling the workbook template with a disclosure's figures.

import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Disclosure } from '../../src/model/types.js';
import type { DocumentLayout } from '../../src/render/layout.js';
import { META_SHEET, SHEETS, type WorkbookMeta } from '../../src/write/xlsx.js';

export const HAVE_CHROMIUM = existsSync('/usr/bin/chromium');
export const HAVE_POPPLER = existsSync('/usr/bin/pdftotext');

/** Facts by position: table, row index, measure, value. */
export function factsByRow(d: Disclosure): string[] {
  return d.facts.map((f) => `${f.table}|${f.row}|${f.measure}|${f.value}`).sort();
}

/**
 * Facts by identity: table, the row's dimensions (item, codes, unit, project) and label, measure,
 * value. Two readings of the same table agree on these even when a two-sided statement's rows are
 * numbered in another order.
 */
export function factsById(d: Disclosure): string[] {
  return d.facts
    .map((f) => {
      const dims = Object.entries(f.dims)
        .filter(([k]) => k !== 'fundType')
        .map(([k, v]) => `${k}=${String(v).replace(/#\d+$/, '')}`)
        .sort()
        .join(',');
      return `${f.table}|${dims}|${f.label.replace(/\s+/g, '')}|${f.measure}|${f.value}`;
    })
    .sort();
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export function workbookMeta(wb: ExcelJS.Workbook): WorkbookMeta {
  const ms = wb.getWorksheet(META_SHEET)!;
  let json = '';
  for (let r = 2; r <= ms.rowCount; r++) json += String(ms.getCell(r, 1).value ?? '');
  return JSON.parse(json) as WorkbookMeta;
}

/** Fill a template as a preparer would: cover, unit list, and every table's rows typed into its sheet. */
export function fillTemplate(wb: ExcelJS.Workbook, layout: DocumentLayout): void {
  const cover = wb.getWorksheet(SHEETS.cover)!;
  cover.getCell(2, 2).value = layout.department;
  cover.getCell(3, 2).value = String(layout.year);
  const overview = wb.getWorksheet(SHEETS.overview)!;
  layout.units.forEach((u) => overview.addRow(['预算单位', u.name]));
  const meta = workbookMeta(wb);
  for (const t of meta.tables) {
    const source = layout.tables.find((x) => x.id === t.id)!;
    if (!source.present) continue;
    const ws = wb.getWorksheet(t.sheet)!;
    if (source.body.length === 0) {
      ws.getCell(t.firstRow, 1).value = source.note ?? '注：本表无数据';
      continue;
    }
    source.body.forEach((row, k) =>
      row.cells.forEach((text, i) => {
        if (text === '') return;
        const amount = t.columns[i]!.kind === 'amount' && /^-?[\d,]+(\.\d+)?$/.test(text);
        ws.getCell(t.firstRow + k, i + 1).value = amount ? Number(text.replace(/,/g, '')) : text;
      }),
    );
  }
}

/** Rows of a sheet as text, 1-based row numbers. */
export function sheetRows(ws: ExcelJS.Worksheet): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  ws.eachRow((r) => out.push({ row: r.number, cells: (r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))) }));
  return out;
}
