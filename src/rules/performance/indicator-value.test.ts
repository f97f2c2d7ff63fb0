import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoErrors, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { indicatorValue } from './indicator-value.js';

// 高速公路业务技术用房建设及设施设备经费 (2,600.00): 成本指标 设施设备类总投资 ≤ 3266 万元.
const OVER_COST = lineOf('设施设备类总投资');
// 勤务保障专项经费: 服务对象满意度 ≥ 90 %; 提高工作效率 定性 提高.
const SATISFACTION = lineOf('\t服务对象满意度\t≥\t90\t%\t10');
const QUALITATIVE = lineOf('提高工作效率\t定性\t提高\t\t10');
const others = (fs: ReturnType<typeof findingsOf>) => fs.filter((f) => f.locations[0]!.line !== OVER_COST);

test('indicator-value: no error in the example; one cost target above the project amount is a warning', () => {
  const found = findingsOf(indicatorValue, SEED_TEXT);
  assertNoErrors(found);
  const f = only(found);
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '3266');
  assert.equal(f.unit, '万元');
  assert.match(f.message, /超过项目金额 2600 万元/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [OVER_COST],
  );
});

test('indicator-value: a cost target within the project amount passes', () => {
  assert.deepEqual(findingsOf(indicatorValue, seedWith([OVER_COST, '3266', '2600'])), []);
});

test('indicator-value: a quantitative indicator whose value is not a number is an error', () => {
  const f = only(others(findingsOf(indicatorValue, seedWith([SATISFACTION, '≥\t90\t%', '≥\t九十\t%']))));
  assert.equal(f.severity, 'error');
  assert.equal(f.actual, '九十');
  assert.match(f.message, /服务对象满意度.*不是数字/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [SATISFACTION],
  );
});

test('indicator-value: a quantitative indicator without 度量单位 is a warning', () => {
  const f = only(others(findingsOf(indicatorValue, seedWith([SATISFACTION, '≥\t90\t%', '≥\t90\t']))));
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '90');
  assert.match(f.message, /没有度量单位/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [SATISFACTION],
  );
});

test('indicator-value: a qualitative indicator with a number is a warning', () => {
  const f = only(others(findingsOf(indicatorValue, seedWith([QUALITATIVE, '定性\t提高', '定性\t1']))));
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '1');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [QUALITATIVE],
  );
});

test('indicator-value: a cost target raised above the project amount is a warning at that line', () => {
  const line = lineOf('成本控制\t≤\t429.2\t万元');
  const f = only(others(findingsOf(indicatorValue, seedWith([line, '429.2', '492.2']))));
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '492.2');
  assert.match(f.message, /超过项目金额 429.2 万元/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line],
  );
});

test('indicator-value: department indicators are checked too', () => {
  const line = lineOf('保障高速一二期视频监控点位数量');
  const f = only(others(findingsOf(indicatorValue, seedWith([line, '2227', '两千余']))));
  assert.equal(f.severity, 'error');
  assert.equal(f.actual, '两千余');
  assert.match(f.message, /部门整体支出/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line],
  );
});
