import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seedCorrected } from '../../test/support/fixes.js';
import { check } from '../../test/support/seed.js';
import { CATEGORIES } from '../glossary.js';
import { RULES } from './catalog.js';
import type { Rule } from './types.js';

const ID = /^(arithmetic|reconcile|classification|narrative|performance|completeness)\.[a-z-]+$/;
const CHINESE = /[\u4e00-\u9fff]/;
const RULES_DIR = fileURLToPath(new URL('.', import.meta.url));

const isRule = (x: unknown): x is Rule => typeof x === 'object' && x !== null && typeof (x as Rule).id === 'string' && typeof (x as Rule).check === 'function';

/** Every rule module under src/rules/<category>/ with the Rules it exports (helper modules export none). */
async function ruleFiles(): Promise<{ file: string; rules: Rule[] }[]> {
  const out: { file: string; rules: Rule[] }[] = [];
  for (const category of readdirSync(RULES_DIR)) {
    const dir = join(RULES_DIR, category);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.endsWith('.d.ts')) continue;
      const file = join(dir, name);
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      out.push({ file, rules: Object.values(mod).filter(isRule) });
    }
  }
  return out;
}

test('catalog: rule ids are unique and well-formed', () => {
  assert.ok(RULES.length >= 30, `only ${RULES.length} rules`);
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'duplicate rule ids',
  );
  for (const id of ids) assert.match(id, ID);
});

test('catalog: each rule’s category is its id prefix', () => {
  for (const r of RULES) {
    assert.ok(r.category in CATEGORIES, `${r.id}: unknown category ${r.category}`);
    assert.equal(r.category, r.id.split('.')[0], r.id);
  }
});

test('catalog: every rule has a Chinese title and description and a severity', () => {
  for (const r of RULES) {
    assert.ok(r.title.trim() && CHINESE.test(r.title), `${r.id}: title “${r.title}”`);
    assert.ok(r.description.trim() && CHINESE.test(r.description), `${r.id}: description “${r.description}”`);
    assert.ok(['error', 'warning', 'info'].includes(r.severity), `${r.id}: severity ${r.severity}`);
  }
});

test('catalog: every rule file has a sibling test and every exported rule is catalogued', async () => {
  const files = await ruleFiles();
  const withRules = files.filter((f) => f.rules.length > 0);
  assert.ok(withRules.length >= RULES.length, `found ${withRules.length} rule files for ${RULES.length} rules`);
  const untested = withRules.filter((f) => !existsSync(f.file.replace(/\.ts$/, '.test.ts'))).map((f) => f.file.slice(RULES_DIR.length));
  assert.deepEqual(untested, [], 'rule files without a .test.ts beside them');
  const exported = withRules.flatMap((f) => f.rules);
  const missing = exported.filter((r) => !RULES.includes(r)).map((r) => r.id);
  assert.deepEqual(missing, [], 'exported rules missing from the catalogue');
  const unexported = RULES.filter((r) => !exported.includes(r)).map((r) => r.id);
  assert.deepEqual(unexported, [], 'catalogued rules not found in a rule file');
  // Helper modules (shared.ts, matching.ts, …) export no Rule and need no test of their own.
  const helpers = files.filter((f) => f.rules.length === 0).map((f) => f.file.slice(RULES_DIR.length));
  assert.ok(helpers.includes(join('reconcile', 'shared.ts')), `helpers: ${helpers.join(', ')}`);
});

test('catalog: with its genuine errors corrected, the example draws no error and one warning from the whole catalogue', () => {
  const found = check(seedCorrected());
  const loud = found.filter((f) => f.severity !== 'info');
  // The one warning: a 成本指标 “设施设备类总投资 ≤ 3266 万元” above its project's 2,600 万元.
  assert.deepEqual(
    loud.map((f) => `${f.severity} ${f.rule}`),
    ['warning performance.indicator-value'],
    loud.map((f) => f.message).join('\n'),
  );
});
