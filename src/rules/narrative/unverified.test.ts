import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { unverified } from './unverified.js';

// Figures of the example that need last year's disclosure, or that no table shows (机关运行经费).
const EXPECTED = [
  ['收支预算总数', '3480.25'],
  ['财政拨款收支预算总数', '3480.25'],
  ['一般公共预算当年拨款', '1750.61'],
  ['公务接待费', '0'],
  ['公务用车购置及运行维护费', '12.98'],
  ['机关运行经费', '8722.3'],
  ['机关运行经费', '38.4'],
  ['机关运行经费', '0.4'],
] as const;

test('narrative.unverified: lists the example’s figures that cannot be checked from it alone, as info', () => {
  const found = findingsOf(unverified, SEED_TEXT);
  assert.ok(found.every((f) => f.severity === 'info'));
  assert.deepEqual(
    found.map((f) => Number(f.actual)),
    EXPECTED.map(([, v]) => Number(v)),
  );
  found.forEach((f, i) => assert.ok(f.message.includes(EXPECTED[i]![0]), f.message));
  assert.deepEqual(
    found.map((f) => f.locations[0]!.line),
    [
      lineOf('比 2023 年收支预算总数减少'),
      lineOf('比 2023 年财政拨款收支预算总数减少'),
      lineOf('比 2023 年预算数减少 1750.61'),
      lineOf('公务接待费与 2023 年预算持平'),
      lineOf('下降 12.98%'),
      ...Array(3).fill(lineOf('增加 38.40 万元')),
    ],
  );
});

test('narrative.unverified: an amount whose subject matches no table figure is listed', () => {
  const line = lineOf('公共安全支出 66135.22 万元');
  const found = findingsOf(unverified, seedWith([line, '公共安全支出 66135.22', '公共安全经费 66135.22']));
  assert.equal(found.length, EXPECTED.length + 1);
  const f = only(found.filter((x) => x.locations[0]!.line === line));
  assert.equal(f.severity, 'info');
  assert.equal(f.actual, '66135.22');
  assert.equal(f.unit, '万元');
  assert.match(f.message, /公共安全经费.*报表中没有对应数字/);
});
