import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { FIX_MISFILED_ITEM } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { narrativeAmount } from './amount.js';

const MISFILED = lineOf('16. 债务付息支出(类)');
const ISSUE_COST = lineOf('233\t03\t01\t205\t地方政府一般债务发行费用支出');

test('narrative.amount: the example files 地方政府一般债务发行费用支出 under 债务付息支出（类）', () => {
  const f = only(findingsOf(narrativeAmount, SEED_TEXT));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /科目归类错误.*2330301.*233 债务发行费用支出（类）/);
  assert.equal(f.expected, null);
  assert.equal(f.actual, '债务付息支出(类)地方政府一般债务付息支出(款)地方政府一般债务发行费用支出(项)');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [MISFILED, ISSUE_COST],
  );
});

test('narrative.amount: filed under its own 类 and 款, every amount of the narrative matches its table', () => {
  assert.deepEqual(findingsOf(narrativeAmount, seedWith(...FIX_MISFILED_ITEM)), []);
});

test('narrative.amount: a narrative amount that differs from its table is an error', () => {
  const line = lineOf('一般公共预算基本支出 45412.74');
  const f = only(findingsOf(narrativeAmount, seedWith(...FIX_MISFILED_ITEM, [line, '45412.74', '45421.74'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '45412.74');
  assert.equal(f.actual, '45421.74');
  assert.equal(f.difference, '9.00');
  assert.equal(f.locations[0]!.line, line);
  assertPointsAt(f, lineOf('合 计\t45,412.74\t32,025.66'));
});

test('narrative.amount: amounts are compared at the precision written', () => {
  // 财政拨款 section: 教育支出 556.4 (one decimal) against 表2 556.40.
  const line = lineOf('教育支出 556.4 万元');
  const f = only(findingsOf(narrativeAmount, seedWith(...FIX_MISFILED_ITEM, [line, '教育支出 556.4 万元', '教育支出 556.5 万元'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '556.4');
  assert.equal(f.actual, '556.5');
  assert.equal(f.difference, '0.1');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('一般公共预算拨款收入\t2,916.52\t教育支出\t556.40'));
});

test('narrative.amount: the section sets the basis — 当年拨款 structure uses the current-year column', () => {
  // 69,051.74 is 公共安全支出 in 表1/表2, but the 当年拨款 part is 66,135.22.
  const line = lineOf('公共安全支出 66135.22 万元');
  const f = only(findingsOf(narrativeAmount, seedWith(...FIX_MISFILED_ITEM, [line, '66135.22', '69051.74'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '66135.22');
  assert.equal(f.actual, '69051.74');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('204\t02\t01\t205\t行政运行'));
});

test('narrative.amount: 三公 amounts are compared with the 三公 table', () => {
  const line = lineOf('其中：公务接待费 33.50 万元');
  const f = only(findingsOf(narrativeAmount, seedWith(...FIX_MISFILED_ITEM, [line, '33.50', '35.30'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '33.50');
  assert.equal(Number(f.actual), 35.3);
  assert.equal(f.difference, '1.80');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('\t合 计\t3,387.50'));
});

// 交警总队 2024 年支出预算 80818.35 万元，其中：基本支出 45412.74 万元… (收支预算 section: all funds).
const SPENDING = lineOf('交警总队 2024 年支出预算 80818.35 万元');
const SPENDING_TEXT = '交警总队 2024 年支出预算 80818.35 万元，其中：基本支出 45412.74 万元，占 56.19%；项目支出 35405.61 万元，占 43.81%。';
const say = (text: string) => findingsOf(narrativeAmount, seedWith(...FIX_MISFILED_ITEM, [SPENDING, SPENDING_TEXT, text]));

test('narrative.amount: a part has the basis its total names (一般公共预算财政拨款支出 X，其中：基本支出 Y)', () => {
  // w087 p4, in "三、财政拨款情况说明": Y is the 一般公共预算 基本支出, not the all-funds one.
  const all = only(say('交警总队 2024 年支出预算 80818.35 万元，其中：基本支出 45000.00 万元。'));
  const gpb = only(say('交警总队 2024 年一般公共预算财政拨款支出 80818.35 万元，其中：基本支出 45000.00 万元。'));
  assert.equal(gpb.expected, '45412.74');
  assert.notEqual(gpb.locations[1]!.table, all.locations[1]!.table);
  assert.match(gpb.locations[1]!.tableTitle ?? '', /一般公共预算基本支出/);
  // A 政府性基金 total's 基本支出 is in no table of this document.
  assert.deepEqual(say('交警总队 2024 年政府性基金预算支出 80818.35 万元，其中：基本支出 45000.00 万元。'), []);
});

test('narrative.amount: 人员经费 of one economic class, 上年结转 of one project and amounts given as reasons are no department totals', () => {
  // Stated alone, each is the department's and compared.
  assert.equal(only(say('其中：人员经费 138.06 万元。')).expected, '32025.66');
  assert.equal(only(say('上年结转 122.31 万元。')).expected, '2916.52');
  assert.equal(only(say('2024 年因公出国费按批复额度 89.60 万元在二上时已纳入部门预算。')).expected, '0.00');
  for (const text of [
    // w151 p19
    '对个人和家庭的补助（303）100151.38 万元,其中：人员经费 138.06 万元, 较上年增加 13.93万元，属于正常变化。',
    // w063 p8
    '广深港高铁西九龙站内地口岸区物业管理服务 2,520.00 万元，上年结转122.31 万元，用于广深港高铁西九龙内地口岸区运行维护工作。',
    // w071 p13
    '主要是按照市财政填报口径，2023 年因公出国（境）费用按执行数统计，2024 年因公出国费按批复额度 89.60 万元在二上时已纳入部门预算。',
  ])
    assert.deepEqual(say(text), [], text);
});
