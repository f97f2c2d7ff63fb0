import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, SEED_TEXT } from '../../../test/support/seed.js';
import { unrecognisedTables } from './unrecognised-tables.js';

test('unrecognised-tables: every table of the example belongs to its template', () => {
  assert.deepEqual(findingsOf(unrecognisedTables, SEED_TEXT), []);
});

test('unrecognised-tables: a table the template does not define is listed with its line', () => {
  const text = SEED_TEXT.replace(
    '第三部分 四川省公安厅交通警察 总队 2024 年部门预算情况说明',
    '政府采购预算明细表\n\n金额单位：万元\n\n项目\t金额\n合 计\t14,522.82\n\n第三部分 四川省公安厅交通警察 总队 2024 年部门预算情况说明',
  );
  const found = findingsOf(unrecognisedTables, text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'info');
  assert.equal(found[0]!.actual, '政府采购预算明细表');
  assert.ok(found[0]!.locations[0]!.line > 800);
});
