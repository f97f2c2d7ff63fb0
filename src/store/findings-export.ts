// A document's findings as a table people read (CSV or XLSX), with the review columns: errors, then
// warnings, then info; zh-CN severity, category and review status; the rule id and the finding's key
// last, for tools. And `yusuan export --reviews`: the marks of one status with their findings.

import { CATEGORIES, REVIEW_STATUSES, SEVERITIES } from '../glossary.js';
import type { Finding, FindingLocation } from '../rules/types.js';
import { neutralise } from './export.js';
import type { MarkedFinding, Review } from './reviews.js';

export const FINDINGS_FORMATS = ['csv', 'xlsx'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

const HEAD = ['严重程度', '类别', '问题', '说明', '应为', '实为', '差额', '单位', '位置', '审核状态', '审核备注', '审核人', '审核时间', '规则编号', '问题编号'];
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function locationText(locations: readonly FindingLocation[]): string {
  return locations
    .map((l) => [l.table ? `表${l.table}` : '', l.label ?? '', l.measure ?? '', l.page ? `第${l.page}页` : `第${l.line}行`].filter(Boolean).join(' '))
    .join('；');
}

/** Rows (header first) of a version's findings with their marks, most severe first (stable within a severity). */
export function findingRows(items: readonly { key: string; finding: Finding; review: Review | null }[]): (string | null)[][] {
  const ordered = [...items].sort((a, b) => (SEVERITY_ORDER[a.finding.severity] ?? 3) - (SEVERITY_ORDER[b.finding.severity] ?? 3));
  return [
    HEAD,
    ...ordered.map(({ key, finding: f, review: r }) => [
      SEVERITIES[f.severity] ?? f.severity,
      CATEGORIES[f.category] ?? f.category,
      f.title ?? '',
      f.message,
      f.expected,
      f.actual,
      f.difference,
      f.unit,
      locationText(f.locations),
      r ? REVIEW_STATUSES[r.status] : '未审核',
      r?.note ?? '',
      r?.reviewer ?? '',
      r?.reviewedAt ?? '',
      f.rule,
      key,
    ]),
  ];
}

/** A plain decimal (a difference may be negative) is left as it is; any other text is defused. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

const csvCell = (v: string | null) => {
  const s = v === null ? '' : DECIMAL.test(v) ? v : neutralise(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a BOM (spreadsheet programs then read the Chinese as UTF-8) and CRLF lines. */
export function rowsCsv(rows: (string | null)[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function rowsXlsx(rows: (string | null)[][], sheet: string): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const [head, ...body] = rows;
  ws.columns = head!.map((h) => ({ header: h ?? '', width: h === '说明' || h === '审核备注' ? 48 : h === '位置' || h === '问题' ? 28 : 12 }));
  ws.getRow(1).font = { bold: true };
  for (const r of body) ws.addRow(r.map((v) => (v === null ? null : DECIMAL.test(v) ? v : neutralise(v))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Marks with their findings as rows in the audit set's columns (bench/holdout-audit.tsv): id is
 *  the source's sha256 (wild/INDEX.tsv maps it to the document's id); verdict and cause are left
 *  for the auditor (misread or rule-wrong); evidence is the reviewer's note. */
export function auditTsv(marked: readonly MarkedFinding[]): string {
  const clean = (s: string | number | null | undefined) => String(s ?? '').replace(/[\t\r\n]+/g, ' ');
  const head = ['id', 'page', 'rule', 'severity', 'expected', 'actual', 'verdict', 'cause', 'evidence', 'reviewer', 'file', 'key'];
  const lines = marked.map((m) =>
    [
      m.document.sha256,
      m.finding.locations.find((l) => l.page)?.page ?? '',
      m.finding.rule,
      m.finding.severity,
      m.finding.expected,
      m.finding.actual,
      '',
      '',
      m.review.note,
      m.review.reviewer,
      m.document.sourceFile,
      m.key,
    ]
      .map(clean)
      .join('\t'),
  );
  return `${[head.join('\t'), ...lines].join('\n')}\n`;
}
