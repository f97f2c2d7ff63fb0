import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProfileTable } from '../profiles/types.js';
import type { RawTable } from '../read/raw.js';
import { interpretClassTree } from './class-tree.js';

const spec = {
  id: '3',
  title: '支出总表',
  layout: 'classTree',
  classification: 'function',
  labelColumn: 1,
  codeColumns: [0],
  measures: [{ measure: 'total', column: 2 }],
} as unknown as ProfileTable;

const raw = (rows: string[][]): RawTable => ({
  tableId: '3',
  printedTitle: '支出总表',
  titleLine: 1,
  unit: '万元',
  unitText: null,
  department: null,
  rows: rows.map((cells, i) => ({ cells, line: i + 2 })),
  notes: [],
});

test('a 款 printed again as its own item (same code, same amounts) is its child, not a sibling counted twice', () => {
  const { table } = interpretClassTree(
    raw([
      ['', '合计', '1,004.00'],
      ['219', '援助其他地区支出', '502.00'],
      ['21999', '其他支出', '502.00'],
      ['21999', '其他支出', '502.00'],
      ['221', '住房保障支出', '502.00'],
      ['22102', '住房改革支出', '502.00'],
      ['2210201', '住房公积金', '300.00'],
      ['2210201', '住房公积金', '202.00'],
    ]),
    spec,
    '万元',
    { department: '', kind: 'budget', fiscalYear: 2026, unitNames: [], notes: [] },
  );
  const parentOf = (i: number) => table.rows[i]!.parent;
  assert.equal(parentOf(3), 2);
  assert.equal(parentOf(2), 1);
  // The same code with other amounts (another economic class of the item) stays a sibling.
  assert.equal(parentOf(7), parentOf(6));
});
