import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { percentage } from './percentage.js';

test('percentage: the example’s percentages agree with their words', () => {
  assert.deepEqual(findingsOf(percentage, SEED_TEXT), []);
});

test('percentage: a share over 100% is an error at its line', () => {
  const line = lineOf('占 84.90%');
  const f = only(findingsOf(percentage, seedWith([line, '占 84.90%', '占 184.90%'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.actual, '184.90');
  assert.equal(f.locations[0]!.line, line);
});

test('percentage: a ratio to the budget or to last year may exceed 100%', () => {
  const line = lineOf('占 84.90%');
  assert.deepEqual(findingsOf(percentage, seedWith([line, '占 84.90%', '占年初预算的 184.90%'])), []);
});

for (const [to, what] of [
  ['减少 3480.25 万元，增长-4.13%', /写“增长”，变动率却是负数/],
  ['减少 3480.25 万元，下降-4.13%', /又带符号/],
] as const) {
  test(`percentage: “${to}” is a warning`, () => {
    const line = lineOf('比 2023 年收支预算总数减少 3480.25 万元');
    const f = only(findingsOf(percentage, seedWith([line, '减少 3480.25 万元', to])));
    assert.equal(f.severity, 'warning');
    assert.match(f.message, what);
  });
}

test('percentage: a fall with an unsigned rate is fine', () => {
  const line = lineOf('比 2023 年收支预算总数减少 3480.25 万元');
  assert.deepEqual(findingsOf(percentage, seedWith([line, '减少 3480.25 万元', '减少 3480.25 万元，下降 4.13%'])), []);
});
