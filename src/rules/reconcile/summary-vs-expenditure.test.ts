import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { summaryVsExpenditure } from './summary-vs-expenditure.js';

// 表1 四、公共安全支出 69,051.74 = the seven 204 rows of 表1-2.
const SAFETY = lineOf('四、公共安全支出\t69,051.74');

test('summary-vs-expenditure: every 类 of the example matches 部门支出总表', () => {
  assert.deepEqual(findingsOf(summaryVsExpenditure, SEED_TEXT), []);
});

test('summary-vs-expenditure: a 类 that differs from the sum of its 部门支出总表 rows is an error', () => {
  const f = only(findingsOf(summaryVsExpenditure, seedWith([SAFETY, '69,051.74', '69,015.74'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '69051.74');
  assert.equal(f.actual, '69015.74');
  assert.equal(f.difference, '-36.00');
  assert.equal(f.locations[0]!.line, SAFETY);
  assertPointsAt(f, lineOf('204\t02\t01\t205303\t行政运行'));
});

test('summary-vs-expenditure: a cent against seven rounded rows is a rounding warning', () => {
  const f = only(findingsOf(summaryVsExpenditure, seedWith([SAFETY, '69,051.74', '69,051.75'])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /尾差/);
  assert.equal(f.expected, '69051.74');
  assert.equal(f.actual, '69051.75');
  assertPointsAt(f, SAFETY);
});

test('summary-vs-expenditure: 本年支出合计 is compared with the 部门支出总表 total', () => {
  const line = lineOf('本年支出合计\t80,818.35');
  const f = only(findingsOf(summaryVsExpenditure, seedWith([line, '本年支出合计\t80,818.35', '本年支出合计\t80,881.35'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '80818.35');
  assert.equal(f.actual, '80881.35');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('合 计\t80,818.35\t45,412.74'));
});

test('summary-vs-expenditure: a 部门支出总表 row moved to another 类 shows in both 类', () => {
  // 表1-2 205001 培训支出 8.00: 205 08 03 → 204 08 03, so 教育 loses 8.00 and 公共安全 gains it.
  const line = lineOf('205\t08\t03\t205001\t培训支出');
  const found = findingsOf(summaryVsExpenditure, seedWith([line, '205\t08\t03', '204\t08\t03']));
  assert.equal(found.length, 2);
  const safety = only(found.filter((f) => f.locations[0]!.line === SAFETY));
  assert.equal(safety.expected, '69059.74');
  assert.equal(safety.actual, '69051.74');
  assertPointsAt(safety, line);
  const education = only(found.filter((f) => f.locations[0]!.line === lineOf('五、教育支出\t556.40')));
  assert.equal(education.severity, 'error');
  assert.equal(education.expected, '548.40');
  assert.equal(education.actual, '556.40');
});

test('summary-vs-expenditure: a 部门支出总表 laid out by unit (no 功能分类 rows) is compared by its total only', () => {
  const { disclosure, profile } = readText(SEED_TEXT);
  const t12 = disclosure.tables.find((t) => t.role === 'expenditureByFunction')!;
  const run = () => runRules(disclosure, profile, [summaryVsExpenditure]).filter((f) => f.rule === summaryVsExpenditure.id);
  // Strip the function codes, as a table printed by 单位编码/单位名称 has none; a 3-digit 单位编码
  // (253 西安市住房和城乡建设局) is no 功能分类 class.
  for (const r of t12.rows) if (r.kind === 'detail') r.code = null;
  t12.rows.find((r) => r.kind === 'detail')!.code = '253';
  assert.deepEqual(run(), []);
  // The total still compares.
  const total = disclosure.tables.find((t) => t.role === 'summary')!.rows.find((r) => r.item === 'currentYearExpenditure')!;
  const fact = disclosure.facts.find((f) => f.table === '1' && f.row === total.index && f.measure === 'amount')!;
  fact.value = '80881.35';
  assert.equal(run().length, 1);
});
