import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoErrors, assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { missingTargets } from './missing-targets.js';

const T6 = lineOf('省级部门预算项目绩效目标表（2024年度）');
// 表3-2 projects of 2040202 without targets: 1,077.01 in all, within the carry-over left (1,077.02).
const NO_TARGETS = [
  '205001\t应急保障装备专项经费',
  '205302\t应急指挥调度中心升级改造',
  '205303\t一分局案管中心执法办案功能区改造升级',
  '205303\t应急保障装备经费',
  '205303\t继续实施-高速公路五分局业务技术用房建设费(发改委)',
  '205303\t高速公路测量设备计量技术服务',
].map((n) => lineOf(n));

test('missing-targets: the example’s projects without targets are all covered by carry-over (info only)', () => {
  const found = findingsOf(missingTargets, SEED_TEXT);
  assertNoErrors(found);
  const f = only(found);
  assert.equal(f.severity, 'info');
  assert.equal(f.actual, '1077.01');
  assert.match(f.message, /功能科目 2040202 下 6 个项目/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    NO_TARGETS,
  );
});

test('missing-targets: a project of a 科目 without carry-over that has no targets is an error', () => {
  // Renaming 办公用房维修项目 in 表6 leaves the 表3-2 project (2010399, no 上年结转) without targets.
  const line = lineOf('办公用房维修项目\t850.57', T6);
  const found = findingsOf(missingTargets, seedWith([line, '办公用房维修项目', '配电房改造项目']));
  const f = only(found, 'error');
  assert.equal(f.expected, '0.00');
  assert.equal(f.actual, '850.57');
  assert.equal(f.difference, '850.57');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [lineOf('205001\t办公用房维修项目')],
  );
  assert.equal(only(found, 'info').actual, '1077.01');
});

test('missing-targets: projects without targets beyond the carry-over left of their 科目 are an error', () => {
  // 表3-2 应急保障装备专项经费 186.86 → 1,186.86: 2,077.01 without targets, only 1,077.02 carried over.
  const line = NO_TARGETS[0]!;
  const f = only(findingsOf(missingTargets, seedWith([line, '186.86', '1,186.86'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '1077.02');
  assert.equal(f.actual, '2077.01');
  assert.equal(f.difference, '999.99');
  assertPointsAt(f, line);
});
