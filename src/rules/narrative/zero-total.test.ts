import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { readSeed, SEED_TEXT, findingsOf } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { zeroTotal } from './zero-total.js';

/** The example with one narrative sentence replaced, and (optionally) a table with money as its 政府性基金 table. */
function withSentence(text: string, fundHasMoney: boolean) {
  const { disclosure, profile } = readSeed();
  // The example says “没有使用政府性基金预算拨款安排的支出” elsewhere: keep only the sentence under test.
  disclosure.narrative.sentences = disclosure.narrative.sentences.map((s) => (/政府性基金|国有资本经营/.test(s.text) ? { ...s, text: '' } : s));
  const at = disclosure.narrative.sentences[10]!;
  disclosure.narrative.sentences[10] = { ...at, text };
  if (fundHasMoney) {
    for (const t of disclosure.tables) if (t.role === 'govFundByFunction') t.role = 'unused';
    disclosure.tables.find((t) => t.role === 'gpbByFunction')!.role = 'govFundByFunction';
  }
  return { found: runRules(disclosure, profile, [zeroTotal]), line: at.source.line };
}

test('zero-total: the example states no fund as none that its tables fund', () => {
  assert.deepEqual(findingsOf(zeroTotal, SEED_TEXT), []);
});

test('zero-total: “无政府性基金预算支出” against a 政府性基金 table with money is an error at the sentence and the total', () => {
  const { found, line } = withSentence('本单位无政府性基金预算支出、国有资本经营预算支出。', true);
  const f = only(found);
  assert.equal(f.severity, 'error');
  assert.equal(f.locations[0]!.line, line);
  assert.ok(f.locations[1]!.table);
  assert.match(f.message, /合计为 [\d,]+\.\d+ 万元/);
});

test('zero-total: “…拨款支出预算为0” is the same statement', () => {
  assert.equal(withSentence('政府性基金拨款支出预算为0；国有资本经营预算拨款支出预算为0。', true).found.length, 1);
});

test('zero-total: an empty fund table agrees; a place name starting with 无 states nothing', () => {
  assert.deepEqual(withSentence('本单位无政府性基金预算支出。', false).found, []);
  assert.deepEqual(withSentence('无锡市住房和城乡建设局 2026 年政府性基金支出预算 67,808 万元。', true).found, []);
});
