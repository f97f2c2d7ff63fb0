import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { emptyFundTables } from './empty-fund-tables.js';

// 表2 一、本年支出: 合计 80,818.35, 一般公共预算 80,818.35, 政府性基金 and 国有资本经营 blank.
const SPENDING = lineOf('一、本年支出\t80,818.35\t80,818.35');

test('empty-fund-tables: the example has no 政府性基金 or 国有资本经营 money and both tables are empty', () => {
  assert.deepEqual(findingsOf(emptyFundTables, SEED_TEXT), []);
});

test('empty-fund-tables: 政府性基金 spending in 表2 with an empty 表4 is an error', () => {
  const f = only(findingsOf(emptyFundTables, seedWith([SPENDING, '80,818.35\t80,818.35\t\t', '80,818.35\t80,818.35\t100.00\t'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '100.00');
  assert.equal(f.actual, '0.00');
  assert.equal(f.locations[0]!.table, '4');
  assertPointsAt(f, SPENDING);
});

test('empty-fund-tables: 国有资本经营 spending in 表2 with an empty 表5 is an error', () => {
  const f = only(findingsOf(emptyFundTables, seedWith([SPENDING, '80,818.35\t80,818.35\t\t', '80,818.35\t80,818.35\t\t100.00'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '100.00');
  assert.equal(f.actual, '0.00');
  assert.equal(f.locations[0]!.table, '5');
  assertPointsAt(f, SPENDING);
});

test('empty-fund-tables: figures in 表4-1 while 表4 is empty is an error naming 表4-1', () => {
  const title = lineOf('政府性基金预算“三公”经费支出预算表', 130);
  const total = lineOf('合 计', title);
  const f = only(findingsOf(emptyFundTables, seedWith([total, '合 计\t\t', '合 计\t5.00\t'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.locations[0]!.table, '4-1');
  assert.equal(f.locations[0]!.line, title);
});
