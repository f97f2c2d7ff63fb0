// Runs the catalogue over a disclosure. Rules are independent; a rule that throws is a bug in
// yusuan, reported as such (never silently skipped) so a check never looks cleaner than it is.

import { CATEGORIES, type Category } from '../glossary.js';
import { DisclosureIndex } from '../model/query.js';
import type { Disclosure } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import { RULES } from './catalog.js';
import type { Finding, Rule } from './types.js';

const ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function runRules(doc: Disclosure, profile: Profile, rules: readonly Rule[] = RULES): Finding[] {
  const index = new DisclosureIndex(doc);
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
        locations: d.locations,
      });
    }
  }
  const cats = Object.keys(CATEGORIES) as Category[];
  return findings.sort(
    (a, b) =>
      cats.indexOf(a.category) - cats.indexOf(b.category) ||
      ORDER[a.severity]! - ORDER[b.severity]! ||
      (a.locations[0]?.line ?? 0) - (b.locations[0]?.line ?? 0),
  );
}
