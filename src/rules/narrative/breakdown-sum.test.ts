import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_LINES, SEED_TEXT, seedWith } from '../../../test/support/seed.js';

const lineText = (n: number) => SEED_LINES[n - 1]!;
import { breakdownSum } from './breakdown-sum.js';

// 单位现有公务用车 625 辆，其中：轿车 317 + 越野车 28 + 小型客车 1 + 中型客车和大型客车 5 + 其他车型 274.
const FLEET = lineOf('轿车 317 辆');
// 政府采购预算 14522.82 = 货物 7391.14 + 工程 0 + 服务 7131.68.
const PROCUREMENT = lineOf('政府采购货物预算 7391.14');

test('breakdown-sum: every breakdown of the example adds up', () => {
  assert.deepEqual(findingsOf(breakdownSum, SEED_TEXT), []);
});

test('breakdown-sum: parts adding up to more than the total are an error', () => {
  const f = only(findingsOf(breakdownSum, seedWith([FLEET, '轿车 317 辆', '轿车 318 辆'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '625');
  assert.equal(f.actual, '626');
  assert.equal(f.difference, '1');
  assert.equal(f.unit, '辆');
  assert.deepEqual([...new Set(f.locations.map((l) => l.line))], [FLEET]);
});

test('breakdown-sum: parts adding up to less than the total are a warning (perhaps not all listed)', () => {
  const f = only(findingsOf(breakdownSum, seedWith([FLEET, '轿车 317 辆', '轿车 316 辆'])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /可能未列全/);
  assert.equal(f.expected, '625');
  assert.equal(f.actual, '624');
  assert.equal(f.difference, '-1');
});

test('breakdown-sum: money parts within the rounding tolerance are a warning, beyond it an error', () => {
  const rounding = only(findingsOf(breakdownSum, seedWith([PROCUREMENT, '7391.14', '7391.15'])));
  assert.equal(rounding.severity, 'warning');
  assert.match(rounding.message, /尾差/);
  assert.equal(rounding.expected, '14522.82');
  assert.equal(rounding.actual, '14522.83');
  assert.equal(rounding.locations[0]!.line, PROCUREMENT);
  const over = only(findingsOf(breakdownSum, seedWith([PROCUREMENT, '7391.14', '7391.44'])));
  assert.equal(over.severity, 'error');
  assert.equal(over.expected, '14522.82');
  assert.equal(over.actual, '14523.12');
  assert.equal(over.difference, '0.30');
  assert.equal(over.unit, '万元');
});

test('breakdown-sum: project counts by category must add up', () => {
  const line = lineOf('人员类项目 11 个');
  const f = only(findingsOf(breakdownSum, seedWith([line, '人员类项目 11 个', '人员类项目 12 个'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '60');
  assert.equal(f.actual, '61');
  assert.equal(f.locations[0]!.line, line);
});

test('breakdown-sum: a figure after the parts that is not one of them (实有人员 after 行政/事业编制) is left out', () => {
  const line = '单位现有公务用车 625 辆，其中：轿车 317 辆，越野车 28 辆，小型客车 1 辆，中型客车和大型客车 5 辆，其他车型 274 辆。';
  const staff = '本部门人员编制 125 人，其中：行政编制 100 人，事业编制 25 人，实有人员 120 人。';
  assert.deepEqual(findingsOf(breakdownSum, seedWith([FLEET, line, staff])), []);
  // The real parts still have to add up.
  const wrong = only(findingsOf(breakdownSum, seedWith([FLEET, line, staff.replace('事业编制 25', '事业编制 35')])));
  assert.equal(wrong.actual, '135');
});

test('breakdown-sum: a part broken down in brackets is counted once', () => {
  const line =
    '单位现有公务用车 625 辆，其中：轿车 317 辆，越野车 28 辆，小型客车 1 辆，中型客车和大型客车 5 辆，其他车型 274 辆（工程抢险 200 辆、特种专业技术 74 辆）。';
  assert.deepEqual(findingsOf(breakdownSum, seedWith([FLEET, /单位现有公务用车.*$/.exec(lineText(FLEET))![0], line])), []);
});

test('breakdown-sum: parts that add up to the total before running on into the next clause are not over', () => {
  const line = '单位现有公务用车 625 辆，其中：轿车 317 辆，越野车 28 辆，小型客车 1 辆，中型客车和大型客车 5 辆，其他车型 274 辆；更新前共有车辆 640 辆。';
  assert.deepEqual(findingsOf(breakdownSum, seedWith([FLEET, /单位现有公务用车.*$/.exec(lineText(FLEET))![0], line])), []);
  // Parts that fit no reading are still an error.
  const wrong = only(findingsOf(breakdownSum, seedWith([FLEET, /单位现有公务用车.*$/.exec(lineText(FLEET))![0], line.replace('轿车 317', '轿车 318')])));
  assert.equal(wrong.severity, 'error');
});

test('breakdown-sum: parts that break down their own first part belong to another figure: a warning', () => {
  const line = '单位现有公务用车 62 辆，其中：车辆总数 625 辆，轿车 317 辆，越野车 28 辆，小型客车 1 辆，中型客车和大型客车 5 辆，其他车型 274 辆。';
  const f = only(findingsOf(breakdownSum, seedWith([FLEET, /单位现有公务用车.*$/.exec(lineText(FLEET))![0], line])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /另一数额的明细/);
});

test('breakdown-sum: a breakdown printed twice restates its total’s, it does not break down the last part', () => {
  // w079 p71: 8 + 1 = 9 辆 and 144 + 18 = 162 万元, the list repeated after "报废更新，其中：".
  const line = lineOf('单位现有公务用车 625 辆');
  const text = seedWith([
    line,
    '单位现有公务用车 625 辆，其中：轿车 317 辆，越野车 28 辆，小型客车 1 辆，中型客车和大型客车 5 辆，其他车型 274 辆。',
    '2024 年计划购置车辆 9 辆、162 万元，报废更新，其中：使用财政拨款预算购置车辆 8 辆，144 万元、使用单位资金购置车辆 1 辆，18 万元报废更新，其中：使用财政拨款预算购置车辆 8 辆，144 万元、使用单位资金购置车辆 1 辆，18 万元；',
  ]);
  assert.deepEqual(findingsOf(breakdownSum, text), []);
});
