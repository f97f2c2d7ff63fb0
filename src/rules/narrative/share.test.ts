import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { FIX_SHARE_UNIT } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { narrativeShare } from './share.js';

const STRUCTURE = lineOf('占 0.003‰');

test('narrative.share: the example writes 0.003‰ for a share of 0.003‱', () => {
  const f = only(findingsOf(narrativeShare, SEED_TEXT));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /单位用错.*0\.003‱/);
  assert.equal(f.unit, '‰');
  assert.equal(f.expected, '0.000');
  assert.equal(f.actual, '0.003');
  assert.equal(f.locations[0]!.line, STRUCTURE);
  assertPointsAt(f, lineOf('233\t03\t01\t205\t地方政府一般债务发行费用支出'));
});

test('narrative.share: with ‱ every share of the narrative is right', () => {
  assert.deepEqual(findingsOf(narrativeShare, seedWith(...FIX_SHARE_UNIT)), []);
});

test('narrative.share: a wrong percentage is an error with the computed one', () => {
  const line = lineOf('占 56.19%');
  const f = only(findingsOf(narrativeShare, seedWith(...FIX_SHARE_UNIT, [line, '占 56.19%', '占 56.91%'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '56.19');
  assert.equal(f.actual, '56.91');
  assert.equal(f.difference, '0.72');
  assert.equal(f.unit, '%');
  assert.equal(f.locations[0]!.line, line);
});

test('narrative.share: a truncated percentage is a warning', () => {
  // 上年结转 2,916.52 ÷ 80,818.35 = 3.6087 %: 3.61 rounded, 3.60 truncated.
  const line = lineOf('占 3.61%');
  const f = only(findingsOf(narrativeShare, seedWith(...FIX_SHARE_UNIT, [line, '占 3.61%', '占 3.60%'])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /截断/);
  assert.equal(f.expected, '3.61');
  assert.equal(Number(f.actual), 3.6);
  assert.equal(f.difference, '-0.01');
  assertPointsAt(f, line);
});

test('narrative.share: the 当年拨款 structure is a share of the current-year appropriation, not of the total', () => {
  // 66,135.22 ÷ 80,818.35 = 81.83 % is the wrong basis; ÷ 77,901.83 = 84.90 %.
  const line = lineOf('占 84.90%');
  const f = only(findingsOf(narrativeShare, seedWith(...FIX_SHARE_UNIT, [line, '占 84.90%', '占 81.83%'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '84.90');
  assert.equal(f.actual, '81.83');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('合 计\t80,818.35\t77,901.83\t2,916.52'));
});
