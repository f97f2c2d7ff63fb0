import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { narrativeChange } from './change.js';

// 机关运行经费 8,722.30 万元, 比 2023 年预算增加 38.40 万元, 增长 0.4% (38.40 ÷ 8,683.90 = 0.44 %).
const COST = lineOf('增加 38.40 万元,增长 0.4%');

test('narrative.change: the example’s change amount and rate agree', () => {
  assert.deepEqual(findingsOf(narrativeChange, SEED_TEXT), []);
});

test('narrative.change: a rate that does not follow from the change amount is an error', () => {
  const f = only(findingsOf(narrativeChange, seedWith([COST, '增长 0.4%', '增长 0.5%'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '0.4');
  assert.equal(f.actual, '0.5');
  assert.equal(f.difference, '0.1');
  assert.equal(f.unit, '%');
  assertPointsAt(f, COST);
});

test('narrative.change: a truncated rate is a warning', () => {
  // 39.00 ÷ 8,683.30 = 0.449 %: 0.45 rounded, 0.44 truncated.
  const f = only(findingsOf(narrativeChange, seedWith([COST, '增加 38.40 万元,增长 0.4%', '增加 39.00 万元,增长 0.44%'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '0.45');
  assert.equal(f.actual, '0.44');
  assert.equal(f.difference, '-0.01');
  assertPointsAt(f, COST);
});

test('narrative.change: 增加 with 下降 in the same sentence is a contradiction', () => {
  const f = only(findingsOf(narrativeChange, seedWith([COST, '增长 0.4%', '下降 0.4%'])));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /方向矛盾/);
  assert.equal(f.actual, '下降0.4%');
  assertPointsAt(f, COST);
});

test('narrative.change: 持平 next to a non-zero change of the same figure is an error', () => {
  const f = only(findingsOf(narrativeChange, seedWith([COST, '增长 0.4%,与 2023 年基本持平', '与 2023 年持平'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '0');
  assert.equal(Number(f.actual), 38.4);
  assertPointsAt(f, COST);
});

test('narrative.change: the year before stated in the sentence is the base of the rate', () => {
  // 8722.30 − 6722.30 = 2000.00; 2000.00 ÷ 6722.30 = 29.75 %. The amount next to 增加 is last year's.
  const stated = seedWith([COST, '比 2023 年预算增加 38.40 万元,增长 0.4%', '比 2023 年预算 6722.30 万元增加 2000.00 万元,增长 29.75%']);
  assert.deepEqual(findingsOf(narrativeChange, stated), []);
  const wrong = only(findingsOf(narrativeChange, stated.replace('增长 29.75%', '增长 30.75%')));
  assert.equal(wrong.severity, 'error');
  assert.equal(wrong.expected, '29.75');
  assert.match(wrong.message, /上年数 6722\.30万元/);
});

test('narrative.change: 持平 is about the amount before it, not a later clause’s', () => {
  const two = seedWith(
    [COST, '的机关运行经费财政拨款预算为', '的公务用车购置费 0.00 万元,与 2023 年预算持平;机关运行经费财政拨款预算为'],
    [COST, ',增长 0.4%,与 2023 年基本持平。', '。'],
  );
  assert.deepEqual(findingsOf(narrativeChange, two), []);
});

test('narrative.change: with both years stated and the rate fitting their difference, the change amount is what is off', () => {
  const text = seedWith([COST, '比 2023 年预算增加 38.40 万元,增长 0.4%', '比 2023 年预算 6722.30 万元增加 2003.00 万元,增长 29.75%']);
  const f = only(findingsOf(narrativeChange, text));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '2000.00');
  assert.equal(f.actual, '2003');
  assert.equal(f.unit, '万元');
  assert.match(f.message, /相差 2000\.00万元/);
});

test('narrative.change: a rate goes with the change stated just before it (two bases in one sentence)', () => {
  // w107 p72: "比上年增加948.35万元，增长23%…如对比2025年年度预算，则减少64.62万元，下降1.26%".
  const text = seedWith([COST, '增长 0.4%,与 2023 年基本持平', '增长 0.4%,如对比 2023 年年度预算,则减少 64.62 万元,下降 0.74%']);
  assert.deepEqual(findingsOf(narrativeChange, text), []);
});

test('narrative.change: a change after closing brackets is the amount’s before them', () => {
  // w096 p25: "公务用车购置及运行维护费74.1万元（…运行维护费74.1万元，比上年增加57.2万元。）比上年增加39.2万元，增长112.3%".
  const line = lineOf('公务用车购置及运行维护费 3354.00 万元');
  const text = seedWith([
    line,
    '公务用车购置及运行维护费 3354.00 万元,',
    '公务用车购置及运行维护费 3354.00 万元（公务用车购置费 0 万元，比上年减少 18 万元；公务用车运行维护费 3354.00 万元，比上年增加 57.2 万元。）比上年增加 39.2 万元，增长 1.18%，',
  ]);
  assert.deepEqual(findingsOf(narrativeChange, text), []);
  // The rate is still checked: against 39.2, 1.30% is wrong.
  assert.equal(only(findingsOf(narrativeChange, text.replace('增长 1.18%', '增长 1.30%'))).expected, '1.18');
});
