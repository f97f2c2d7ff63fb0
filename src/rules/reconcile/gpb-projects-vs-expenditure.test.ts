import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { FIX_PROJECT_ROUNDING } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { gpbProjectsVsExpenditure } from './gpb-projects-vs-expenditure.js';

// 表1-2 205303 2040202 项目支出 26,371.20; 表3-2 lists 16 projects for it adding up to 26,371.19.
const SPENDING = lineOf('204\t02\t02\t205303\t一般行政管理事务');
const DAILY = lineOf('205303\t日常运转经费\t3,677.55');

test('gpb-projects-vs-expenditure: the example has one genuine rounding difference (205303 2040202)', () => {
  const f = only(findingsOf(gpbProjectsVsExpenditure, SEED_TEXT));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /尾差/);
  assert.equal(f.expected, '26371.19');
  assert.equal(f.actual, '26371.20');
  assert.equal(f.locations[0]!.line, SPENDING);
  assertPointsAt(f, DAILY);
});

test('gpb-projects-vs-expenditure: with that project corrected the project table agrees', () => {
  assert.deepEqual(findingsOf(gpbProjectsVsExpenditure, seedWith(...FIX_PROJECT_ROUNDING)), []);
});

test('gpb-projects-vs-expenditure: 项目支出 of a unit and 科目 different from its projects is an error', () => {
  const f = only(findingsOf(gpbProjectsVsExpenditure, seedWith(...FIX_PROJECT_ROUNDING, [SPENDING, '\t\t26,371.20', '\t\t26,731.20'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '26371.20');
  assert.equal(f.actual, '26731.20');
  assert.equal(f.difference, '360.00');
  assert.equal(f.locations[0]!.line, SPENDING);
});

test('gpb-projects-vs-expenditure: a changed project amount is reported with the project line', () => {
  const line = lineOf('205303\t特种车辆购置\t385.00');
  const f = only(findingsOf(gpbProjectsVsExpenditure, seedWith(...FIX_PROJECT_ROUNDING, [line, '385.00', '358.00'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '26344.20');
  assert.equal(f.actual, '26371.20');
  assertPointsAt(f, line);
  assertPointsAt(f, SPENDING);
});

test('gpb-projects-vs-expenditure: a unit total of the project table is compared with 部门支出总表', () => {
  const line = lineOf('\t四川省公安厅交通警察总队(高速公路支队)\t26,628.96');
  const f = only(findingsOf(gpbProjectsVsExpenditure, seedWith(...FIX_PROJECT_ROUNDING, [line, '26,628.96', '26,682.96'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '26628.96');
  assert.equal(f.actual, '26682.96');
  assert.equal(f.locations[0]!.line, line);
  assertPointsAt(f, lineOf('\t四川省公安厅交通警察总队(高速公路支队)\t68,143.08'));
});

test('gpb-projects-vs-expenditure: a project filed under a 科目 its unit has no row for reads 项目支出 as zero', () => {
  // 205302 宣传及法律服务工作保障经费 419.88 moved from 2040202 to 2040201: 表1-2 has no 205302 2040201 row.
  // (Regression: the rule used to read 表1-2 through the 表3-2 row index and report 26,371.20 of 205303.)
  const line = lineOf('205302\t宣传及法律服务工作保障经费');
  const found = findingsOf(gpbProjectsVsExpenditure, seedWith(...FIX_PROJECT_ROUNDING, [line, '204\t02\t02', '204\t02\t01']));
  assert.equal(found.length, 2);
  const moved = only(found.filter((f) => /2040201/.test(f.message)));
  assert.equal(moved.severity, 'error');
  assert.equal(moved.expected, '419.88');
  assert.equal(moved.actual, '0.00');
  assert.deepEqual(
    moved.locations.map((l) => l.line),
    [line],
  );
  const left = only(found.filter((f) => /2040202/.test(f.message)));
  assert.equal(left.expected, '1441.81');
  assert.equal(left.actual, '1861.69');
  assertPointsAt(left, lineOf('204\t02\t02\t205302\t一般行政管理事务'));
});

test('gpb-projects-vs-expenditure: a project under a 科目 whose 表1-2 row has no 项目支出 points at that row', () => {
  // 205001 应急保障装备专项经费 186.86 moved to 2040201 行政运行, where 表1-2 205001 has 基本支出 only.
  const line = lineOf('205001\t应急保障装备专项经费');
  const found = findingsOf(gpbProjectsVsExpenditure, seedWith(...FIX_PROJECT_ROUNDING, [line, '204\t02\t02', '204\t02\t01']));
  const moved = only(found.filter((f) => /2040201/.test(f.message)));
  assert.equal(moved.expected, '186.86');
  assert.equal(moved.actual, '0.00');
  assert.equal(moved.locations[0]!.line, lineOf('204\t02\t01\t205001\t行政运行'));
  assertPointsAt(moved, line);
});
