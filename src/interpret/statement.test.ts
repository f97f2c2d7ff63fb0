import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProfileTable } from '../profiles/types.js';
import type { RawTable } from '../read/raw.js';
import type { InterpretContext } from './common.js';
import { interpretStatement } from './statement.js';

// 财政拨款收支总表 as Shenzhen prints it (wild w062, pp. 160–163, shortened): numbered 类 lines with their 款 and
// 项 beneath them, indented, without codes.
const spec = {
  id: '6',
  title: '财政拨款收支总表',
  role: 'fiscalSummary',
  layout: 'statement',
  fundType: 'fiscal',
  sides: [
    { side: 'income', labelColumn: 0, measures: [{ column: 1, measure: 'amount' }] },
    { side: 'expenditure', labelColumn: 2, measures: [{ column: 3, measure: 'total' }] },
  ],
  items: [
    { key: 'currentIncome.gpb', side: 'income', labels: ['一般公共预算拨款'] },
    { key: 'currentIncome', side: 'income', labels: ['本年收入合计'] },
    { key: 'currentExpenditure', side: 'expenditure', labels: ['本年支出合计'] },
  ],
} as unknown as ProfileTable;

const raw = (rows: string[][]): RawTable => ({
  tableId: '6',
  printedTitle: '财政拨款收支总表',
  titleLine: 1,
  unit: '万元',
  unitText: null,
  department: null,
  rows: rows.map((cells, i) => ({ cells, line: i + 2 })),
  notes: [],
});

const ctx = (): InterpretContext => ({ department: '', kind: 'budget', fiscalYear: 2026, unitNames: [], notes: [] });

const classesOf = (rows: string[][]) => {
  const c = ctx();
  const { table } = interpretStatement(raw(rows), spec, '万元', c);
  return { classes: table.rows.filter((r) => r.item?.startsWith('class:')).map((r) => r.label), notes: c.notes.map((n) => n.message) };
};

const shenzhen = [
  ['1.一般公共预算拨款', '533,162.27', '一、教育支出', '94,954.56'],
  ['', '', '职业教育', '65,132.67'],
  ['', '', '培训支出', '150.55'],
  ['', '', '教育费附加安排的支出', '27,429.35'],
  ['', '', '二、科学技术支出', '298,461.45'],
  ['', '', '其他科学技术支出', '104,446.00'],
  ['', '', '三、社会保障和就业支出', '112,679.99'],
  ['', '', '行政事业单位养老支出', '15,657.81'],
  ['', '', '四、卫生健康支出', '3,596.81'],
  ['', '', '五、住房保障支出', '26,051.52'],
  ['', '', '住房改革支出', '26,051.52'],
  ['本年收入合计', '533,162.27', '本年支出合计', '535,744.34'],
];

test('unnumbered 款/项 lines under numbered classes are not classes when leaving them out makes the classes add up', () => {
  const { classes, notes } = classesOf(shenzhen);
  assert.deepEqual(classes, ['一、教育支出', '二、科学技术支出', '三、社会保障和就业支出', '四、卫生健康支出', '五、住房保障支出']);
  assert.match(notes.join('\n'), /未编号的5行.*不作为功能类/);
});

test('an unknown class name stays a class when the classes add up with it (the catalog is partial)', () => {
  const { classes } = classesOf([
    ['1.一般公共预算拨款', '300.00', '一、教育支出', '100.00'],
    ['', '', '二、科学技术支出', '150.00'],
    ['', '', '三、某新设类支出', '50.00'],
    ['', '', '灾害防治及应急管理支出', '0.00'],
    ['本年收入合计', '300.00', '本年支出合计', '300.00'],
  ]);
  assert.deepEqual(classes, ['一、教育支出', '二、科学技术支出', '三、某新设类支出', '灾害防治及应急管理支出']);
  // Unnumbered unknown lines whose removal breaks the sum stay too.
  const kept = classesOf([
    ['1.一般公共预算拨款', '300.00', '一、教育支出', '100.00'],
    ['', '', '某新设类支出', '200.00'],
    ['本年收入合计', '300.00', '本年支出合计', '300.00'],
  ]);
  assert.deepEqual(kept.classes, ['一、教育支出', '某新设类支出']);
});
