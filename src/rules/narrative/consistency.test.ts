import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { narrativeConsistency } from './consistency.js';

test('narrative.consistency: fleet size, vehicles to buy and unit count agree in the example', () => {
  assert.deepEqual(findingsOf(narrativeConsistency, SEED_TEXT), []);
});

test('narrative.consistency: a different fleet size in the assets section is an error', () => {
  const line = lineOf('共有车辆 625 辆');
  const f = only(findingsOf(narrativeConsistency, seedWith([line, '共有车辆 625 辆', '共有车辆 626 辆'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '625');
  assert.equal(f.actual, '626');
  assert.equal(f.unit, '辆');
  assertPointsAt(f, line);
  assertPointsAt(f, lineOf('单位现有公务用车 625 辆'));
});

test('narrative.consistency: vehicles to buy with a 购置费 of 0 is a warning', () => {
  const line = lineOf('拟购置公务用车 0 辆');
  const f = only(findingsOf(narrativeConsistency, seedWith([line, '拟购置公务用车 0 辆', '拟购置公务用车 2 辆'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '2');
  assert.equal(f.locations[0]!.line, line);
});

test('narrative.consistency: a stated unit count different from the listed units is an error', () => {
  const line = lineOf('二级预算单位 4 个');
  const f = only(findingsOf(narrativeConsistency, seedWith([line, '二级预算单位 4 个', '二级预算单位 5 个'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '4');
  assert.equal(f.actual, '5');
  assert.equal(f.difference, '1');
  assert.equal(f.locations[0]!.line, line);
});

test('narrative.consistency: fleet sizes as of different years need not agree', () => {
  // w151 p23: "（2020 年车辆保有量 10 辆）" against "截至 2019 年底…共有车辆25辆".
  const line = lineOf('单位现有公务用车 625 辆');
  const edits: [number, string, string][] = [
    [line, '单位现有公务用车 625 辆', '2022 年单位公务用车保有量 626 辆'],
    [lineOf('用于 625 辆公务用车'), '用于 625 辆公务用车', '用于公务用车'],
  ];
  assert.deepEqual(findingsOf(narrativeConsistency, seedWith(...edits)), []);
  // Undated, the same count is compared with the one as of 2023.
  edits[0]![2] = '单位现有公务用车 626 辆';
  assert.equal(only(findingsOf(narrativeConsistency, seedWith(...edits))).severity, 'error');
});
