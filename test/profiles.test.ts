// The template profiles in /profiles: every one loads and validates, the CLI lists them all, the
// family profiles are derived from the generic ones, and on the shared corpus each document is
// detected as its own family's and carries every table that family requires.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';
import type { Disclosure } from '../src/model/types.js';
import { CONVENTIONS } from '../src/profiles/conventions.js';
import { detectProfile, loadProfiles } from '../src/profiles/registry.js';
import type { Profile } from '../src/profiles/types.js';
import { validateProfile } from '../src/profiles/validate.js';
import { readDisclosureFile, readDisclosureFiles } from '../src/read/index.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { SEED_TEXT } from './support/seed.js';

const PROFILE_DIR = fileURLToPath(new URL('../profiles/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const HAVE_CORPUS = existsSync(join(CORPUS, 'pdf')) && existsSync(join(CORPUS, 'text'));
const NO_CORPUS = HAVE_CORPUS ? false : `shared corpus not found at ${CORPUS}: corpus tests skipped`;

const profiles = loadProfiles(IDENTITY_RULE_IDS);
const byId = new Map(profiles.map((p) => [p.id, p]));
const GENERIC = ['generic-national-minimum', 'generic-final-accounts'];

/** The template family of each corpus document (corpus/INDEX.md), by its file number. */
const FAMILY: Record<string, string> = {
  '001': 'central-budget',
  '002': 'beijing-budget',
  '003': 'beijing-budget',
  '005': 'shanghai-municipal-unit-budget',
  '006': 'shanghai-municipal-unit-budget',
  '007': 'chongqing-budget',
  '009': 'shenzhen-budget',
  '011': 'guangdong-budget',
  '013': 'jiangsu-budget',
  '015': 'hangzhou-budget',
  '016': 'jiangsu-budget',
  '018': 'hunan-budget',
  '020': 'fujian-budget',
  '022': 'shaanxi-budget',
  '023': 'shaanxi-budget',
  '024': 'shandong-budget',
  '027': 'guangdong-budget',
  '029': 'shanghai-district-budget',
  '031': 'shanghai-district-budget',
  '032': 'shanghai-district-budget',
  '033': 'shanghai-district-budget',
  '035': 'shanghai-district-budget',
  '036': 'shanghai-district-budget',
  '037': 'central-final',
  '038': 'shanghai-district-final',
  '040': 'shanghai-district-final',
  '041': 'guangdong-final',
  '042': 'shaanxi-final',
  // The official blank 决算 template the districts fill in.
  '045': 'shanghai-district-final',
};
/** Corpus files that are not disclosures: two inspection checklists and a lone 绩效目标表 attachment. */
const NOT_DISCLOSURES = ['043', '044', '046'];

const fallback = profiles.find((p) => p.detect.fallback)!;
/** Whether `p`'s detection markers occur in `text` (detection among `p` and the fallback only). */
const fits = (p: Profile, text: string) => detectProfile(text, [p, fallback]) === p;

// ---- the profiles themselves -------------------------------------------------------------------

test('every profile file loads and validates, with a unique id matching its file name', () => {
  const files = readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.json'));
  assert.equal(profiles.length, files.length);
  for (const f of files) {
    const p = validateProfile(JSON.parse(readFileSync(join(PROFILE_DIR, f), 'utf8')), IDENTITY_RULE_IDS);
    assert.equal(`${p.id}.json`, f);
    assert.ok(byId.get(p.id), p.id);
    const ids = p.tables.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length, `${p.id}: table ids are unique`);
    for (const t of p.tables) for (const re of t.titlePatterns ?? []) assert.doesNotThrow(() => new RegExp(re), `${p.id} ${t.id} ${re}`);
  }
  assert.equal(profiles.filter((p) => p.detect.fallback).length, 1, 'exactly one fallback profile');
  for (const id of Object.values(FAMILY)) assert.ok(byId.has(id), `family profile ${id} exists`);
});

test('family profiles are derived from the generic ones: column specs, items (a template may add its own), identities and narrative unchanged', () => {
  const kept = ['layout', 'measures', 'sides', 'items', 'identities', 'rowIdentities', 'codeColumns', 'labelColumn', 'preferHeader'] as const;
  for (const id of new Set(Object.values(FAMILY))) {
    const p = byId.get(id)!;
    const base = byId.get(p.kind === 'final' ? 'generic-final-accounts' : 'generic-national-minimum')!;
    assert.deepEqual(p.identities, base.identities, `${id}: identities`);
    assert.deepEqual(p.narrative, base.narrative, `${id}: narrative`);
    assert.ok(p.detect.mustInclude.length >= 2 && !p.detect.fallback, `${id}: specific detection`);
    assert.ok(
      p.tables.some((t) => t.required),
      `${id}: required tables`,
    );
    for (const t of p.tables) {
      const generic = base.tables.find((g) => g.role === t.role);
      if (!generic) continue; // a role the generic template does not have (项目支出表, 经济分类支出表)
      // A template may print lines the generic one lacks (Shaanxi's 上年实户资金余额): its items keep
      // every generic item, in order, and may add their own, which its identities then count.
      const genericKeys = new Set((generic.items ?? []).map((g) => g.key));
      const extra = (t.items ?? []).some((i) => !genericKeys.has(i.key));
      for (const k of kept) {
        if (k === 'items' && extra) {
          const kept: typeof t.items = (t.items ?? []).filter((i) => genericKeys.has(i.key));
          assert.deepEqual(kept, generic.items, `${id} table ${t.id} (${t.role}): generic items kept as in ${base.id}`);
          continue;
        }
        if (k === 'identities' && extra) continue;
        assert.deepEqual(t[k], generic[k], `${id} table ${t.id} (${t.role}): ${k} as in ${base.id}`);
      }
    }
  }
});

test('yusuan profiles lists every profile with its table count and conventions; --json too', async () => {
  let out = '';
  assert.equal(await run(['profiles'], (s) => (out += s)), 0);
  const lines = out.trim().split('\n');
  const conventions = profiles.flatMap((p) => p.conventions ?? []);
  assert.ok(conventions.length >= 3, 'the Shaanxi, Chongqing and Shandong conventions are declared');
  assert.equal(lines.length, profiles.length + conventions.length);
  for (const p of profiles) {
    const at = lines.indexOf(`${p.id}\t${p.name}\t${p.tables.length} 张表`);
    assert.ok(at >= 0, p.id);
    for (const [i, c] of (p.conventions ?? []).entries()) assert.ok(lines[at + 1 + i]!.startsWith(`  惯例 ${c}：${CONVENTIONS[c].title}`), `${p.id} ${c}`);
  }
  let json = '';
  assert.equal(await run(['profiles', '--json'], (s) => (json += s)), 0);
  const listed = JSON.parse(json) as { id: string; tables: number; conventions: { id: string; title: string }[] }[];
  assert.deepEqual(listed.map((p) => p.id).sort(), profiles.map((p) => p.id).sort());
  for (const l of listed) {
    assert.equal(l.tables, byId.get(l.id)!.tables.length);
    assert.deepEqual(
      l.conventions.map((c) => c.id),
      byId.get(l.id)!.conventions ?? [],
    );
  }
});

test('a profile naming an unknown convention fails validation', () => {
  const p = JSON.parse(readFileSync(join(PROFILE_DIR, 'shandong-budget.json'), 'utf8')) as Record<string, unknown>;
  assert.throws(() => validateProfile({ ...p, conventions: ['no-such-convention'] }, IDENTITY_RULE_IDS), /未知的模板惯例 no-such-convention/);
  assert.equal(validateProfile(p, IDENTITY_RULE_IDS).conventions?.[0], 'superior-subsidy-below-income-total');
});

test('the Sichuan example is still detected as Sichuan: no family profile fits it', () => {
  assert.equal(detectProfile(SEED_TEXT, profiles)?.id, 'sichuan-province-budget-2024');
  for (const id of new Set(Object.values(FAMILY))) assert.ok(!fits(byId.get(id)!, SEED_TEXT), `${id} must not fit the example`);
});

// ---- the corpus --------------------------------------------------------------------------------

const corpusIds = () => readdirSync(join(CORPUS, 'text')).map((f) => f.slice(0, 3));
const textOf = (id: string) => {
  const f = readdirSync(join(CORPUS, 'text')).find((x) => x.startsWith(`${id}-`))!;
  return { path: join(CORPUS, 'text', f), text: readFileSync(join(CORPUS, 'text', f), 'utf8') };
};
const pdfsOf = (id: string) =>
  readdirSync(join(CORPUS, 'pdf'))
    .filter((f) => f.startsWith(`${id}-`))
    .sort()
    .map((f) => join(CORPUS, 'pdf', f));

function missingRequired(profile: Profile, disclosure: Disclosure): string[] {
  return profile.tables.filter((s) => s.required && !disclosure.tables.some((t) => t.id === s.id && t.present)).map((s) => `${s.id} ${s.title}`);
}

test('corpus: every document has a family (or is listed as not a disclosure)', { skip: NO_CORPUS }, () => {
  for (const id of corpusIds()) assert.ok(FAMILY[id] || NOT_DISCLOSURES.includes(id), `${id}: add it to FAMILY or NOT_DISCLOSURES`);
});

test('corpus text: detection picks the family, and only that family fits among the family profiles', { skip: NO_CORPUS }, () => {
  const families = profiles.filter((p) => !p.detect.fallback && !GENERIC.includes(p.id));
  for (const id of corpusIds()) {
    const { text } = textOf(id);
    const fitting = families.filter((p) => fits(p, text)).map((p) => p.id);
    if (NOT_DISCLOSURES.includes(id)) {
      assert.deepEqual(fitting, [], `${id} is not a disclosure`);
      continue;
    }
    assert.equal(detectProfile(text, profiles)?.id, FAMILY[id], id);
    assert.deepEqual(fitting, [FAMILY[id]], `${id}: families whose markers it carries`);
  }
});

test('corpus text (pdftotext -layout): the family reads every table it requires', { skip: NO_CORPUS }, () => {
  for (const id of Object.keys(FAMILY)) {
    const { path } = textOf(id);
    const { disclosure, profile } = readDisclosureFile(path, { profiles });
    assert.equal(profile.id, FAMILY[id], id);
    assert.deepEqual(missingRequired(profile, disclosure), [], `${id}: required tables not found`);
  }
});

test('corpus PDFs: same detection as the text, and every required table is in the Disclosure', { skip: NO_CORPUS }, async () => {
  for (const id of Object.keys(FAMILY)) {
    const { disclosure, profile } = await readDisclosureFiles(pdfsOf(id), { profiles });
    assert.equal(profile.id, FAMILY[id], id);
    assert.equal(disclosure.meta.profile, FAMILY[id], id);
    assert.deepEqual(missingRequired(profile, disclosure), [], `${id}: required tables not found`);
  }
});
