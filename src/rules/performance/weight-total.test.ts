import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { FIX_PUBLICITY_INDICATORS as FIX_PUBLICITY } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, readSeed, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { indicatorStructure } from './structure.js';
import { weightTotal } from './weight-total.js';

// 宣传及法律服务工作保障经费 (表6): 满意度 10 + 效益 15 + 产出 5 × 10 = 75, no 成本指标.
const PROJECT = lineOf('<p>宣传及法律服务工作保障经费</p>');
const SUSTAIN = PROJECT + 1; // 效益指标 可持续影响指标 影响年限 … 15
const FANS = PROJECT + 6; // 产出指标 数量指标 关注人数（粉丝）增长数 … 10

test('weight-total: the example has one project whose weights add up to 75 instead of 90', () => {
  const f = only(findingsOf(weightTotal, SEED_TEXT));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '90');
  assert.equal(f.actual, '75');
  assert.equal(f.difference, '-15');
  assert.match(f.message, /宣传及法律服务工作保障经费/);
  assert.equal(f.locations[0]!.line, PROJECT);
  assertPointsAt(f, SUSTAIN);
  assertPointsAt(f, FANS);
});

test('weight-total: with that project corrected every project and the department add up to 90', () => {
  assert.deepEqual(findingsOf(weightTotal, seedWith(...FIX_PUBLICITY)), []);
});

test('weight-total: raising one weight of a correct project is an error pointing at it', () => {
  // 勤务保障专项经费: 服务对象满意度 ≥ 90 % weight 10 → 20.
  const line = lineOf('\t服务对象满意度\t≥\t90\t%\t10');
  const f = only(findingsOf(weightTotal, seedWith(...FIX_PUBLICITY, [line, '%\t10', '%\t20'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '90');
  assert.equal(f.actual, '100');
  assert.equal(f.difference, '10');
  assert.match(f.message, /勤务保障专项经费/);
  assertPointsAt(f, line);
});

test('weight-total: half points count exactly, and the department indicators are checked too', () => {
  // 部门整体支出: 白天接处警响应时间 3.5 → 3.
  const line = lineOf('白天接处警响应时间');
  const f = only(findingsOf(weightTotal, seedWith(...FIX_PUBLICITY, [line, '\t3.5', '\t3'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.actual, '89.5');
  assert.equal(f.difference, '-0.5');
  assert.match(f.message, /部门整体支出/);
  assertPointsAt(f, line);
});

test('weight-total: a template that prints no 权重 column has no weights to add up (nor missing ones)', () => {
  const { disclosure, profile } = readSeed();
  for (const i of [...disclosure.performance.projects.flatMap((p) => p.indicators), ...(disclosure.performance.department?.indicators ?? [])]) i.weight = null;
  assert.deepEqual(runRules(disclosure, profile, [weightTotal]), []);
  assert.ok(!runRules(disclosure, profile, [indicatorStructure]).some((f) => /权重为空/.test(f.message)));
});
