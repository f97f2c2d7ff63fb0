// Runs the catalogue over a disclosure. Rules are independent; a rule that throws is a bug in
// yusuan, reported as such (never silently skipped) so a check never looks cleaner than it is.

import { CATEGORIES, type Category } from '../glossary.js';
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

export function runRules(doc: Disclosure, profile: Profile, rules: readonly Rule[] = RULES): Finding[] {
  const index = new DisclosureIndex(doc);
  const pages = pageOfLine(doc);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.identity && !profile.identities.includes(rule.id)) continue;
    for (const d of rule.check({ doc, profile, index })) {
      findings.push({
        rule: rule.id,
        severity: d.severity ?? rule.severity,
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
  // A table that could not be read reliably keeps one warning (completeness.unreliable-table); no
  // finding may rest on its figures, within it, against another table or against the narrative.
  const unreliable = new Set(doc.tables.filter((t) => t.reading.status === 'unreliable').map((t) => t.id));
  const kept = findings.filter((f) => f.category === 'completeness' || !f.locations.some((l) => l.table !== undefined && unreliable.has(l.table)));
  const cats = Object.keys(CATEGORIES) as Category[];
  return kept.sort(
    (a, b) =>
      cats.indexOf(a.category) - cats.indexOf(b.category) ||
      ORDER[a.severity]! - ORDER[b.severity]! ||
      (a.locations[0]?.line ?? 0) - (b.locations[0]?.line ?? 0),
  );
}
