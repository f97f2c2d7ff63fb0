import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { FIX_PUBLICITY_INDICATORS } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { categoryWeights } from './category-weights.js';

// 勤务保障专项经费: 产出 15 + 10 + 15, 成本 20, 效益 10 + 10, 满意度 10.
const EFFECT = lineOf('提高工作效率\t定性\t提高\t\t10');
const SATISFACTION = lineOf('\t服务对象满意度\t≥\t90\t%\t10');

test('category-weights: every project of the example follows 成本 20 / 产出 40 / 效益 20 / 满意度 10', () => {
  // The project whose weights add up to 75 is left to weight-total.
  assert.deepEqual(findingsOf(categoryWeights, SEED_TEXT), []);
});

test('category-weights: the corrected 宣传及法律服务工作保障经费 follows the split as well', () => {
  assert.deepEqual(findingsOf(categoryWeights, seedWith(...FIX_PUBLICITY_INDICATORS)), []);
});

test('category-weights: weight moved from 效益 to 满意度 (total still 90) is a warning naming both', () => {
  const f = only(findingsOf(categoryWeights, seedWith([EFFECT, '提高\t\t10', '提高\t\t5'], [SATISFACTION, '%\t10', '%\t15'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '效益指标:20;满意度指标:10');
  assert.equal(f.actual, '效益指标:15;满意度指标:15');
  assert.match(f.message, /勤务保障专项经费/);
  assertPointsAt(f, EFFECT);
  assertPointsAt(f, SATISFACTION);
});

test('category-weights: a project whose total is wrong is not judged here', () => {
  assert.deepEqual(findingsOf(categoryWeights, seedWith([SATISFACTION, '%\t10', '%\t15'])), []);
});
