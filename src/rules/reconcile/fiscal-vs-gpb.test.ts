import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { fiscalVsGpb } from './fiscal-vs-gpb.js';

// 表2 社会保障和就业支出 2,997.60 (合计, 一般公共预算) = the three 208 rows of 表3.
const SOCIAL = lineOf('社会保障和就业支出\t2,997.60\t2,997.60');

test('fiscal-vs-gpb: 财政拨款收支总表 一般公共预算 column agrees with 一般公共预算支出表 in the example', () => {
  assert.deepEqual(findingsOf(fiscalVsGpb, SEED_TEXT), []);
});

test('fiscal-vs-gpb: a 类 whose 一般公共预算 column differs from 表3 is an error', () => {
  const f = only(findingsOf(fiscalVsGpb, seedWith([SOCIAL, '2,997.60\t2,997.60', '2,997.60\t2,979.60'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '2997.60');
  assert.equal(f.actual, '2979.60');
  assert.equal(f.difference, '-18.00');
  assert.equal(f.locations[0]!.line, SOCIAL);
  assertPointsAt(f, lineOf('208\t05\t05\t205\t机关事业单位基本养老保险缴费支出'));
});

test('fiscal-vs-gpb: a cent against three rounded rows is a rounding warning', () => {
  const f = only(findingsOf(fiscalVsGpb, seedWith([SOCIAL, '2,997.60\t2,997.60', '2,997.60\t2,997.61'])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /尾差/);
  assert.equal(f.expected, '2997.60');
  assert.equal(f.actual, '2997.61');
  assertPointsAt(f, SOCIAL);
});

test('fiscal-vs-gpb: 上年结转 一般公共预算 must equal 表3 上年结转安排 total', () => {
  const line = lineOf('一般公共预算拨款收入\t2,916.52');
  const f = only(findingsOf(fiscalVsGpb, seedWith([line, '2,916.52', '2,961.52'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '2916.52');
  assert.equal(f.actual, '2961.52');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('合 计\t80,818.35\t77,901.83\t2,916.52'));
});

test('fiscal-vs-gpb: a 一般公共预算支出表 that prints no 上年结转安排 column is not compared with 上年结转', () => {
  const line = lineOf('一般公共预算拨款收入\t2,916.52');
  const { disclosure, profile } = readText(seedWith([line, '2,916.52', '2,961.52']));
  const t3 = disclosure.tables.find((t) => t.role === 'gpbByFunction')!;
  disclosure.facts = disclosure.facts.filter((f) => !(f.table === t3.id && f.measure === 'carryOver'));
  t3.measures = t3.measures.filter((m) => m !== 'carryOver');
  assert.deepEqual(
    runRules(disclosure, profile, [fiscalVsGpb]).filter((f) => /上年结转/.test(f.message)),
    [],
  );
});

test('fiscal-vs-gpb: a 一般公共预算支出表 that prints no 当年财政拨款安排 column is not compared as 0', () => {
  const { disclosure, profile } = readText(SEED_TEXT);
  const t3 = disclosure.tables.find((t) => t.role === 'gpbByFunction')!;
  t3.measures = t3.measures.filter((m) => m !== 'currentYear' && m !== 'carryOver');
  disclosure.facts = disclosure.facts.filter((f) => f.table !== t3.id || (f.measure !== 'currentYear' && f.measure !== 'carryOver'));
  assert.deepEqual(
    runRules(disclosure, profile, [fiscalVsGpb]).filter((f) => f.rule === fiscalVsGpb.id),
    [],
  );
  // The same column printed but blank is 0, and disagrees.
  t3.measures.push('currentYear');
  assert.equal(runRules(disclosure, profile, [fiscalVsGpb]).filter((f) => f.rule === fiscalVsGpb.id).length, 1);
});
