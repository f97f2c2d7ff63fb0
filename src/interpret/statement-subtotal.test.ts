import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProfiles } from '../profiles/registry.js';
import type { RawTable } from '../read/raw.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { interpretStatement } from './statement.js';

// 表1 收支总表 of a Shenzhen budget (w077 p21): 三、单位资金 heads its numbered items, one of which
// (5.其他收入) is the item 单位资金 alone would stand for.
const rows = [
  ['一、财政拨款', '7,099.97', '一、教育支出', '5.11'],
  ['1.一般公共预算拨款', '7,099.97', '', ''],
  ['2.政府性基金预算拨款', '0.00', '', ''],
  ['3.国有资本经营预算拨款', '0.00', '', ''],
  ['二、财政专户管理资金', '0.00', '', ''],
  ['三、单位资金', '40.00', '', ''],
  ['1.事业收入', '40.00', '', ''],
  ['2.事业单位经营收入', '0.00', '', ''],
  ['3.上级补助收入', '0.00', '', ''],
  ['4.附属单位上缴收入', '0.00', '', ''],
  ['5.其他收入', '0.00', '', ''],
  ['本年收入合计', '7,139.97', '本年支出合计', '7,199.97'],
];

const spec = loadProfiles(IDENTITY_RULE_IDS)
  .find((p) => p.id === 'shenzhen-budget')!
  .tables.find((t) => t.id === '1')!;
const raw = (cells: string[][]): RawTable => ({
  tableId: '1',
  printedTitle: '收支总表',
  titleLine: 1,
  unit: '万元',
  unitText: null,
  department: null,
  rows: cells.map((c, i) => {
    const out: string[] = new Array(8).fill('');
    [out[0], out[1], out[2], out[3]] = c as [string, string, string, string];
    return { cells: out, line: 10 + i };
  }),
  notes: [],
});
const ctx = () => ({ department: '', kind: 'budget' as const, fiscalYear: 2026, unitNames: [], notes: [] });

test('a heading over numbered items that name its own item again is their subtotal, not one more part', () => {
  const { table } = interpretStatement(raw(rows), spec, '万元', ctx());
  const itemOf = (label: string) => table.rows.find((r) => r.label === label)?.item;
  assert.equal(itemOf('5.其他收入'), 'otherIncome');
  assert.notEqual(itemOf('三、单位资金'), 'otherIncome');
  assert.equal(itemOf('1.事业收入'), 'businessIncome');
  // 单位资金 printed alone (no breakdown under it) is the year's other income.
  const alone = interpretStatement(raw([...rows.slice(0, 6), rows[11]!]), spec, '万元', ctx()).table;
  assert.equal(alone.rows.find((r) => r.label === '三、单位资金')?.item, 'otherIncome');
});
