import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoErrors, assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { performanceVsProjects } from './performance-vs-projects.js';

// Lines of 表6 (project names and amounts repeat those of 表3-2 above it).
const T6 = lineOf('省级部门预算项目绩效目标表（2024年度）');
const DECLARED = lineOf('205-四川省公安厅交通警察总队部门\t\t32,489.09');
const DUTY = lineOf('勤务保障专项经费\t429.20', T6);
const notInfo = (fs: ReturnType<typeof findingsOf>) => fs.filter((f) => f.severity !== 'info');

test('performance-vs-projects: target amounts of the example fit the project table; two renamed projects are noted', () => {
  const found = findingsOf(performanceVsProjects, SEED_TEXT);
  assertNoErrors(found);
  assert.deepEqual(notInfo(found), []);
  assert.equal(found.length, 2);
  const renamed = only(found.filter((f) => f.actual === '省整治办经费'));
  assert.equal(renamed.expected, '省整治办公费');
  assertPointsAt(renamed, lineOf('省整治办经费\t18.20', T6));
  assertPointsAt(renamed, lineOf('205001\t省整治办公费'));
});

test('performance-vs-projects: a target amount above the project amount is an error', () => {
  const found = notInfo(findingsOf(performanceVsProjects, seedWith([DUTY, '429.20', '492.20'])));
  const f = only(found.filter((x) => x.locations[0]!.line === DUTY));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '429.20');
  assert.equal(f.actual, '492.20');
  assert.equal(f.difference, '63.00');
  assertPointsAt(f, lineOf('205001\t勤务保障专项经费\t429.20'));
  // The 部门合计 no longer equals the sum of the projects either.
  const total = only(found.filter((x) => x.locations[0]!.line === DECLARED));
  assert.equal(total.expected, '32552.09');
  assert.equal(total.actual, '32489.09');
  assertPointsAt(total, DUTY);
});

test('performance-vs-projects: a target short of the project by more than the carry-over is an error', () => {
  // 办公用房维修项目 850.57: 2010399 has no 上年结转, so the target must be the whole amount.
  const line = lineOf('办公用房维修项目\t850.57', T6);
  const found = notInfo(findingsOf(performanceVsProjects, seedWith([line, '850.57', '800.57'])));
  const f = only(found.filter((x) => x.locations[0]!.line === line));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '850.57');
  assert.equal(f.actual, '800.57');
  assert.equal(f.difference, '-50.00');
  // 警务辅助人员经费 10,076.85 against 10,424.99 is within 2040202's 2,481.18 carry-over; 7,000.00 is not.
  const aux = lineOf('警务辅助人员经费\t10,076.85', T6);
  const g = only(notInfo(findingsOf(performanceVsProjects, seedWith([aux, '10,076.85', '7,000.00']))).filter((x) => x.locations[0]!.line === aux));
  assert.equal(g.severity, 'error');
  assert.equal(g.expected, '10424.99');
  assert.equal(g.actual, '7000.00');
  assertPointsAt(g, lineOf('205303\t警务辅助人员经费'));
});

test('performance-vs-projects: a wrong 部门合计 is an error; a cent off is a rounding warning', () => {
  const found = notInfo(findingsOf(performanceVsProjects, seedWith([DECLARED, '32,489.09', '32,498.09'])));
  assert.equal(found.length, 2);
  for (const f of found) {
    assert.equal(f.severity, 'error');
    assert.equal(f.expected, '32489.09');
    assert.equal(f.actual, '32498.09');
    assert.equal(f.locations[0]!.line, DECLARED);
  }
  const rounding = notInfo(findingsOf(performanceVsProjects, seedWith([DECLARED, '32,489.09', '32,489.10'])));
  assert.equal(rounding.length, 2);
  for (const f of rounding) {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /尾差/);
    assert.equal(f.actual, '32489.10');
    assertPointsAt(f, DECLARED);
  }
});

test('performance-vs-projects: a target project missing from the project table is a warning', () => {
  const line = lineOf('成铁交管处专项经费\t79.87', T6);
  const f = only(notInfo(findingsOf(performanceVsProjects, seedWith([line, '成铁交管处专项经费', '无人机采购项目']))));
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '79.87');
  assert.match(f.message, /无人机采购项目/);
  assertPointsAt(f, line);
});
