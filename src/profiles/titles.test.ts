import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPartHeading, normalizeTitle } from './titles.js';

test('titles: full-width digits and scope qualifiers do not change which table a title names', () => {
  assert.equal(
    normalizeTitle('２０２１年部门综合预算一般公共预算支出明细表（按支出功能分类科目－不含上年结转）'),
    normalizeTitle('部门综合预算一般公共预算支出明细表（按支出功能分类科目）'),
  );
  assert.equal(normalizeTitle('一般公共预算支出明细表（按支出经济分类科目 -不含上年结转）'), normalizeTitle('一般公共预算支出明细表（按支出经济分类科目）'));
  assert.equal(normalizeTitle('一般公共预算支出表-不含上年结转'), '一般公共预算支出表');
  // What the parentheses say the table is stays.
  assert.notEqual(normalizeTitle('支出明细表（按支出功能分类科目）'), normalizeTitle('支出明细表（按支出经济分类科目）'));
});

test('titles: a heading over a group of tables is no table', () => {
  for (const t of ['五、单位预算表', '第二部分 2026年部门预算报表', '二、部门预算表', '2026年度单位预算表']) assert.equal(isPartHeading(t), true, t);
  for (const t of ['收支总表', '五、一般公共预算支出表', '部门收支总表']) assert.equal(isPartHeading(t), false, t);
});
