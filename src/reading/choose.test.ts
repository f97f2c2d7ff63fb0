import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSeed } from '../../test/support/seed.js';
import { chooseReading, evidenceOf } from './choose.js';

test('choose: the reading the identities confirm wins over a default that breaks them', () => {
  const { disclosure, profile } = readSeed();
  const table = disclosure.tables.find((t) => t.id === '1-2')!;
  const facts = disclosure.facts.filter((f) => f.table === '1-2');
  // A misread default: every 基本支出 figure moved to 项目支出 of the row below.
  const shifted = facts.map((f) => (f.measure === 'basic' && f.rowKind === 'detail' ? { ...f, row: f.row + 1 } : f));
  const right = { why: '右', table, facts };
  const wrong = { why: '错', table, facts: shifted };
  assert.ok(evidenceOf(wrong, profile).failed > 0);
  const { chosen, index } = chooseReading([wrong, right], profile);
  assert.equal(index, 1);
  assert.equal(chosen.why, '右');
});

test('choose: a candidate that merely reads fewer figures does not beat the default', () => {
  const { disclosure, profile } = readSeed();
  const table = disclosure.tables.find((t) => t.id === '1-2')!;
  const facts = disclosure.facts.filter((f) => f.table === '1-2');
  const fewer = facts.filter((f) => f.measure === 'total');
  const { index } = chooseReading(
    [
      { why: '默认', table, facts },
      { why: '少读', table, facts: fewer },
    ],
    profile,
  );
  assert.equal(index, 0);
});

test('choose: an of-which column read as a part of the row is no failing reading: left out, or left out of the sum', () => {
  const { disclosure, profile } = readSeed();
  const table = disclosure.tables.find((t) => t.id === '1-2')!;
  const facts = disclosure.facts.filter((f) => f.table === '1-2');
  // A column printed beside 基本 | 项目 as an of-which of 基本支出 (事业单位经营支出 in w079 p.95), on one
  // unit's chain of rows: every row adds up without it, and its own subtotals add up too.
  const chain = new Set([0, 1, 29, 30]);
  const ofWhich = facts.filter((f) => f.measure === 'total' && chain.has(f.row)).map((f) => ({ ...f, measure: 'toSubsidiary', value: '114.11' }));
  const { chosen } = chooseReading(
    [
      { why: '默认', table, facts: [...facts, ...ofWhich] },
      { why: '其中数', table, facts },
    ],
    profile,
  );
  assert.equal(evidenceOf(chosen, profile).failed, 0);
});
