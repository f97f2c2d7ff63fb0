// A check report as a downloadable file (JSON as the API returned it, or CSV of the findings).
import type { CheckReport } from './api';
import { categoryName, severityName } from './format';

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // A leading =, +, - or @ would make a spreadsheet evaluate the cell: prefix it with '.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Findings as rows people read: errors, then warnings, then info (stable), the rule's zh-CN title, its id last for tools. */
export function reportCsv(report: CheckReport): string {
  const head = ['严重程度', '类别', '问题', '说明', '应为', '实为', '差额', '单位', '位置', '规则编号'];
  const ordered = [...report.findings].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
  const rows = ordered.map((f) => [
    severityName(f.severity),
    categoryName(f.category),
    f.title ?? '',
    f.message,
    f.expected,
    f.actual,
    f.difference,
    f.unit,
    f.locations
      .map((l) => [l.table ? `表${l.table}` : '', l.label ?? '', l.measure ?? '', l.page ? `第${l.page}页` : `第${l.line}行`].filter(Boolean).join(' '))
      .join('；'),
    f.rule,
  ]);
  return '\ufeff' + [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function reportJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** A file name for the report, from the uploaded file's name. */
export function reportName(fileName: string, ext: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || '文件';
  return `${base}-检查报告.${ext}`;
}
