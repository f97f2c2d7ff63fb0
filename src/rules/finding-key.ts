// A finding's stable key: what a reviewer's mark is attached to, so that the mark carries over to a
// re-import that reports the same finding. Made of the rule, where (table, row label, column, the
// located value) and the values (expected, actual, difference, unit). Line, page and box are left
// out: a better reading moves them without changing the finding. Two findings alike in all of that
// get their order among themselves as a suffix (-2, -3 …).

import { createHash } from 'node:crypto';
import type { Finding } from './types.js';

type Keyed = Pick<Finding, 'rule' | 'expected' | 'actual' | 'difference' | 'unit' | 'locations'>;

/** The key's shape: 16 hex digits, optionally -n. */
export const FINDING_KEY = /^[0-9a-f]{16}(-[1-9]\d{0,5})?$/;

function baseKey(f: Keyed): string {
  const where = f.locations.map((l) => [l.table ?? '', l.label ?? '', l.measure ?? '', l.value ?? '']);
  const text = JSON.stringify([f.rule, where, f.expected, f.actual, f.difference, f.unit]);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Keys of a document's findings, in their order. */
export function findingKeys(findings: readonly Keyed[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = baseKey(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
