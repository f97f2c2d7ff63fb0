import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, readSeed, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { wording } from './wording.js';

test('wording: the example’s narrative has no doubled punctuation, empty reasons or stray quotes', () => {
  assert.deepEqual(findingsOf(wording, SEED_TEXT), []);
});

for (const [name, from, to, what] of [
  ['doubled full stop', '2024 年未安排。', '2024 年未安排。。', /标点重复/],
  ['empty reason', '主要原因是严格贯彻国家厉行节约要求，压缩一般性支出经费。', '主要原因是。', /说明内容缺失/],
  ['unbalanced quotes', '严格贯彻国家厉行节约要求', '严格贯彻“国家厉行节约要求', /引号不成对/],
] as const) {
  test(`wording: ${name} is a warning at its line`, () => {
    const line = lineOf(from);
    const found = findingsOf(wording, seedWith([line, from, to]));
    assert.ok(found.length >= 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message, what);
    assert.equal(found[0]!.locations[0]!.line, line);
  });
}

test('wording: a paragraph that ends without its full stop', () => {
  const { disclosure: doc, profile } = readSeed();
  const s = doc.narrative.sentences.find((x) => x.text.length > 20 && x.text.endsWith('。') && x.text.includes('，'))!;
  doc.narrative.sentences[s.index] = { ...s, text: s.text.slice(0, -1), unterminated: true };
  const f = only(runRules(doc, profile, [wording]));
  assert.match(f.message, /段落末尾缺少句号/);
  // A list entry after a colon needs none; neither does a sentence that has its stop.
  doc.narrative.sentences[s.index] = { ...s, text: '本部门中，行政单位1家，具体包括：1. 某某局本部', unterminated: true };
  assert.deepEqual(runRules(doc, profile, [wording]), []);
});
