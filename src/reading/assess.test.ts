import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSeed, readText, SEED_LINES } from '../../test/support/seed.js';
import { readingOf } from './assess.js';

test('assess: every table of the example with figures is confirmed or has local exceptions', () => {
  const { disclosure } = readSeed();
  const statuses = new Map(disclosure.tables.map((t) => [t.id, t.reading.status]));
  for (const t of disclosure.tables) assert.notEqual(t.reading.status, 'unreliable', `表${t.id}`);
  // 1-2 prints its identities exactly; 3-2 carries the example's one 尾差 (a warning, which confirms).
  assert.equal(statuses.get('1-2'), 'confirmed');
  assert.equal(statuses.get('3-2'), 'confirmed');
  assert.equal(disclosure.tables.filter((t) => t.reading.status === 'confirmed').length, 7);
});

test('assess: one typo is a local exception; columns shifted everywhere make the table unreliable', () => {
  const typo = SEED_LINES.map((l, i) =>
    i === SEED_LINES.findIndex((x) => /^\d{3}\t\d{2}\t\d{2}\t205\d{3}\t/.test(x)) ? l.replace(/\t([\d,]+)\.(\d)(\d)\t/, '\t$1.$3$2\t') : l,
  );
  const one = readText(typo.join('\n')).disclosure.tables.find((t) => t.id === '1-2')!;
  assert.equal(one.reading.status, 'exceptions');
  const shifted = SEED_LINES.map((l) => (/^\d{3}\t\d{2}\t\d{2}\t205\d{3}\t/.test(l) ? l.replace(/\t([\d,]+\.\d{2})\t/, '\t\t$1\t') : l));
  const all = readText(shifted.join('\n')).disclosure.tables.find((t) => t.id === '1-2')!;
  assert.equal(all.reading.status, 'unreliable');
  assert.match(all.reading.reason ?? '', /互不相关的差额/);
});

test('assess: the status follows the number of unrelated causes, not the number of failures', () => {
  // One slip propagating up four levels of subtotals: one cause.
  assert.equal(readingOf({ checked: 40, failed: 4, causes: 1, misnamed: 0 }, 20).status, 'exceptions');
  assert.equal(readingOf({ checked: 40, failed: 12, causes: 9, misnamed: 0 }, 20).status, 'unreliable');
  assert.equal(readingOf({ checked: 0, failed: 0, causes: 0, misnamed: 0 }, 1).status, 'unchecked');
  assert.equal(readingOf({ checked: 6, failed: 0, causes: 0, misnamed: 0 }, 3).status, 'confirmed');
  // Many rows whose names do not fit their codes: labels read against the wrong codes.
  assert.equal(readingOf({ checked: 10, failed: 0, causes: 0, misnamed: 12 }, 20).status, 'unreliable');
});

test('assess: a failing identity with too few holding ones beside it does not confirm the reading', () => {
  // 1 of 1, 1 of 2, 2 of 4 by different amounts: nothing tells a misreading from a slip.
  for (const [checked, failed] of [
    [1, 1],
    [2, 1],
    [4, 2],
  ] as const) {
    const r = readingOf({ checked, failed, causes: failed, misnamed: 0 }, 5);
    assert.equal(r.status, 'unreliable', `${failed}/${checked}`);
    assert.match(r.reason ?? '', /成立的太少/);
  }
  // One failure among enough holding identities is a local exception: a candidate real error.
  assert.equal(readingOf({ checked: 3, failed: 1, causes: 1, misnamed: 0 }, 5).status, 'exceptions');
  assert.equal(readingOf({ checked: 9, failed: 2, causes: 2, misnamed: 0 }, 5).status, 'exceptions');
  // One wrong 收入总计 breaking two of a statement's five identities by the same amount: one cause.
  assert.equal(readingOf({ checked: 5, failed: 2, causes: 1, misnamed: 0 }, 5).status, 'exceptions');
});

test('assess: amounts in the neighbouring column (基本 over, 项目 under by the same amount): one may be the publisher’s, two are a misreading', () => {
  const table = (text: string) => readText(text).disclosure.tables.find((x) => x.id === '1-2')!;
  const at = (needle: string) => SEED_LINES.findIndex((l) => l.includes(needle));
  const move = (lines: string[], i: number) => {
    const amount = /\t([\d,]+\.\d{2})\t\1(\t|$)/.exec(lines[i]!)![1]!;
    return lines.map((l, k) => (k === i ? l.replace(`${amount}\t${amount}`, `${amount}\t\t${amount}`) : l));
  };
  const one = move(SEED_LINES, at('204\t02\t01\t205001\t行政运行'));
  assert.equal(table(one.join('\n')).reading.status, 'exceptions');
  const two = move(one, at('204\t02\t01\t205303\t行政运行'));
  const t = table(two.join('\n'));
  assert.equal(t.reading.status, 'unreliable');
  assert.match(t.reading.reason ?? '', /相邻的列/);
});

test('assess: a statement total printed blank (005 收入总计) is an omission, not too little evidence for the reading', () => {
  assert.equal(readingOf({ checked: 2, failed: 1, causes: 1, misnamed: 0, omitted: 1 }, 20).status, 'exceptions');
  assert.equal(readingOf({ checked: 2, failed: 1, causes: 1, misnamed: 0 }, 20).status, 'unreliable');
});
