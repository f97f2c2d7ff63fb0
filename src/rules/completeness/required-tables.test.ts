import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { FIX_MISSING_TABLES } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { requiredTables } from './required-tables.js';

test('required-tables: the example lists tables 1-1 and 2-1 in its contents but does not print them', () => {
  const found = findingsOf(requiredTables, SEED_TEXT);
  assert.equal(found.length, 2);
  const [t11, t21] = found;
  assert.equal(t11!.severity, 'error');
  assert.equal(t11!.expected, '部门收入总表');
  assert.equal(t11!.actual, null);
  assert.deepEqual(
    t11!.locations.map((l) => l.line),
    [lineOf('二、部门收入总表'), lineOf('二、部门收入总表（公开表 1-1）')],
  );
  assert.equal(t21!.severity, 'error');
  assert.equal(t21!.expected, '财政拨款支出预算表（部门经济分类科目）');
  assert.deepEqual(
    t21!.locations.map((l) => l.line),
    [lineOf('五、财政拨款支出预算表'), lineOf('（公开表 2-1）')],
  );
});

test('required-tables: with both tables printed (empty, with their note) nothing is missing', () => {
  assert.deepEqual(findingsOf(requiredTables, seedWith(...FIX_MISSING_TABLES)), []);
});

test('required-tables: a table whose title is not recognisable is missing, at its contents lines', () => {
  const title = lineOf('国有资本经营预算支出预算表', 130);
  const found = findingsOf(requiredTables, seedWith(...FIX_MISSING_TABLES, [title, '国有资本经营预算支出预算表', '国有资本经营预算支出情况']));
  const f = only(found);
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '国有资本经营预算支出预算表');
  assert.match(f.message, /缺少公开表5/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [lineOf('十二、国有资本经营预算支出预算表'), lineOf('（公开表 5）')],
  );
});
