// Runs the catalogue over a disclosure. Rules are independent; a rule that throws is a bug in
// yusuan, reported as such (never silently skipped) so a check never looks cleaner than it is.

import { CATEGORIES, type Category, type Severity } from '../glossary.js';
import { DisclosureIndex } from '../model/query.js';
import type { Disclosure } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import { RULES } from './catalog.js';
import type { Finding, Rule } from './types.js';

const ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Page of each source line, from everything that records both: findings only need to name the line. */
function pageOfLine(doc: Disclosure): Map<number, number> {
  const map = new Map<number, number>();
  const note = (p: { line: number; page?: number }) => {
    if (p.page !== undefined && !map.has(p.line)) map.set(p.line, p.page);
  };
  for (const t of doc.tables) {
    note(t.source);
    t.rows.forEach((r) => note(r.source));
  }
  doc.facts.forEach((f) => note(f.source));
  doc.narrative.sentences.forEach((s) => note(s.source));
  doc.narrative.claims.forEach((c) => note(c.source));
  doc.performance.projects.forEach((p) => {
    note(p.source);
    p.indicators.forEach((i) => note(i.source));
  });
  doc.toc.forEach((e) => note(e.source));
  return map;
}

/**
 * The disclosure as every rule but the completeness ones sees it: without the tables whose reading
 * is unreliable. No finding can then rest on their figures — not within them, not through a
 * cross-table identity or its premise (全部资金为一般公共预算), not through a narrative claim resolved
 * to them (such a claim is listed as unverified instead). Completeness rules see every table: an
 * unreliable table is still present, and says so (completeness.unreliable-table).
 */
export function reliableView(doc: Disclosure): Disclosure {
  const unreliable = new Set(doc.tables.filter((t) => t.reading.status === 'unreliable').map((t) => t.id));
  if (unreliable.size === 0) return doc;
  return { ...doc, tables: doc.tables.filter((t) => !unreliable.has(t.id)), facts: doc.facts.filter((f) => !unreliable.has(f.table)) };
}

/**
 * The severity contract: a rule reports at most the severity the catalogue declares for it, so
 * docs/rules.md and the report never disagree (a draft asking for more is capped, and a test
 * walking the catalogue makes sure no rule asks).
 */
export function cappedSeverity(declared: Severity, asked: Severity | undefined): Severity {
  const s = asked ?? declared;
  return ORDER[s]! < ORDER[declared]! ? declared : s;
}

export function runRules(doc: Disclosure, profile: Profile, rules: readonly Rule[] = RULES): Finding[] {
  const view = reliableView(doc);
  const full = { doc, profile, index: new DisclosureIndex(doc) };
  const reliable = view === doc ? full : { doc: view, profile, index: new DisclosureIndex(view) };
  const pages = pageOfLine(doc);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.identity && !profile.identities.includes(rule.id)) continue;
    for (const d of rule.check(rule.category === 'completeness' ? full : reliable)) {
      findings.push({
        rule: rule.id,
        severity: cappedSeverity(rule.severity, d.severity),
        category: rule.category,
        title: rule.title,
        message: d.message,
        expected: d.expected,
        actual: d.actual,
        difference: d.difference,
        unit: d.unit,
        locations: d.locations.map((l) => (l.page === undefined && pages.has(l.line) ? { ...l, page: pages.get(l.line)! } : l)),
      });
    }
  }
  // Belt and braces: nothing but a completeness finding may point into an unreliable table.
  const unreliable = new Set(doc.tables.filter((t) => t.reading.status === 'unreliable').map((t) => t.id));
  const kept = findings.filter((f) => f.category === 'completeness' || !f.locations.some((l) => l.table !== undefined && unreliable.has(l.table)));
  return sortFindings(kept);
}

/** The report order everywhere (text, JSON, CSV, web): errors, then warnings, then info; within a
 * severity by category (the catalogue's order), then by place in the document. Stable. */
export function sortFindings<T extends Pick<Finding, 'severity' | 'category' | 'locations'>>(findings: T[]): T[] {
  const cats = Object.keys(CATEGORIES) as Category[];
  return findings.sort(
    (a, b) =>
      ORDER[a.severity]! - ORDER[b.severity]! ||
      cats.indexOf(a.category) - cats.indexOf(b.category) ||
      (a.locations[0]?.line ?? 0) - (b.locations[0]?.line ?? 0),
  );
}
