import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { emptyTableNote } from './empty-table-note.js';

// 表4 (政府性基金) is empty and says 注：本表无数据; 表3-3 (三公) has figures and no note.
const FUND_TITLE = lineOf('政府性基金支出预算表');
const FUND_NOTE = lineOf('注：本表无数据', FUND_TITLE);
const THREE_PUBLIC_TITLE = lineOf('一般公共预算“三公”经费支出预算表', 130);
const AFTER_THREE_PUBLIC = lineOf('205901\t四川省公安厅机动车安全检测中心\t', THREE_PUBLIC_TITLE) + 1; // blank line

test('empty-table-note: the example’s empty tables say so and its other tables do not', () => {
  assert.deepEqual(findingsOf(emptyTableNote, SEED_TEXT), []);
});

test('empty-table-note: an empty table without a note is a warning at the table', () => {
  const f = only(findingsOf(emptyTableNote, seedWith([FUND_NOTE, '注：本表无数据', ''])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '注：本表无数据');
  assert.equal(f.actual, null);
  assert.equal(f.locations[0]!.table, '4');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [FUND_TITLE],
  );
});

test('empty-table-note: a table with figures that says it has none is an error', () => {
  const note = '注：本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。';
  const f = only(findingsOf(emptyTableNote, seedWith([AFTER_THREE_PUBLIC, '', note])));
  assert.equal(f.severity, 'error');
  assert.equal(f.actual, note);
  assert.equal(f.locations[0]!.table, '3-3');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [THREE_PUBLIC_TITLE],
  );
});

test('empty-table-note: a conditional legend on a table with figures is no claim that it is empty', () => {
  // As printed under the 三公 table of 018 长沙市信访局 (corpus). Regression: this was reported as an error.
  const legend = '注：本表反映部门本年度“三公”经费情况，此表如无数字则表示单位无该项支出。';
  assert.deepEqual(findingsOf(emptyTableNote, seedWith([AFTER_THREE_PUBLIC, '', legend])), []);
  // Under an empty table the same legend explains the blanks.
  assert.deepEqual(findingsOf(emptyTableNote, seedWith([FUND_NOTE, '注：本表无数据', '注：此表如无数字则表示单位无该项支出。'])), []);
});

test('empty-table-note: a table whose only row is 合计 0.00 agrees with a note that it has none', () => {
  const TOTAL = lineOf('\t\t\t\t合 计\t\t\t', FUND_TITLE);
  const zeros = seedWith([TOTAL, '合 计\t\t\t', '合 计\t0.00\t0.00\t0.00']);
  assert.deepEqual(findingsOf(emptyTableNote, zeros), []);
  // …while money in it contradicts the note.
  const f = only(findingsOf(emptyTableNote, seedWith([TOTAL, '合 计\t\t\t', '合 计\t5.00\t5.00\t0.00'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.locations[0]!.table, '4');
});
