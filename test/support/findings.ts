// Assertions shared by the rule tests: pick the one finding a case expects, check where it points.

import assert from 'node:assert/strict';
import type { Finding } from '../../src/rules/types.js';
import { SEED_LINES } from './seed.js';

const describe = (fs: Finding[]) => fs.map((f) => `  ${f.severity} ${f.rule}: ${f.message}`).join('\n');

/** The single finding of a list (optionally of one severity); fails, listing them, otherwise. */
export function only(found: Finding[], severity?: Finding['severity']): Finding {
  const fs = severity ? found.filter((f) => f.severity === severity) : found;
  assert.equal(fs.length, 1, `expected exactly one ${severity ?? ''} finding, got ${fs.length}:\n${describe(found)}`);
  return fs[0]!;
}

/** Lines a finding points at. */
export const linesOf = (f: Finding): number[] => f.locations.map((l) => l.line);

/** Assert that one of the finding's locations is the given (1-based) line. */
export function assertPointsAt(f: Finding, line: number): void {
  assert.ok(linesOf(f).includes(line), `finding should point at line ${line}, points at ${linesOf(f).join(', ')}: ${f.message}`);
}

/** Assert that a list has no error-level finding. */
export function assertNoErrors(found: Finding[]): void {
  const errs = found.filter((f) => f.severity === 'error');
  assert.equal(errs.length, 0, `expected no errors:\n${describe(errs)}`);
}

/** The seed with lines `from`..`to` (1-based, inclusive) blanked; every other line keeps its number. */
export function seedBlanking(from: number, to: number): string {
  return SEED_LINES.map((l, i) => (i + 1 >= from && i + 1 <= to ? '' : l)).join('\n');
}
