// Facts export: JSON, CSV, XLSX, and a Fiscal Data Package. Only the latest version of each
// document matching the filters. Text cells that a spreadsheet would run as a formula (= + - @, tab,
// CR at the start) are prefixed with an apostrophe in CSV and XLSX.
//
// JSON/CSV/XLSX carry every fact with a `leaf` column (1 = sums without double counting, see
// aggregate.ts). The Fiscal Data Package holds the leaf rows only, so OpenSpending-style tools that
// sum everything get right totals: one JSON descriptor (datapackage.json) with the rows inline
// (`resources[0].data`), a Table Schema and the FDP `model` (measures, dimensions).

import { sql } from 'kysely';
import type { Store } from './db.js';
import { FUND_TYPES, itemName, KINDS, LEVELS, measureName, ROLE_NAMES, ROW_KINDS } from '../glossary.js';
import { documentWhere, wan, type DocumentFilters } from './repository.js';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'fdp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Most fact rows one export returns; narrow it with filters beyond that. XLSX is built in memory
 *  (about 20 KB per row with exceljs), so it gets a lower limit. */
export const EXPORT_MAX_ROWS = 300_000;
export const XLSX_MAX_ROWS = 50_000;

export class ExportTooLarge extends Error {}

const COLUMNS = [
  ['documentId', '文档编号'],
  ['department', '部门'],
  ['region', '地区'],
  ['level', '级次'],
  ['year', '年度'],
  ['kind', '类型'],
  ['table', '表号'],
  ['role', '表'],
  ['row', '行'],
  ['rowKind', '行类型'],
  ['leaf', '明细行'],
  ['label', '项目名称'],
  ['measure', '指标'],
  ['amount', '金额（万元）'],
  ['functionCode', '功能分类科目'],
  ['economicCode', '经济分类科目'],
  ['unitCode', '单位代码'],
  ['project', '项目'],
  ['item', '收支项目'],
  ['fundType', '资金性质'],
  ['line', '来源行号'],
] as const;
type Column = (typeof COLUMNS)[number][0];
export type ExportRow = Record<Column, string | number | null>;

/** Defuse spreadsheet formulas in a text cell (OWASP CSV injection). */
export function neutralise(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function filtersFrom(params: Record<string, string | undefined>): DocumentFilters {
  const year = params.year !== undefined && params.year !== '' ? Number(params.year) : undefined;
  return {
    region: params.region,
    level: params.level,
    year: Number.isInteger(year) ? year : undefined,
    kind: params.kind,
    department: params.department,
    status: params.status,
    q: params.q,
  };
}

function rowQuery(store: Store, filters: DocumentFilters, leafOnly: boolean) {
  let q = store.db
    .selectFrom('facts')
    .innerJoin('documents', 'documents.id', 'facts.document_id')
    .where((eb) => documentWhere(eb, { ...filters, allVersions: false }))
    .select([
      'documents.id as documentId',
      'documents.department',
      'documents.region',
      'documents.level',
      'documents.year',
      'documents.kind',
      'facts.table_id',
      'facts.role',
      'facts.row_index',
      'facts.row_kind',
      'facts.leaf',
      'facts.label',
      'facts.measure',
      sql<number>`facts.fen`.as('fen'),
      'facts.function_code',
      'facts.economic_code',
      'facts.unit_code',
      'facts.project',
      'facts.item',
      'facts.fund_type',
      'facts.line',
    ])
    .orderBy('documents.id')
    .orderBy('facts.table_id')
    .orderBy('facts.row_index')
    .orderBy('facts.measure');
  if (leafOnly) q = q.where('facts.leaf', '=', 1);
  return q;
}

type QueryRow = Awaited<ReturnType<ReturnType<typeof rowQuery>['execute']>>[number];

function exportRow(r: QueryRow): ExportRow {
  return {
    documentId: r.documentId,
    department: r.department,
    region: r.region,
    level: r.level,
    year: r.year,
    kind: r.kind,
    table: r.table_id,
    role: r.role,
    row: r.row_index,
    rowKind: r.row_kind,
    leaf: r.leaf,
    label: r.label,
    measure: r.measure,
    amount: wan(r.fen),
    functionCode: r.function_code,
    economicCode: r.economic_code,
    unitCode: r.unit_code,
    project: r.project,
    item: r.item,
    fundType: r.fund_type,
    line: r.line,
  };
}

const tooLarge = (maxRows: number) => new ExportTooLarge(`导出超过 ${maxRows} 行，请加筛选条件（年度、地区、部门等）`);

export async function exportRows(store: Store, filters: DocumentFilters, leafOnly = false, maxRows = EXPORT_MAX_ROWS): Promise<ExportRow[]> {
  const rows = await rowQuery(store, filters, leafOnly)
    .limit(maxRows + 1)
    .execute();
  if (rows.length > maxRows) throw tooLarge(maxRows);
  return rows.map(exportRow);
}

/** Documents fetched per query while streaming: a few thousand rows, a few milliseconds of work. */
const STREAM_DOCUMENTS = 10;

/**
 * JSON or CSV export as chunks, byte for byte what exportFacts returns, built a few documents at a
 * time with a turn of the event loop between them: a large export neither holds all its rows in
 * memory nor keeps the server from answering others meanwhile. The row limit is checked first
 * (one COUNT), so a refusal comes before any byte is sent.
 */
export async function exportStream(store: Store, format: 'json' | 'csv', params: Record<string, string | undefined>): Promise<AsyncGenerator<string>> {
  const filters = filtersFrom(params);
  const counted = await store.db
    .selectFrom('facts')
    .innerJoin('documents', 'documents.id', 'facts.document_id')
    .where((eb) => documentWhere(eb, { ...filters, allVersions: false }))
    .select(sql<number>`COUNT(*)`.as('n'))
    .executeTakeFirst();
  if (Number(counted?.n ?? 0) > EXPORT_MAX_ROWS) throw tooLarge(EXPORT_MAX_ROWS);
  const ids = (
    await store.db
      .selectFrom('documents')
      .where((eb) => documentWhere(eb, { ...filters, allVersions: false }))
      .select('documents.id')
      .orderBy('documents.id')
      .execute()
  ).map((r) => r.id);
  return (async function* () {
    yield format === 'json' ? `{"filters":${JSON.stringify(filters)},"rows":[` : CSV_HEADER;
    let first = true;
    for (let i = 0; i < ids.length; i += STREAM_DOCUMENTS) {
      const batch = ids.slice(i, i + STREAM_DOCUMENTS);
      const rows = (await rowQuery(store, filters, false).where('documents.id', 'in', batch).execute()).map(exportRow);
      if (rows.length) {
        if (format === 'json') {
          const text = rows.map((r) => JSON.stringify(r)).join(',');
          yield first ? text : `,${text}`;
        } else yield rows.map(csvLine).join('');
        first = false;
      }
      await new Promise((r) => setImmediate(r));
    }
    if (format === 'json') yield ']}\n';
  })();
}

const csvCell = (v: string | number | null, numeric: boolean) => {
  if (v === null) return '';
  const s = numeric ? String(v) : neutralise(String(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const NUMERIC = new Set<Column>(['documentId', 'year', 'row', 'leaf', 'amount', 'line']);

const csvLine = (r: ExportRow) => `${COLUMNS.map(([k]) => csvCell(r[k], NUMERIC.has(k))).join(',')}\r\n`;

/** CSV header: the columns' zh-CN names (the values stay identifiers, as in JSON, for programs). */
const CSV_HEADER = `\ufeff${COLUMNS.map(([, title]) => title).join(',')}\r\n`;

export function toCsv(rows: ExportRow[]): string {
  // BOM: spreadsheet programs read the Chinese as UTF-8.
  return `${CSV_HEADER}${rows.map(csvLine).join('')}`;
}

/** What a reader of the spreadsheet sees: identifiers as their zh-CN names (预算, 省级, 合计…). */
const XLSX_NAMES: Partial<Record<Column, (v: string) => string>> = {
  level: (v) => LEVELS[v] ?? v,
  kind: (v) => (KINDS as Record<string, string>)[v] ?? v,
  role: (v) => ROLE_NAMES[v] ?? v,
  rowKind: (v) => ROW_KINDS[v] ?? v,
  measure: measureName,
  item: (v) => (v.startsWith('class:') ? v.slice('class:'.length) : itemName(v)),
  fundType: (v) => FUND_TYPES[v] ?? v,
};

export async function toXlsx(rows: ExportRow[]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.columns = COLUMNS.map(([key, header]) => ({ key, header, width: key === 'label' || key === 'project' || key === 'department' ? 30 : 12 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const values: Record<string, string | number | null> = {};
    for (const [k] of COLUMNS) {
      const v = r[k];
      const name = XLSX_NAMES[k];
      values[k] =
        k === 'amount' ? Number(v) : k === 'leaf' ? (v === 1 ? '是' : '否') : NUMERIC.has(k) || v === null ? v : neutralise(name ? name(String(v)) : String(v));
    }
    ws.addRow(values);
  }
  ws.getColumn('amount').numFmt = '#,##0.00####';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toFiscalDataPackage(rows: ExportRow[], filters: DocumentFilters) {
  const fields = COLUMNS.filter(([k]) => k !== 'leaf').map(([name, title]) => ({
    name,
    title,
    type: name === 'amount' ? 'number' : NUMERIC.has(name) ? 'integer' : 'string',
    ...(name === 'amount' ? { decimalChar: '.', unit: '万元' } : {}),
  }));
  const dim = (name: string, attrs: string[], primaryKey = attrs[0]!) => [
    name,
    { dimensionType: name === 'date' ? 'datetime' : 'classification', primaryKey, attributes: Object.fromEntries(attrs.map((a) => [a, { source: a }])) },
  ];
  return {
    profile: 'fiscal-data-package',
    name: 'yusuan-export',
    title: '部门预决算公开数据（yusuan 导出）',
    description: '各部门预算/决算公开表中的明细行金额（只含不重复计算的明细行），金额单位：万元。',
    created: new Date().toISOString(),
    filters,
    resources: [
      {
        name: 'facts',
        profile: 'tabular-data-resource',
        format: 'json',
        schema: { fields, primaryKey: ['documentId', 'table', 'row', 'measure'] },
        data: rows.map(({ leaf: _l, ...r }) => ({ ...r, amount: Number(r.amount) })),
      },
    ],
    model: {
      measures: { amount: { source: 'amount', currency: 'CNY', factor: 10000 } },
      dimensions: Object.fromEntries([
        dim('document', ['documentId', 'department', 'region', 'level', 'kind']),
        dim('date', ['year']),
        dim('table', ['table', 'role']),
        dim('measure', ['measure']),
        dim('functional-classification', ['functionCode']),
        dim('economic-classification', ['economicCode']),
        dim('unit', ['unitCode']),
        dim('project', ['project']),
        dim('row', ['row', 'rowKind', 'label', 'item', 'fundType', 'line'], 'row'),
      ]),
    },
  };
}

export async function exportFacts(
  store: Store,
  format: ExportFormat,
  params: Record<string, string | undefined>,
): Promise<{ body: string | Buffer; contentType: string; extension: string; rows: number }> {
  const filters = filtersFrom(params);
  const rows = await exportRows(store, filters, format === 'fdp', format === 'xlsx' ? XLSX_MAX_ROWS : EXPORT_MAX_ROWS);
  switch (format) {
    case 'json':
      return { body: `${JSON.stringify({ filters, rows })}\n`, contentType: 'application/json; charset=utf-8', extension: 'json', rows: rows.length };
    case 'csv':
      return { body: toCsv(rows), contentType: 'text/csv; charset=utf-8', extension: 'csv', rows: rows.length };
    case 'xlsx':
      return {
        body: await toXlsx(rows),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
        rows: rows.length,
      };
    case 'fdp':
      return {
        body: `${JSON.stringify(toFiscalDataPackage(rows, filters), null, 1)}\n`,
        contentType: 'application/json; charset=utf-8',
        extension: 'datapackage.json',
        rows: rows.length,
      };
  }
}
