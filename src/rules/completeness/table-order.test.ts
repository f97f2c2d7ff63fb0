import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { readSeed } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { tableOrder } from './table-order.js';

test('table-order: the example prints its tables in the template’s order and its contents agree', () => {
  const { disclosure, profile } = readSeed();
  assert.deepEqual(runRules(disclosure, profile, [tableOrder]), []);
});

test('table-order: a required table printed after a later one is a warning naming both', () => {
  const { disclosure, profile } = readSeed();
  const [a, b] = [disclosure.tables.find((t) => t.id === '2')!, disclosure.tables.find((t) => t.id === '3')!];
  [a.source, b.source] = [b.source, a.source];
  // The contents still list 表2 before 表3, so they disagree with the body too.
  const found = runRules(disclosure, profile, [tableOrder]);
  const f = only(found.filter((x) => x.message.includes('模板')));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /表(2|3)“/);
  assert.equal(found.filter((x) => x.message.startsWith('目录')).length, 1);
});

test('table-order: a fallback profile stands for many templates and has no order to hold', () => {
  const { disclosure, profile } = readSeed();
  const [a, b] = [disclosure.tables.find((t) => t.id === '2')!, disclosure.tables.find((t) => t.id === '3')!];
  [a.source, b.source] = [b.source, a.source];
  const found = runRules(disclosure, { ...profile, detect: { ...profile.detect, fallback: true } }, [tableOrder]);
  assert.equal(found.filter((x) => x.message.includes('模板')).length, 0);
});
