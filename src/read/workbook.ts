// yusuan's own workbooks (a rendered XLSX, a filled-in template) read structurally: the hidden
// "_yusuan" sheet names the profile and, for every table sheet, where its rows start and which
// profile column each column feeds, so the cells are taken exactly, not by position. When the
// workbook has no 情况说明 (a template), it is generated from the tables and the preparer's inputs,
// so `check` sees the disclosure that `render` would publish. Departments' own spreadsheets have no
// such sheet and go to the positional reader (positioned/xlsx.ts).

import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { interpretDocument } from '../interpret/interpret.js';
import { assessReadings } from '../reading/assess.js';
import type { AmountUnit } from '../money/amount.js';
import { generateNarrative } from '../narrative/generate.js';
import type { Profile } from '../profiles/types.js';
import { emptyInputs, previousFromDecimals, type RenderInputs } from '../render/inputs.js';
import { DEFAULT_GLOSSARY, partTitles } from '../render/layout.js';
import { glossaryLines, overviewLines, rawFromParts, sectionLines, tocLines, type StructuralParts } from '../render/raw.js';
import { META_SHEET, SHEETS, WORKBOOK_SCHEMA, type WorkbookMeta } from '../write/xlsx.js';
import { InputError } from './errors.js';
import type { ReadOptions, ReadResult } from './index.js';
import { cellText } from './positioned/xlsx.js';

export interface WorkbookResult extends ReadResult {
  inputs: RenderInputs;
}

async function load(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(file, 'XLSX 文件已损坏或不完整');
  }
  return wb;
}

/** Rows of a sheet from `from` (1-based) as trimmed cell texts, empty rows dropped. */
function rows(ws: ExcelJS.Worksheet | undefined, from: number, width?: number): string[][] {
  if (!ws) return [];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.number < from) return;
    const n = width ?? row.cellCount;
    const cells: string[] = [];
    for (let c = 1; c <= n; c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master !== cell ? '' : cellText(cell));
    }
    if (cells.some((c) => c !== '')) out.push(cells);
  });
  return out;
}

/** The workbook's metadata, or null when it is not one of yusuan's. */
function metaOf(wb: ExcelJS.Workbook, file: string): WorkbookMeta | null {
  const ms = wb.getWorksheet(META_SHEET);
  if (!ms || String(ms.getCell(1, 1).value) !== 'yusuan-workbook') return null;
  let json = '';
  for (let r = 2; r <= ms.rowCount; r++) json += String(ms.getCell(r, 1).value ?? '');
  let meta: WorkbookMeta;
  try {
    meta = JSON.parse(json) as WorkbookMeta;
  } catch {
    throw new InputError(file, '工作簿的 _yusuan 工作表已损坏，无法按模板读取');
  }
  if (meta.schema !== WORKBOOK_SCHEMA) throw new InputError(file, `工作簿版本 ${meta.schema} 不受支持（应为 ${WORKBOOK_SCHEMA}）`);
  return meta;
}

function inputsOf(
  wb: ExcelJS.Workbook,
): RenderInputs & { department: string; year: number | null; kindName: string; units: string[]; glossary: { term: string; definition: string }[] } {
  const inputs = emptyInputs();
  const cover = new Map(rows(wb.getWorksheet(SHEETS.cover), 2, 2).map(([k, v]) => [k ?? '', v ?? '']));
  const units: string[] = [];
  for (const [kind, text] of rows(wb.getWorksheet(SHEETS.overview), 2, 2)) {
    if (!text) continue;
    if (kind === '基本职能') inputs.duties.push(text);
    else if (kind === '主要工作') inputs.tasks.push(text);
    else if (kind === '预算单位') units.push(text);
  }
  for (const [key, , text] of rows(wb.getWorksheet(SHEETS.reasons), 2, 3)) if (key && text) inputs.reasons[key] = text;
  for (const [code, , text] of rows(wb.getWorksheet(SHEETS.purposes), 2, 3)) if (code && text) inputs.purposes[code.replace(/\s+/g, '')] = text;
  for (const [topic, , text] of rows(wb.getWorksheet(SHEETS.notes), 2, 3)) if (topic && text) (inputs.notes[topic] ??= []).push(text);
  const prev = new Map(rows(wb.getWorksheet(SHEETS.previous), 2, 3).map(([k, , v]) => [k ?? '', v ?? '']));
  const yearText = cover.get('年度') ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const prevYear = /^\d{4}$/.test(prev.get('year') ?? '') ? Number(prev.get('year')) : year ? year - 1 : null;
  inputs.previous = previousFromDecimals(prevYear, Object.fromEntries(prev));
  const glossary = rows(wb.getWorksheet(SHEETS.glossary), 2, 2)
    .filter(([t, d]) => t && d)
    .map(([term, definition]) => ({ term: term!, definition: definition! }));
  return { ...inputs, department: cover.get('部门名称') ?? '', year, kindName: cover.get('公开类型') || '部门预算', units, glossary };
}

/** Read a yusuan workbook; null when the workbook is not one (it then goes to the positional reader). */
export async function readWorkbook(bytes: Uint8Array, file: string, options: ReadOptions): Promise<WorkbookResult | null> {
  const wb = await load(bytes, file);
  const meta = metaOf(wb, file);
  if (!meta) return null;
  const profile = options.profiles.find((p) => p.id === (options.profileId ?? meta.profile));
  if (!profile) throw new InputError(file, `工作簿使用的模板“${meta.profile}”不存在`);
  let extra: ReturnType<typeof inputsOf>;
  try {
    extra = inputsOf(wb);
  } catch (e) {
    throw new InputError(file, `“${SHEETS.previous}”表：${e instanceof Error ? e.message : String(e)}`);
  }
  const { department, year, kindName, units, glossary, ...inputs } = extra;
  if (!department) throw new InputError(file, `“${SHEETS.cover}”表没有填写部门名称`);
  if (!year) throw new InputError(file, `“${SHEETS.cover}”表没有填写年度（四位数字）`);
  const tables: StructuralParts['tables'] = [];
  for (const t of meta.tables) {
    const ws = wb.getWorksheet(t.sheet);
    if (!ws) throw new InputError(file, `缺少工作表“${t.sheet}”`);
    // Amounts are numbers in the sheet; they print with at least two decimals, as in the tables.
    const body = rows(ws, t.firstRow, t.columns.length).map((r) =>
      r.map((c, i) => (t.columns[i]?.kind === 'amount' && /^-?\d+(\.\d+)?$/.test(c) ? withDecimals(c) : c)),
    );
    const note = body.find((r) => /^注[:：]/.test(r[0] ?? ''))?.[0] ?? null;
    const data = body.filter((r) => !/^注[:：]/.test(r[0] ?? ''));
    // A sheet left blank, without 注：本表无数据, is a table not supplied.
    if (data.length === 0 && !note) continue;
    tables.push({ id: t.id, title: t.title, unit: t.unit as AmountUnit, department, columns: t.columns, rows: data, note: data.length ? null : note });
  }
  const narrativeSheet = wb.getWorksheet(SHEETS.narrative);
  const written = rows(narrativeSheet, 1, 1).map((r) => r[0]!);
  const parts = partTitles(profile, department, year, kindName);
  const base: StructuralParts = {
    cover: [department, `${year}年${kindName}`],
    toc: tocLines({ parts, tables: profile.tables }),
    overview: overviewLines(parts.overview, [{ heading: '一、基本职能及主要工作', level: 1, paragraphs: [...inputs.duties, ...inputs.tasks] }], units),
    tables,
    narrative: written,
    glossary: glossaryLines(glossary.length ? glossary : DEFAULT_GLOSSARY),
  };
  const sha = createHash('sha256').update(bytes).digest('hex');
  let disclosure = interpretDocument(rawFromParts(base, file, sha), profile);
  if (written.length === 0) {
    // A template carries no 情况说明: it is the one render would write, from the tables and inputs.
    const narrative = generateNarrative(disclosure, profile, inputs, inputs.previous);
    disclosure = interpretDocument(rawFromParts({ ...base, narrative: [parts.narrative, ...sectionLines(narrative.sections)] }, file, sha), profile);
  }
  return { disclosure: assessReadings(disclosure, profile), profile: profile as Profile, inputs };
}

function withDecimals(n: string): string {
  const [int, frac = ''] = n.split('.');
  return `${int}.${frac.padEnd(2, '0')}`;
}
