// A rule is one check: a stable id, a Chinese title, a category and a severity, and a function
// from a disclosure to findings. Each rule lives in its own file beside its test; the catalogue
// (catalog.ts) lists them and drives the CLI, the JSON output and docs/rules.md.

import type { Category, Severity } from '../glossary.js';
import type { DisclosureIndex } from '../model/query.js';
import type { Disclosure } from '../model/types.js';
import type { Profile } from '../profiles/types.js';

export interface FindingLocation {
  table?: string;
  tableTitle?: string;
  row?: number;
  label?: string;
  measure?: string;
  line: number;
  page?: number;
  box?: [number, number, number, number];
  value?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  category: Category;
  title: string;
  message: string;
  expected: string | null;
  actual: string | null;
  difference: string | null;
  unit: string | null;
  locations: FindingLocation[];
}

export interface RuleContext {
  doc: Disclosure;
  profile: Profile;
  index: DisclosureIndex;
}

/** One identity evaluated on a table: `draft` is null when it holds, else what a rule would report. */
export interface IdentityCheck {
  table: string;
  row: number;
  /** The column checked, where the identity is one column's (a subtotal against its children). */
  measure?: string;
  /**
   * True when the identity says nothing about how the row was read: a row total equal to its only
   * printed part holds whichever column that part was read into.
   */
  uninformative?: boolean;
  /** The total is printed blank (a statement's 收入总计 line left empty): an omission the page shows, not a reading. */
  blankTotal?: boolean;
  /**
   * One column of the row is over by exactly what another is under: an amount read into the
   * neighbouring column more likely than the publisher's. Its draft is a warning (未能可靠读取), and it
   * still counts as a failure of the reading.
   */
  moved?: boolean;
  draft: Draft | null;
}

export type Draft = Omit<Finding, 'rule' | 'category' | 'title' | 'severity'> & { severity?: Severity };

export interface Rule {
  id: string;
  title: string;
  category: Category;
  /** The most severe level the rule reports. */
  severity: Severity;
  /** What the rule checks, for docs/rules.md. */
  description: string;
  /** Cross-table identities run only when the profile declares them. */
  identity?: boolean;
  check(ctx: RuleContext): Draft[];
}
