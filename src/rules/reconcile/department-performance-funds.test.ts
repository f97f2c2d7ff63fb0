import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { departmentPerformanceFunds } from './department-performance-funds.js';

// 表7: 资金总额 80,818.35 = 财政拨款 80,818.35 + 其他资金 0.00.
const FUNDS = lineOf('\t80,818.35\t80,818.35\t\t\t0.00');

test('department-performance-funds: 表7 funds of the example agree with 表1 and 表2', () => {
  assert.deepEqual(findingsOf(departmentPerformanceFunds, SEED_TEXT), []);
});

test('department-performance-funds: a wrong 资金总额 differs from 收入总计 and from 财政拨款 + 其他资金', () => {
  const found = findingsOf(departmentPerformanceFunds, seedWith([FUNDS, '\t80,818.35\t80,818.35', '\t80,881.35\t80,818.35']));
  assert.equal(found.length, 2);
  for (const f of found) {
    assert.equal(f.severity, 'error');
    assert.equal(f.expected, '80818.35');
    assert.equal(f.actual, '80881.35');
    assert.equal(f.difference, '63.00');
    assert.equal(f.locations[0]!.line, FUNDS);
  }
  assertPointsAt(only(found.filter((f) => /收入总计/.test(f.message))), lineOf('收入总计\t80,818.35'));
});

test('department-performance-funds: one cent off 财政拨款 + 其他资金 is a rounding warning, off 收入总计 an error', () => {
  const found = findingsOf(departmentPerformanceFunds, seedWith([FUNDS, '\t80,818.35\t80,818.35', '\t80,818.36\t80,818.35']));
  const e = only(found, 'error');
  assert.equal(e.expected, '80818.35');
  assert.equal(e.actual, '80818.36');
  assertPointsAt(e, FUNDS);
  const w = only(found, 'warning');
  assert.match(w.message, /尾差/);
  assert.equal(w.expected, '80818.35');
  assert.equal(w.actual, '80818.36');
  assertPointsAt(w, FUNDS);
});

test('department-performance-funds: 财政拨款 must equal 表2 本年收入 + 上年结转', () => {
  const found = findingsOf(departmentPerformanceFunds, seedWith([FUNDS, '\t80,818.35\t80,818.35', '\t80,818.35\t80,881.35']));
  assert.equal(found.length, 2);
  const fiscal = only(found.filter((f) => /表2/.test(f.message)));
  assert.equal(fiscal.severity, 'error');
  assert.equal(fiscal.expected, '80818.35');
  assert.equal(fiscal.actual, '80881.35');
  assertPointsAt(fiscal, FUNDS);
  assertPointsAt(fiscal, lineOf('一、本年收入\t77,901.83'));
  const sum = only(found.filter((f) => !/表2/.test(f.message)));
  assert.equal(sum.expected, '80881.35');
  assert.equal(sum.actual, '80818.35');
});
