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

test('a flat list of function × economic rows: equal amounts under one function code are siblings, not an item and its repeat (w060 p15)', () => {
  const { table } = interpretClassTree(
    raw([
      ['2130311', '水资源节约管理与保护50502-商品和服务支出30214-租赁费', '1.680000'],
      ['2130311', '水资源节约管理与保护50502-商品和服务支出3021503-三类会议费', '0.500000'],
      ['2130311', '水资源节约管理与保护50502-商品和服务支出30217-公务接待费', '0.500000'],
      ['2130311', '水资源节约管理与保护50502-商品和服务支出30226-劳务费', '10.900000'],
    ]),
    spec,
    '万元',
    { department: '', kind: 'budget', fiscalYear: 2026, unitNames: [], notes: [] },
  );
  assert.deepEqual(
    table.rows.map((r) => [r.kind, r.parent]),
    [
      ['detail', null],
      ['detail', null],
      ['detail', null],
      ['detail', null],
    ],
  );
});

test('a name line whose projects carry another unit code is the next unit, even when no unit list names it', () => {
  const projects = {
    ...spec,
    id: '3-2',
    title: '一般公共预算项目支出预算表',
    hasProjects: true,
    labelColumn: 4,
    codeColumns: [0, 1, 2],
    unitCodeColumn: 3,
    measures: [{ measure: 'total', column: 5 }],
  } as unknown as ProfileTable;
  const { table } = interpretClassTree(
    raw([
      ['', '', '', '', '合计', '600.00'],
      ['', '', '', '', '某某局', '100.00'],
      ['', '', '', '', '一般行政管理事务', '100.00'],
      ['204', '02', '02', '205001', '业务经费', '100.00'],
      ['', '', '', '', '某某局财务处', '500.00'],
      ['', '', '', '', '一般行政管理事务', '300.00'],
      ['204', '02', '02', '205302', '设备购置', '300.00'],
      ['', '', '', '', '信息化建设', '200.00'],
      ['204', '02', '19', '205302', '运行维护', '200.00'],
    ]),
    projects,
    '万元',
    { department: '某某局', kind: 'budget', fiscalYear: 2024, unitNames: [], notes: [] },
  );
  const row = (label: string) => table.rows.find((r) => r.label === label)!;
  assert.equal(row('某某局财务处').kind, 'unit');
  assert.equal(row('某某局财务处').parent, row('某某局').parent);
  assert.equal(row('信息化建设').kind, 'group');
  assert.equal(row('信息化建设').parent, row('某某局财务处').index);
});

test('the department’s own line under 合计 is found when the cover adds its scope (西安市公安局（汇总）, 022 表2)', () => {
  const { table } = interpretClassTree(
    raw([
      ['', '合计', '300.00'],
      ['', '西安市公安局', '300.00'],
      ['', '153001西安市公安局', '100.00'],
      ['', '153002西安市公安局交通管理支队', '200.00'],
    ]),
    { ...spec, measures: [{ measure: 'total', column: 2 }] } as ProfileTable,
    '万元',
    { department: '西安市公安局（汇总）', kind: 'budget', fiscalYear: 2026, unitNames: [], notes: [] },
  );
  assert.equal(table.rows[1]!.kind, 'department');
  assert.deepEqual([table.rows[2]!.parent, table.rows[3]!.parent], [1, 1]);
});

test('a 三公 table listed one item a line under 合计 (020 表10): its lines are the measures of one row, 其中 lines included once', () => {
  const threePublic = {
    ...spec,
    id: '10',
    role: 'gpbThreePublic',
    measures: ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'].map((measure, i) => ({ measure, column: 2 + i })),
  } as unknown as ProfileTable;
  const { table, facts } = interpretClassTree(
    raw([
      ['', '合计', '1354.68'],
      ['', '1、因公出国（境）费用', '5.38'],
      ['', '2、公务接待费', '14.09'],
      ['', '3、公务用车购置及运行费', '1335.21'],
      ['', '其中：（1）公务用车购置费', '221.04'],
      ['', '（2）公务用车运行费', '1114.17'],
    ]),
    threePublic,
    '万元',
    { department: '', kind: 'budget', fiscalYear: 2026, unitNames: [], notes: [] },
  );
  assert.equal(table.rows.length, 1);
  assert.deepEqual(Object.fromEntries(facts.map((f) => [f.measure, f.value])), {
    total: '1354.68',
    abroad: '5.38',
    reception: '14.09',
    vehicle: '1335.21',
    vehiclePurchase: '221.04',
    vehicleOperation: '1114.17',
  });
});
