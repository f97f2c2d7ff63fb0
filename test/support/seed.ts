// Test helpers around the reference example: read it (or an edited copy) and check it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Disclosure } from '../../src/model/types.js';
import { loadProfiles } from '../../src/profiles/registry.js';
import type { Profile } from '../../src/profiles/types.js';
import { readDisclosureBytes } from '../../src/read/index.js';
import { IDENTITY_RULE_IDS } from '../../src/rules/catalog.js';
import { runRules } from '../../src/rules/engine.js';
import type { Finding, Rule } from '../../src/rules/types.js';

export const SEED_PATH = fileURLToPath(new URL('../../fixtures/seed/000_33d948831ce53c8e.txt', import.meta.url));
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
export const SEED_LINES = SEED_TEXT.split('\n');

export function profiles(): Profile[] {
  return loadProfiles(IDENTITY_RULE_IDS);
}

export function readText(text: string, file = 'edited.txt'): { disclosure: Disclosure; profile: Profile } {
  return readDisclosureBytes(Buffer.from(text, 'utf8'), file, { profiles: profiles() });
}

export function readSeed(): { disclosure: Disclosure; profile: Profile } {
  return readText(SEED_TEXT, SEED_PATH);
}

/** 1-based line number of the first line containing `needle` (optionally after line `after`). */
export function lineOf(needle: string, after = 0): number {
  const i = SEED_LINES.findIndex((l, k) => k >= after && l.includes(needle));
  if (i < 0) throw new Error(`seed has no line containing ${needle}`);
  return i + 1;
}

/** The seed with edits: [line (1-based), from, to] replaces `from` by `to` on that line. */
export function seedWith(...edits: [number, string, string][]): string {
  const lines = [...SEED_LINES];
  for (const [line, from, to] of edits) {
    const l = lines[line - 1]!;
    if (!l.includes(from)) throw new Error(`line ${line} has no “${from}”: ${l}`);
    lines[line - 1] = l.replace(from, to);
  }
  return lines.join('\n');
}

export function check(text: string, rules?: readonly Rule[]): Finding[] {
  const { disclosure, profile } = readText(text);
  return runRules(disclosure, profile, rules);
}

/** Findings of one rule on a text. */
export function findingsOf(rule: Rule, text: string): Finding[] {
  const { disclosure, profile } = readText(text);
  return runRules(disclosure, profile, [rule]).filter((f) => f.rule === rule.id);
}

export const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
