// The genuine errors inside the corpus documents (corpus/INDEX.md, and the human inspector's lists
// 043/044 for 035/036) are found when the published PDFs are checked — and a document its source
// labels clean (038) gets no error. Skipped when ../shared is absent.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../src/profiles/registry.js';
import { readDisclosureFiles } from '../src/read/index.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { runRules } from '../src/rules/engine.js';
import type { Finding } from '../src/rules/types.js';

const PDF = fileURLToPath(new URL('../../shared/corpus/pdf/', import.meta.url));
const NO_CORPUS = existsSync(PDF) ? false : `shared corpus not found at ${PDF}: corpus tests skipped`;
const profiles = loadProfiles(IDENTITY_RULE_IDS);

async function check(prefix: string): Promise<Finding[]> {
  const files = readdirSync(PDF)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.pdf'))
    .map((f) => join(PDF, f))
    .sort();
  const { disclosure, profile } = await readDisclosureFiles(files, { profiles });
  return runRules(disclosure, profile);
}

const having = (findings: Finding[], rule: string, pattern: RegExp) => findings.filter((f) => f.rule === rule && pattern.test(f.message));

test('007: the 三公 paragraph compares 2025 with itself', { skip: NO_CORPUS }, async () => {
  const f = await check('007');
  assert.equal(having(f, 'narrative.comparison-year', /2025 年/).length, 1);
});

test('029: a 三公 table with figures and the note “故本表为空表”, and 市级 wording in a district document', { skip: NO_CORPUS }, async () => {
  const f = await check('029');
  assert.equal(having(f, 'completeness.empty-table-note', /有数据，但注明.*空表/).length, 1);
  assert.ok(having(f, 'completeness.level-wording', /市级/).length >= 1);
});

test('035: every item of the inspector’s list 043 that the document can show', { skip: NO_CORPUS }, async () => {
  const f = await check('035');
  // Five “比2026年” in a 2026 budget.
  assert.equal(having(f, 'narrative.comparison-year', /与 2026 年比较/).length, 5);
  // 43269.3 → 3845.49 is not “增加17.62%”.
  assert.equal(having(f, 'narrative.change', /43269\.3.*3845\.49.*增加 17\.62%/).length, 1);
  // 210 printed as 医疗卫生与计划生育支出; 住房公积金 201.5 against 208.80 in the table.
  assert.ok(having(f, 'narrative.amount', /210“医疗卫生与计划生育支出”应为“卫生健康支出”/).length >= 1);
  assert.equal(having(f, 'narrative.amount', /住房公积金.*201\.5.*208\.80/).length, 1);
  // Doubled 。 and unbalanced quotes.
  assert.equal(having(f, 'narrative.wording', /标点重复/).length, 1);
  assert.ok(having(f, 'narrative.wording', /引号不成对/).length >= 1);
});

test('036: every item of the inspector’s list 044 that the document can show', { skip: NO_CORPUS }, async () => {
  const f = await check('036');
  // 行政运行: 合计 14,348,853.34 with 基本 14,348,853.34 and 项目 64,840,547.00 on the same row.
  assert.ok(having(f, 'arithmetic.row-sum', /行政运行.*14,348,853\.34/).length >= 1);
  // 收支总表 人员/公用 against the basic-expenditure table.
  assert.equal(having(f, 'reconcile.summary-personnel-vs-basic', /人员经费|公用经费/).length, 2);
  // −1.10% where the figures give −15.13%; a truncated “主要原因是。”.
  assert.equal(having(f, 'narrative.change', /实际减少 15\.13%，但写作“减少 1\.1%”/).length, 1);
  assert.equal(having(f, 'narrative.wording', /主要原因是。/).length, 1);
});

test('038 (labelled clean by its source): no error-level finding', { skip: NO_CORPUS }, async () => {
  const f = await check('038');
  assert.deepEqual(
    f.filter((x) => x.severity === 'error').map((x) => x.message),
    [],
  );
});
