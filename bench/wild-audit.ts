// The hand-verified audit set (test/fixtures/wild-audit.tsv): findings yusuan reported on documents of
// ../shared/wild, each looked at on its page by a person and judged genuine, misread or rule-wrong,
// with a line of evidence quoted from the PDF. The wild audit test and `bench:wild` match today's
// findings against it: a genuine one must still be reported; a misread or rule-wrong one must be gone
// or no longer an error.

import { existsSync, readFileSync } from 'node:fs';

export interface AuditRow {
  id: string;
  page: string;
  rule: string;
  severity: string;
  expected: string;
  actual: string;
  verdict: 'genuine' | 'misread' | 'rule-wrong';
  cause: string;
  evidence: string;
}

export interface AuditedFinding {
  rule: string;
  severity: string;
  expected: string | null;
  actual: string | null;
}

export const AUDIT_FILE = new URL('../test/fixtures/wild-audit.tsv', import.meta.url);

export function loadAudit(file: URL = AUDIT_FILE): AuditRow[] {
  if (!existsSync(file)) return [];
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const cols = header!.split('\t');
  return lines
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const cells = l.split('\t');
      return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ''])) as unknown as AuditRow;
    });
}

/** The finding an audit row describes: same rule, same expected and actual values. */
export function matches(row: AuditRow, f: AuditedFinding): boolean {
  return f.rule === row.rule && (f.expected ?? '') === row.expected && (f.actual ?? '') === row.actual;
}

export interface Precision {
  audited: number;
  genuine: number;
  genuineFound: number;
  falseTotal: number;
  /** Misread or rule-wrong findings still reported as errors. */
  falseErrors: number;
  /** Genuine ÷ all audited findings still reported as errors, as a percentage string. */
  precision: string;
}

export function auditPrecision(audit: AuditRow[], findings: Map<string, AuditedFinding[]>, covered: Set<string>): Precision {
  const rows = audit.filter((r) => covered.has(r.id));
  const reported = (r: AuditRow) => (findings.get(r.id) ?? []).filter((f) => matches(r, f));
  const genuine = rows.filter((r) => r.verdict === 'genuine');
  const genuineFound = genuine.filter((r) => reported(r).length > 0).length;
  const falseRows = rows.filter((r) => r.verdict !== 'genuine');
  const falseErrors = falseRows.filter((r) => reported(r).some((f) => f.severity === 'error')).length;
  const genuineErrors = genuine.filter((r) => reported(r).some((f) => f.severity === 'error')).length;
  const errors = genuineErrors + falseErrors;
  return {
    audited: rows.length,
    genuine: genuine.length,
    genuineFound,
    falseTotal: falseRows.length,
    falseErrors,
    precision: errors ? `${((genuineErrors / errors) * 100).toFixed(1)}%（${genuineErrors}/${errors}）` : '—（无已核错误仍被报告）',
  };
}
