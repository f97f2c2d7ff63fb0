// XLSX → positioned text (exceljs 4.4.0): one page per visible worksheet, one line per row, one
// token per non-empty cell. x is the column index: x0 = the cell's column (0-based), x1 = the last
// column of its merge + 1. A merged range's value is emitted once, from its master cell (exceljs
// returns the master's value for every slave cell, so slaves are skipped). Numbers print as written
// in the cell, without float noise (80818.35 → "80818.35", 0.1+0.2 → "0.3"); numFmt is not applied.

import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { normalizeText } from './tokens.js';
import type { PositionedDocument, PositionedLine, PositionedPage, Token } from './types.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function readXlsx(bytes: Uint8Array, file: string): Promise<PositionedDocument> {
  if (bytes.length === 0) throw new InputError(file, '文件为空（0 字节）');
  if (OLE.every((b, i) => bytes[i] === b)) {
    // An encrypted .xlsx is an OLE container too, holding an "EncryptedPackage" stream.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('EncryptedPackage', 0, 'utf16le'))
      throw new InputError(file, 'XLSX 已加密（设有打开密码），无法读取');
    throw new InputError(file, '暂不支持旧版 .xls，请另存为 .xlsx');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new InputError(file, '不是 XLSX 文件');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; a view over the same memory is enough.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(file, 'XLSX 文件已损坏或不完整');
  }

  const pages: PositionedPage[] = [];
  let lineNo = 1;
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const number = pages.length + 1;
    // Right edge of each merge, found from its slave cells.
    const mergeEnd = new Map<string, number>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) {
          const key = cell.master.address;
          mergeEnd.set(key, Math.max(mergeEnd.get(key) ?? 0, Number(cell.col)));
        }
      }),
    );
    const lines: PositionedLine[] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row) => {
      const tokens: Token[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = cellText(cell);
        if (text === '') return;
        const col = Number(cell.col);
        const x1 = Math.max(col, mergeEnd.get(cell.address) ?? col);
        tokens.push({ text, x0: col - 1, x1 });
        width = Math.max(width, x1);
      });
      if (tokens.length) lines.push({ page: number, y: row.number - 1, height: 1, tokens, line: lineNo++ });
    });
    pages.push({ number, file, width, height: ws.rowCount, lines, imageOnly: false });
  }
  if (pages.length === 0) throw new InputError(file, 'XLSX 中没有可见的工作表');
  if (pages.every((p) => p.lines.length === 0)) throw new InputError(file, 'XLSX 中没有任何内容');
  return { files: [file], format: 'xlsx', pages, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The value as it would print, whitespace collapsed and normalised; '' for an empty cell. */
export function cellText(cell: ExcelJS.Cell): string {
  const raw = valueText(cell.value, cell);
  return normalizeText(raw.replace(/\s+/g, ' ')).trim();
}

function valueText(v: ExcelJS.CellValue, cell: ExcelJS.Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return String(v.error);
    if ('formula' in v || 'sharedFormula' in v) return valueText((v as { result?: ExcelJS.CellValue }).result as ExcelJS.CellValue, cell);
    if ('text' in v) return typeof v.text === 'string' ? v.text : valueText(v.text as ExcelJS.CellValue, cell);
  }
  return cell.text ?? '';
}

/** Up to 6 decimals, trailing zeros trimmed, no float noise and no exponent for ordinary amounts. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  const clean = Number(n.toPrecision(15));
  const decimals = (String(clean).split('.')[1] ?? '').length;
  let s = decimals <= 6 && !/e/i.test(String(clean)) ? String(clean) : clean.toFixed(6);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

function formatDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
