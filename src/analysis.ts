// One disclosure read → checked → summarised, exactly as the CLI prints it (`check --format json`,
// `summary --json`, `extract`). The CLI, the store's import and the API's check all use this, so a
// document's findings and key figures are the same wherever they are looked at.

import { SEVERITIES } from './glossary.js';
import type { ReadResult } from './read/index.js';
import { runRules } from './rules/engine.js';
import type { Finding } from './rules/types.js';
import { summarize, type Summary } from './summary.js';

/** A finding in `check --format json`: the rule id for tools, its zh-CN title for people; in report order. */
export type FindingJson = Finding;

export interface CheckDocumentJson {
  file: string;
  title: string;
  department: string;
  year: number | null;
  kind: string;
  scope: string;
  profile: string;
  counts: Record<string, number>;
}

export interface Analysis {
  findings: Finding[];
  /** `yusuan check --format json` output. */
  check: { document: CheckDocumentJson; findings: FindingJson[] };
  /** `yusuan summary --json` output. */
  summary: Summary;
  counts: { error: number; warning: number; info: number };
}

/** Run the rules (locations of paged input name their page) and summarise. */
export function analyse({ disclosure, profile, pageOf }: ReadResult): Analysis {
  const findings = runRules(disclosure, profile);
  if (pageOf)
    for (const f of findings)
      f.locations = f.locations.map((l) => (l.page === undefined && pageOf(l.line) !== undefined ? { ...l, page: pageOf(l.line)! } : l));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const document: CheckDocumentJson = {
    file: disclosure.meta.source.file,
    title: disclosure.meta.title,
    department: disclosure.meta.department,
    year: disclosure.meta.fiscalYear,
    kind: disclosure.meta.kind,
    scope: disclosure.meta.scope,
    profile: disclosure.meta.profile,
    counts: Object.fromEntries(Object.keys(SEVERITIES).map((s) => [s, counts[s as keyof typeof counts]])),
  };
  return {
    findings,
    check: {
      document,
      findings: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        category: f.category,
        title: f.title,
        message: f.message,
        expected: f.expected,
        actual: f.actual,
        difference: f.difference,
        unit: f.unit,
        locations: f.locations,
      })),
    },
    summary: summarize(disclosure),
    counts,
  };
}

/** clean / warning / error: the worst severity found (info does not count). */
export function statusOf(counts: { error: number; warning: number }): 'clean' | 'warning' | 'error' {
  return counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'clean';
}
