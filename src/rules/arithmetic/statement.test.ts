import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { statementIdentity } from './statement.js';

test('statement: 收支总表 and 财政拨款收支总表 of the example balance', () => {
  assert.deepEqual(findingsOf(statementIdentity, SEED_TEXT), []);
});

test('statement: a wrong 收入总计 breaks both 收入总计 = 本年收入合计 + 上年结转 and 收入总计 = 支出总计', () => {
  const line = lineOf('收入总计\t80,818.35\t支出总计');
  const found = findingsOf(statementIdentity, seedWith([line, '收入总计\t80,818.35', '收入总计\t80,818.53']));
  assert.equal(found.length, 2);
  for (const f of found) {
    assert.equal(f.severity, 'error');
    assert.equal(f.expected, '80818.35');
    assert.equal(f.actual, '80818.53');
    assert.equal(f.difference, '0.18');
    assert.equal(f.locations[0]!.line, line);
  }
  const parts = only(found.filter((f) => /上年结转/.test(f.message)));
  assertPointsAt(parts, lineOf('本年收入合计\t77,901.83'));
  assertPointsAt(parts, lineOf('八、上年结转\t2,916.52'));
});

test('statement: 本年收入合计 off by a cent is an error against its single part, a rounding warning in 收入总计', () => {
  const line = lineOf('本年收入合计\t77,901.83');
  const found = findingsOf(statementIdentity, seedWith([line, '77,901.83', '77,901.84']));
  assert.equal(found.length, 2);
  const single = only(found, 'error');
  assert.equal(single.expected, '77901.83');
  assert.equal(single.actual, '77901.84');
  assert.equal(single.locations[0]!.line, line);
  assertPointsAt(single, lineOf('一、一般公共预算拨款收入\t77,901.83'));
  const rounding = only(found, 'warning');
  assert.match(rounding.message, /尾差/);
  assert.equal(rounding.expected, '80818.36');
  assert.equal(rounding.actual, '80818.35');
  assert.equal(rounding.difference, '-0.01');
  assertPointsAt(rounding, line);
});

test('statement: in 财政拨款收支总表 本年支出 must equal the sum of its 类 rows, per column', () => {
  // 表2 公共安全支出 69,051.74 in 合计 and 一般公共预算.
  const line = lineOf('一、上年结转\t2,916.52\t公共安全支出\t69,051.74\t69,051.74');
  const found = findingsOf(statementIdentity, seedWith([line, '69,051.74\t69,051.74', '69,051.74\t69,015.74']));
  const f = only(found);
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '80782.35');
  assert.equal(f.actual, '80818.35');
  assert.equal(f.locations[0]!.table, '2');
  assertPointsAt(f, line);
});

// Shandong prints 上级补助收入 (here 其他收入, moved from its place) below 本年收入合计: outside it,
// inside 收入总计.
const OTHER = [lineOf('六、其他收入'), '六、其他收入', ''] as [number, string, string];
const BELOW = seedWith(
  OTHER,
  [lineOf('七、用事业基金弥补收支差额'), '七、用事业基金弥补收支差额', '其他收入\t100.00'],
  [lineOf('三十二、结转下年'), '三十二、结转下年\t', '三十二、结转下年\t100.00'],
  [lineOf('收入总计\t80,818.35'), '收入总计\t80,818.35\t支出总计\t80,818.35', '收入总计\t80,918.35\t支出总计\t80,918.35'],
);

test('statement: an income line printed below 本年收入合计 counts in 收入总计, not in 本年收入合计', () => {
  assert.deepEqual(findingsOf(statementIdentity, BELOW), []);
});

test('statement: under the declared convention a line below 本年收入合计 that breaks 收入总计 is reported there', () => {
  const text = seedWith(OTHER, [lineOf('七、用事业基金弥补收支差额'), '七、用事业基金弥补收支差额', '其他收入\t100.00']);
  const { disclosure, profile } = readText(text);
  const found = runRules(disclosure, { ...profile, conventions: ['superior-subsidy-below-income-total'] }, [statementIdentity]);
  const f = only(found.filter((x) => x.locations[0]!.line === lineOf('收入总计\t80,818.35')));
  assert.equal(f.expected, '80918.35');
  assert.match(f.message, /其他收入/);
  assert.ok(!found.some((x) => x.locations[0]!.line === lineOf('本年收入合计\t77,901.83')), '本年收入合计 holds without the line below it');
});

test('statement: income printed only as its group total (“一、预算拨款”, no 一般公共预算/政府性基金/国有资本经营 lines) counts as that total', () => {
  const line = lineOf('一、一般公共预算拨款收入\t77,901.83\t一、一般公共服务支出');
  assert.deepEqual(findingsOf(statementIdentity, seedWith([line, '一、一般公共预算拨款收入', '一、预算拨款'])), []);
  // The identity still holds the group total to account: a wrong one is found.
  const f = only(
    findingsOf(statementIdentity, seedWith([line, '一、一般公共预算拨款收入\t77,901.83', '一、预算拨款\t77,991.83'])).filter(
      (x) => x.severity === 'error' && /本年收入合计/.test(x.message),
    ),
  );
  assert.match(f.message, /财政拨款收入/);
  assertPointsAt(f, line);
});
