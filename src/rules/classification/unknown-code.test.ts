import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { unknownCode } from './unknown-code.js';

test('unknown-code: every code of the example is in the catalog', () => {
  assert.deepEqual(findingsOf(unknownCode, SEED_TEXT), []);
});

test('unknown-code: a function code missing from the partial catalog is a warning naming its parent', () => {
  // 表1-2 205901 2040250 事业运行 → 2040298.
  const line = lineOf('204\t02\t50\t205901\t事业运行');
  const f = only(findingsOf(unknownCode, seedWith([line, '204\t02\t50', '204\t02\t98'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '2040298');
  assert.equal(f.expected, null);
  assert.match(f.message, /20402 公安/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line],
  );
  assert.equal(f.locations[0]!.table, '1-2');
});

test('unknown-code: an unknown 5-digit economic code is a warning', () => {
  const line = lineOf('30201\t办公费\t59.00');
  const f = only(findingsOf(unknownCode, seedWith([line, '30201', '30298'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '30298');
  assert.equal(f.locations[0]!.line, line);
  assert.equal(f.locations[0]!.table, '3-1');
});

test('unknown-code: a local 7-digit economic refinement under a known 款 is only noted', () => {
  const line = lineOf('3010201\t国家出台津贴补贴\t139.71');
  const f = only(findingsOf(unknownCode, seedWith([line, '3010201', '3010209'])));
  assert.equal(f.severity, 'info');
  assert.equal(f.actual, '3010209');
  assert.match(f.message, /30102 津贴补贴/);
  assert.equal(f.locations[0]!.line, line);
});

test('unknown-code: an unknown code is reported once, at its first row', () => {
  // 2040250 appears in 表1-2 and 表3; both renamed to 2040298 → one finding per catalog.
  const l12 = lineOf('204\t02\t50\t205901\t事业运行');
  const l3 = lineOf('204\t02\t50\t205\t事业运行');
  const f = only(findingsOf(unknownCode, seedWith([l12, '204\t02\t50', '204\t02\t98'], [l3, '204\t02\t50', '204\t02\t98'])));
  assert.equal(f.locations[0]!.line, l12);
});
