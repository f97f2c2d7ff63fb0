import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { gpbItemsVsExpenditure } from './gpb-items-vs-expenditure.js';

// 表3 2101101 行政单位医疗 2,222.85 = 表1-2 205001 130.62 + 205303 2,092.23.
const MEDICAL = lineOf('210\t11\t01\t205\t行政单位医疗');
const NON_GPB: [number, string, string] = [lineOf('四、事业收入\t'), '四、事业收入\t', '四、事业收入\t100.00'];

test('gpb-items-vs-expenditure: every 项 of 一般公共预算支出表 matches 部门支出总表 in the example', () => {
  assert.deepEqual(findingsOf(gpbItemsVsExpenditure, SEED_TEXT), []);
});

test('gpb-items-vs-expenditure: a 项 that differs from the units of 部门支出总表 is an error', () => {
  const f = only(findingsOf(gpbItemsVsExpenditure, seedWith([MEDICAL, '2,222.85\t2,222.85', '2,232.85\t2,232.85'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '2222.85');
  assert.equal(f.actual, '2232.85');
  assert.equal(f.difference, '10.00');
  assert.equal(f.locations[0]!.line, MEDICAL);
  assertPointsAt(f, lineOf('210\t11\t01\t205001\t行政单位医疗'));
  assertPointsAt(f, lineOf('210\t11\t01\t205303\t行政单位医疗'));
});

test('gpb-items-vs-expenditure: a cent against two rounded rows is a rounding warning', () => {
  const f = only(findingsOf(gpbItemsVsExpenditure, seedWith([MEDICAL, '2,222.85\t2,222.85', '2,222.86\t2,222.86'])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /尾差/);
  assert.equal(f.actual, '2222.86');
  assertPointsAt(f, MEDICAL);
});

test('gpb-items-vs-expenditure: a 项 of 部门支出总表 missing from 一般公共预算支出表 is an error', () => {
  const line = lineOf('210\t11\t02\t205\t事业单位医疗');
  const f = only(findingsOf(gpbItemsVsExpenditure, seedWith([line, '210\t11\t02\t205\t事业单位医疗\t12.45\t12.45\t', ''])));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /2101102/);
  assertPointsAt(f, lineOf('210\t11\t02\t205901\t事业单位医疗'));
});

test('gpb-items-vs-expenditure: with other funds, 表3 may be smaller than 部门支出总表 but not larger', () => {
  assert.deepEqual(findingsOf(gpbItemsVsExpenditure, seedWith(NON_GPB, [MEDICAL, '2,222.85\t2,222.85', '2,212.85\t2,212.85'])), []);
  const f = only(findingsOf(gpbItemsVsExpenditure, seedWith(NON_GPB, [MEDICAL, '2,222.85\t2,222.85', '2,232.85\t2,232.85'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '2222.85');
  assert.equal(f.actual, '2232.85');
  assertPointsAt(f, MEDICAL);
});
