// The severity contract (docs/rules.md): a rule never reports more than the severity the catalogue
// declares for it, and no finding outside the completeness rules rests on a table whose reading is
// unreliable — not within it, not through a cross-table identity's premise, not through a claim.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedBlanking } from '../../test/support/findings.js';
import { seedCorrected } from '../../test/support/fixes.js';
import { lineOf, readText, SEED_TEXT } from '../../test/support/seed.js';
import { DisclosureIndex } from '../model/query.js';
import { syntheticDisclosure } from '../synthetic/generate.js';
import { RULES } from './catalog.js';
import { cappedSeverity, runRules } from './engine.js';
import type { Rule } from './types.js';

const RANK = { error: 0, warning: 1, info: 2 } as const;
const RULES_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The source file of every catalogued rule (the one file under src/rules/<category>/ naming its id). */
function ruleSources(): { rule: Rule; source: string }[] {
  return RULES.flatMap((rule) => {
    const dir = `${RULES_DIR}${rule.category}/`;
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(dir + f, 'utf8'))
      .filter((s) => s.includes(`id: '${rule.id}'`));
    return sources.map((source) => ({ rule, source }));
  });
}

test('contract: no rule file asks for a severity above the one its catalogue entry declares', () => {
  const sources = ruleSources();
  assert.equal(sources.length, RULES.length, 'every catalogued rule has its source file');
  for (const { rule, source } of sources) {
    const asked = [...source.matchAll(/severity(?:\s*:\s*|\s*=\s*)'(error|warning|info)'/g)].map((m) => m[1] as keyof typeof RANK);
    const above = asked.filter((s) => RANK[s] < RANK[rule.severity]);
    assert.deepEqual(above, [], `${rule.id} declares ${rule.severity} but its source asks for ${above.join(', ')}`);
  }
});

test('contract: run on the example, its corrected and mutilated versions and synthetic documents, every rule stays within its declared severity', () => {
  const texts = [
    SEED_TEXT,
    seedCorrected(),
    seedBlanking(lineOf('第三部分', 100) + 1, lineOf('第四部分 名词解释', 100) - 1),
    seedBlanking(lineOf('第四部分 名词解释', 100) + 1, lineOf('第四部分 名词解释', 100) + 20),
  ];
  const docs = texts.map((t) => readText(t));
  for (const seed of [1, 2, 3])
    for (const injectError of [false, true]) {
      docs.push({ disclosure: syntheticDisclosure({ seed, injectError }), profile: docs[0]!.profile });
    }
  let drafts = 0;
  for (const { disclosure, profile } of docs) {
    const ctx = { doc: disclosure, profile, index: new DisclosureIndex(disclosure) };
    for (const rule of RULES) {
      if (rule.identity && !profile.identities.includes(rule.id)) continue;
      for (const d of rule.check(ctx)) {
        drafts++;
        const s = d.severity ?? rule.severity;
        assert.ok(RANK[s] >= RANK[rule.severity], `${rule.id} declares ${rule.severity} but reported ${s}: ${d.message}`);
      }
    }
  }
  assert.ok(drafts > 50, `only ${drafts} findings exercised`);
});

test('contract: the engine caps a draft at the declared severity', () => {
  assert.equal(cappedSeverity('warning', 'error'), 'warning');
  assert.equal(cappedSeverity('warning', 'info'), 'info');
  assert.equal(cappedSeverity('error', undefined), 'error');
  const loud: Rule = {
    id: 'completeness.test-loud',
    title: '测试',
    category: 'completeness',
    severity: 'warning',
    description: '测试',
    check: () => [{ severity: 'error', message: 'x', expected: null, actual: null, difference: null, unit: null, locations: [{ line: 1 }] }],
  };
  const { disclosure, profile } = readText(SEED_TEXT);
  assert.deepEqual(
    runRules(disclosure, profile, [loud]).map((f) => f.severity),
    ['warning'],
  );
});

test('contract: a finding that depends on an unreliable table only through a premise or a claim is not reported', () => {
  // A rule that reads the summary table but points only at the narrative, as a premise or a
  // resolved claim does: once the summary's reading is unreliable it no longer sees the table.
  const premise: Rule = {
    id: 'narrative.test-premise',
    title: '测试',
    category: 'narrative',
    severity: 'error',
    description: '测试',
    check: ({ index }) =>
      index.table('summary') ? [{ message: 'rests on 表1', expected: null, actual: null, difference: null, unit: null, locations: [{ line: 1 }] }] : [],
  };
  const { disclosure, profile } = readText(SEED_TEXT);
  assert.equal(runRules(disclosure, profile, [premise]).length, 1);
  const summary = disclosure.tables.find((t) => t.role === 'summary')!;
  summary.reading = { status: 'unreliable', checked: 10, failed: 5, reason: '测试' };
  assert.equal(runRules(disclosure, profile, [premise]).length, 0);
});

test('contract: a narrative amount resolved to an unreliable table becomes an unverified claim, never an error', () => {
  const { disclosure, profile } = readText(SEED_TEXT);
  const before = runRules(disclosure, profile);
  const amounts = before.filter((f) => f.rule === 'narrative.amount' || f.rule === 'narrative.share');
  assert.ok(amounts.length > 0, 'the example has narrative findings resolved to tables');
  const tables = new Set(amounts.flatMap((f) => f.locations.map((l) => l.table).filter((t): t is string => t !== undefined)));
  for (const t of disclosure.tables) if (tables.has(t.id)) t.reading = { status: 'unreliable', checked: 10, failed: 5, reason: '测试' };
  const after = runRules(disclosure, profile);
  assert.deepEqual(
    after.filter((f) => f.severity === 'error' && f.category !== 'completeness' && f.locations.some((l) => l.table !== undefined && tables.has(l.table))),
    [],
  );
  const unverified = (fs: typeof before) => fs.filter((f) => f.rule === 'narrative.unverified').length;
  assert.ok(unverified(after) > unverified(before), 'claims that lost their table are listed as unverified');
});
