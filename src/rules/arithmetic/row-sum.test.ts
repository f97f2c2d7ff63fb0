import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { DisclosureIndex } from '../../model/query.js';
import { rowSum, rowSumChecks } from './row-sum.js';

test('row-sum: the example rows add up', () => {
  assert.deepEqual(findingsOf(rowSum, SEED_TEXT), []);
});

test('row-sum: a row whose 合计 differs from 基本 + 项目 is an error naming the cell', () => {
  // 部门支出总表, 205001 行政运行: 合计 3,137.02 = 基本 3,137.02
  const line = lineOf('204\t02\t01\t205001\t行政运行');
  const found = findingsOf(rowSum, seedWith([line, '3,137.02\t3,137.02', '3,137.02\t3,137.20']));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'error');
  assert.equal(found[0]!.expected, '3137.20');
  assert.equal(found[0]!.actual, '3137.02');
  assert.ok(found[0]!.locations.some((l) => l.line === line));
});

test('row-sum: a one-cent difference over two parts is a rounding warning', () => {
  const line = lineOf('205001\t四川省公安厅交通警察总队\t3,725.62');
  const found = findingsOf(rowSum, seedWith([line, '3,725.62\t2,332.85', '3,725.63\t2,332.85']));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.match(found[0]!.message, /尾差/);
});

test('row-sum: a total blank in every row is a heading over its parts, not a column of zeros; one blank cell still counts', () => {
  const { disclosure, profile } = readText(SEED_TEXT);
  const t = disclosure.tables.find((x) => x.id === '1-2')!;
  const totals = disclosure.facts.filter((f) => f.table === t.id && f.measure === 'total');
  assert.ok(totals.length > 3);
  const without = (drop: (f: (typeof totals)[number]) => boolean) => {
    const d = structuredClone(disclosure);
    d.facts = d.facts.filter((f) => !(f.table === t.id && f.measure === 'total' && drop(f)));
    return runRules(d, profile, [rowSum]).filter((f) => f.rule === rowSum.id);
  };
  assert.deepEqual(
    without(() => true),
    [],
  );
  const one = totals.find((f) => f.rowKind === 'detail' && f.value !== '0.00')!;
  const found = without((f) => f === one || (f.row === one.row && f.measure === one.measure));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /未填列/);
});

test('row-sum: a row whose total equals its only printed part tells nothing about which column the part is in', () => {
  const { disclosure, profile } = readText(SEED_TEXT);
  const checks = rowSumChecks({ doc: disclosure, profile, index: new DisclosureIndex(disclosure) }).filter((c) => c.table === '1-2');
  const row = (label: string) => disclosure.tables.find((t) => t.id === '1-2')!.rows.find((r) => r.label.includes(label))!.index;
  // 行政运行 3,137.02 = 基本 3,137.02 (项目 blank); the unit 四川省公安厅交通警察总队 7,236.55 = 3,725.62 + 3,510.93.
  assert.equal(checks.find((c) => c.row === row('行政运行'))?.uninformative, true);
  assert.equal(checks.find((c) => c.row === row('四川省公安厅交通警察总队'))?.uninformative, false);
});
