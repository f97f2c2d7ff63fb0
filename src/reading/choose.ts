// Reading chooses among candidate interpretations. Where the layout is ambiguous (which header a
// column sits under, whether a line continues the cell above, how rows nest), the grid proposes a few
// readings of a table; each is interpreted, scored by the identities its figures satisfy, and the
// best is kept. Generators of candidates stay small and separate (grid.ts); the scoring is here, once.

import type { Disclosure, Fact, TableInstance } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { IdentityCheck } from '../rules/types.js';
import { tableEvidence, type TableEvidence } from './assess.js';

export interface Reading {
  /** What the reading assumed (zh-CN), for the reader notes. */
  why: string;
  table: TableInstance;
  facts: Fact[];
}

/** The evidence of one table read on its own (no other table involved), from the checks kept. */
export function evidenceOf(r: Pick<Reading, 'table' | 'facts'>, profile: Profile, keep?: (c: IdentityCheck) => boolean): TableEvidence {
  const doc = {
    tables: [r.table],
    facts: r.facts,
    narrative: { sections: [], sentences: [], claims: [] },
  } as unknown as Disclosure;
  return tableEvidence(doc, profile, undefined, keep).get(r.table.id) ?? { checked: 0, failed: 0, causes: 0, misnamed: 0 };
}

/** Identities that hold, less a penalty for each failing one and each misnamed row. */
export function scoreOf(e: TableEvidence): number {
  const holding = e.checked - e.failed;
  return holding - 2 * e.failed - 2 * e.misnamed;
}

/**
 * The reading the document's own arithmetic confirms best. Candidates are in order of preference
 * (the default reading first); a later one must score strictly higher to be taken. A reading that
 * drops figures satisfies fewer identities, so it does not win by saying less.
 */
export function chooseReading(readings: Reading[], profile: Profile): { chosen: Reading; index: number; scores: number[] } {
  const scores = readings.map((r) => scoreOf(evidenceOf(r, profile)));
  let index = 0;
  let margin = 0;
  const measures = (r: Reading) => new Set(r.facts.map((f) => f.measure));
  for (let i = 1; i < readings.length; i++) {
    // A reading without some columns (an of-which column left out of the row's parts) is weighed
    // on the columns both read: the dropped column's own subtotals hold either way and say nothing
    // about which reading is right. Row identities are always weighed.
    const mine = measures(readings[i]!);
    const theirs = measures(readings[0]!);
    const keep = (c: IdentityCheck) => c.measure === undefined || (mine.has(c.measure) && theirs.has(c.measure));
    const same = [...theirs].every((m) => mine.has(m)) && [...mine].every((m) => theirs.has(m));
    const base = same ? scores[0]! : scoreOf(evidenceOf(readings[0]!, profile, keep));
    const own = same ? scores[i]! : scoreOf(evidenceOf(readings[i]!, profile, keep));
    if (own - base > margin) {
      index = i;
      margin = own - base;
      scores[0] = base;
      scores[i] = own;
    }
  }
  return { chosen: readings[index]!, index, scores };
}
