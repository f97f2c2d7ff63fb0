import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { gpbBasicVsExpenditure } from './gpb-basic-vs-expenditure.js';

// 表3-1 unit 205901 173.00 = 表1-2 unit 205901 基本支出 173.00.
const UNIT = lineOf('205901\t四川省公安厅机动车安全检测中心\t173.00\t163.39');
const NON_GPB: [number, string, string] = [lineOf('四、事业收入\t'), '四、事业收入\t', '四、事业收入\t100.00'];

test('gpb-basic-vs-expenditure: 基本支出表 agrees with 部门支出总表 in the example', () => {
  assert.deepEqual(findingsOf(gpbBasicVsExpenditure, SEED_TEXT), []);
});

test('gpb-basic-vs-expenditure: a unit whose 基本支出 differs is an error', () => {
  const f = only(findingsOf(gpbBasicVsExpenditure, seedWith([UNIT, '173.00', '137.00'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '173.00');
  assert.equal(f.actual, '137.00');
  assert.equal(f.difference, '-36.00');
  assert.equal(f.locations[0]!.line, UNIT);
  assertPointsAt(f, lineOf('\t四川省公安厅机动车安全检测中心\t173.00\t173.00'));
});

test('gpb-basic-vs-expenditure: the total is compared too, to the cent', () => {
  const line = lineOf('合 计\t45,412.74\t32,025.66');
  const f = only(findingsOf(gpbBasicVsExpenditure, seedWith([line, '45,412.74', '45,412.75'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '45412.74');
  assert.equal(f.actual, '45412.75');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('合 计\t80,818.35\t45,412.74'));
});

test('gpb-basic-vs-expenditure: with other funds, less than 部门支出总表 is fine, more is an error', () => {
  assert.deepEqual(findingsOf(gpbBasicVsExpenditure, seedWith(NON_GPB, [UNIT, '173.00', '137.00'])), []);
  const f = only(findingsOf(gpbBasicVsExpenditure, seedWith(NON_GPB, [UNIT, '173.00', '317.00'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '173.00');
  assert.equal(f.actual, '317.00');
  assertPointsAt(f, UNIT);
});
