// Acceptance: the reference example printed to PDF by Chromium from plain HTML tables of its own
// text (not through `yusuan render`) reads to the same key facts and findings as the text.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Disclosure } from '../src/model/types.js';
import { readDisclosureFiles } from '../src/read/index.js';
import { runRules } from '../src/rules/engine.js';
import type { Finding } from '../src/rules/types.js';
import { summarize } from '../src/summary.js';
import { CHROMIUM, launchBrowser } from '../src/write/pdf.js';
import { profiles, readSeed, SEED_TEXT } from './support/seed.js';
import { printSeedPdf } from './support/seed-pdf.js';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: install Debian's chromium to print the example`;
const pdf = join(mkdtempSync(join(tmpdir(), 'yusuan-seed-pdf-')), 'example.pdf');
let browser: Browser | undefined;
before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  await printSeedPdf(browser, SEED_TEXT, pdf);
});
after(async () => {
  await browser?.close();
});

const read = () => readDisclosureFiles([pdf], { profiles: profiles() });
/** A finding without where it is (line numbers differ between the text and the PDF). */
const what = (f: Finding) => `${f.severity} ${f.rule} ${(f.message ?? '').replace(/第 [\d、]+ [行页]|（第 \d+ 页）/g, '')}`;
const errors = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === 'error')
    .map(what)
    .sort();

test('the example printed by Chromium: statement totals, 支出总表 and function classes as in the text', { skip }, async () => {
  const text = summarize(readSeed().disclosure);
  const back = await read();
  assert.equal(back.profile.id, 'sichuan-province-budget-2024');
  const s = summarize(back.disclosure);
  for (const k of [
    'incomeTotal',
    'expenditureTotal',
    'currentYearIncome',
    'gpbAppropriation',
    'carryOver',
    'currentYearExpenditure',
    'basic',
    'project',
  ] as const)
    assert.equal(s.figures[k], text.figures[k], k);
  assert.deepEqual(s.functionClasses, text.functionClasses);
  assert.equal(s.counts.projects, text.counts.projects);
});

// Parts of the PDF's reading that still differ from the text's: the 三公 table, whose printed header
// is misaligned (公务接待费 spans the 运行费 column), and the performance tables 6/7 (issue 11).
const STILL_DIFFERENT_FIGURES = new Set(['threePublic']);
const STILL_DIFFERENT_TABLES = new Set(['3-3', '6', '7']);
const stillDifferentError = (w: string) => / performance\./.test(w);

test('the example printed by Chromium: every other key figure and every other error finding as in the text', { skip }, async () => {
  const t = readSeed();
  const back = await read();
  const keep = (figures: object) => Object.entries(figures).filter(([k]) => !STILL_DIFFERENT_FIGURES.has(k));
  assert.deepEqual(keep(summarize(back.disclosure).figures), keep(summarize(t.disclosure).figures));
  const some = (fs: Finding[]) => errors(fs).filter((w) => !stillDifferentError(w));
  const fromText = some(runRules(t.disclosure, t.profile));
  assert.ok(fromText.length > 0, 'the text has error findings to compare');
  assert.deepEqual(some(runRules(back.disclosure, back.profile)), fromText);
});

test('the example printed by Chromium: every table but 3-3, 6 and 7 reads to the same facts as the text', { skip }, async () => {
  const t = readSeed();
  const back = await read();
  // A fact by its table, row and measure (the PDF's rows are the text's, in the same order).
  const facts = (d: Disclosure) =>
    d.facts
      .filter((f) => !STILL_DIFFERENT_TABLES.has(f.table))
      .map((f) => `${f.table} ${f.row} ${f.label} ${f.measure} ${f.value}`)
      .sort();
  assert.deepEqual(facts(back.disclosure), facts(t.disclosure));
  for (const table of back.disclosure.tables)
    if (!STILL_DIFFERENT_TABLES.has(table.id)) assert.notEqual(table.reading.status, 'unreliable', `table ${table.id}`);
});

test(
  'the example printed by Chromium: every key figure and every error finding as in the text',
  { skip, todo: 'the 三公 header the text itself misaligns, performance tables 6/7 are not read from this PDF yet' },
  async () => {
    const t = readSeed();
    const back = await read();
    assert.deepEqual(summarize(back.disclosure).figures, summarize(t.disclosure).figures);
    assert.deepEqual(errors(runRules(back.disclosure, back.profile)), errors(runRules(t.disclosure, t.profile)));
  },
);
