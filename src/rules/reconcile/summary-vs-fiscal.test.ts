import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { summaryVsFiscal } from './summary-vs-fiscal.js';

// 表2 lines.
const GPB_INCOME = lineOf('一般公共预算拨款收入\t77,901.83\t一般公共服务支出');
const CARRY = lineOf('一、上年结转\t2,916.52\t公共安全支出');
// 表1: 四、事业收入 (blank): filling it makes the department's money not all 财政拨款.
const BUSINESS = lineOf('四、事业收入\t');

test('summary-vs-fiscal: 财政拨款收支总表 agrees with 部门收支总表 in the example', () => {
  assert.deepEqual(findingsOf(summaryVsFiscal, SEED_TEXT), []);
});

test('summary-vs-fiscal: a different 一般公共预算拨款收入 is an error', () => {
  const f = only(findingsOf(summaryVsFiscal, seedWith([GPB_INCOME, '77,901.83', '77,910.83'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '77901.83');
  assert.equal(f.actual, '77910.83');
  assert.equal(f.difference, '9.00');
  assert.equal(f.locations[0]!.line, GPB_INCOME);
  assertPointsAt(f, lineOf('一、一般公共预算拨款收入\t77,901.83'));
});

test('summary-vs-fiscal: with all money 财政拨款, 上年结转 and each 类 must match too', () => {
  const carry = only(findingsOf(summaryVsFiscal, seedWith([CARRY, '2,916.52', '2,961.52'])));
  assert.equal(carry.severity, 'error');
  assert.equal(carry.expected, '2916.52');
  assert.equal(carry.actual, '2961.52');
  assertPointsAt(carry, CARRY);
  assertPointsAt(carry, lineOf('八、上年结转\t2,916.52'));

  const safety = only(findingsOf(summaryVsFiscal, seedWith([CARRY, '69,051.74\t69,051.74', '69,015.74\t69,051.74'])));
  assert.equal(safety.severity, 'error');
  assert.equal(safety.expected, '69051.74');
  assert.equal(safety.actual, '69015.74');
  assertPointsAt(safety, CARRY);
  assertPointsAt(safety, lineOf('四、公共安全支出\t69,051.74'));
});

test('summary-vs-fiscal: with other income besides 财政拨款 the 类 rows may differ, the 财政拨款 income may not', () => {
  const edits: [number, string, string][] = [
    [BUSINESS, '四、事业收入\t', '四、事业收入\t100.00'],
    [CARRY, '69,051.74\t69,051.74', '69,015.74\t69,051.74'],
  ];
  assert.deepEqual(findingsOf(summaryVsFiscal, seedWith(...edits)), []);
  // (Only the other income kept: with the 类 row edited too, 表2 would break identities for two
  // unrelated reasons and no longer count as read reliably.)
  const f = only(findingsOf(summaryVsFiscal, seedWith(edits[0]!, [GPB_INCOME, '77,901.83', '77,910.83'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.actual, '77910.83');
  assertPointsAt(f, GPB_INCOME);
});

// 表1 一般公共预算 printed as this year's grant plus 上年结转 (Chongqing): 77,901.83 + 2,916.52.
const WITH_CARRY = seedWith([lineOf('一、一般公共预算拨款收入\t77,901.83'), '77,901.83', '80,818.35']);

test('summary-vs-fiscal: a 收支总表 一般公共预算 that includes 上年结转 is not a mismatch', () => {
  assert.deepEqual(findingsOf(summaryVsFiscal, WITH_CARRY), []);
});

test('summary-vs-fiscal: under the carry-over convention a wrong sum is an error naming the convention', () => {
  const text = seedWith([lineOf('一、一般公共预算拨款收入\t77,901.83'), '77,901.83', '80,881.35']);
  const { disclosure, profile } = readText(text);
  const declared = { ...profile, conventions: ['fiscal-income-includes-carry-over' as const] };
  const f = only(runRules(disclosure, declared, [summaryVsFiscal]));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '80881.35');
  assert.equal(f.actual, '80818.35');
  assert.match(f.message, /上年结转/);
  // Without the convention the plain identity is checked and fails too.
  assert.equal(only(findingsOf(summaryVsFiscal, text)).expected, '80881.35');
});
