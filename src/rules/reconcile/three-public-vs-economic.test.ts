import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { threePublicVsEconomic } from './three-public-vs-economic.js';

// 表3-3 205001: 运行费 127.00, 接待费 9.50 = 表3-1 205001 30231 127.00, 30217 9.50.
const UNIT = lineOf('205001\t四川省公安厅交通警察总队\t136.50');
const RECEPTION = lineOf('30217\t公务接待费\t9.50');

test('three-public-vs-economic: 三公 columns match the economic lines of 基本支出 in the example', () => {
  assert.deepEqual(findingsOf(threePublicVsEconomic, SEED_TEXT), []);
});

test('three-public-vs-economic: 公务接待费 below 30217 公务接待费 is an error', () => {
  const f = only(findingsOf(threePublicVsEconomic, seedWith([UNIT, '9.50', '5.90'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '9.50');
  assert.equal(f.actual, '5.90');
  assert.equal(f.difference, '-3.60');
  assert.equal(f.locations[0]!.line, UNIT);
  assertPointsAt(f, RECEPTION);
});

test('three-public-vs-economic: 公务接待费 above the basic line is noted (project-funded part), not an error', () => {
  const f = only(findingsOf(threePublicVsEconomic, seedWith([UNIT, '9.50', '12.50'])));
  assert.equal(f.severity, 'info');
  assert.equal(f.expected, '9.50');
  assert.equal(f.actual, '12.50');
  assert.equal(f.difference, '3.00');
  assertPointsAt(f, UNIT);
});

test('three-public-vs-economic: a changed 30231 公务用车运行维护费 shows against 公务用车运行费', () => {
  const line = lineOf('30231\t公务用车运行维护费\t3,227.00');
  const f = only(findingsOf(threePublicVsEconomic, seedWith([line, '3,227.00\t\t3,227.00', '3,272.00\t\t3,272.00'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '3272.00');
  assert.equal(f.actual, '3227.00');
  assert.equal(f.locations[0]!.measure, '公务用车运行费');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('205303\t四川省公安厅交通警察总队（高速公路支\t3,251.00'));
});
