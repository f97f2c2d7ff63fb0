import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProfileTable } from '../profiles/types.js';
import { treeGrid } from '../read/positioned/grid.js';
import type { PositionedLine, Token } from '../read/positioned/types.js';
import type { RawTable } from '../read/raw.js';
import { classOf } from '../rules/reconcile/shared.js';
import { interpretClassTree, nestsByIndent } from './class-tree.js';

// 表8 of a Hangzhou budget (w115 p35): names only, each level indented further. 超长期特别国债安排的支出
// is a 款 the catalog does not know.
const spec = {
  id: '8',
  title: '市级部门政府性基金预算支出预算表',
  layout: 'classTree',
  classification: 'function',
  codeColumns: [0],
  labelColumn: 1,
  measures: [
    { column: 2, measure: 'total' },
    { column: 3, measure: 'basic' },
    { column: 4, measure: 'project' },
  ],
} as unknown as ProfileTable;

const tok = (text: string, x0: number, x1: number): Token => ({ text, x0, x1 });
const line = (y: number, ...tokens: Token[]): PositionedLine => ({ page: 35, y, height: 10, tokens, line: Math.round(y), box: [0, y, 600, y + 10] });
const row = (y: number, name: string, x0: number, amount: string) =>
  line(y, tok(name, x0, x0 + name.length * 10), tok(amount, 353.5, 402.8), tok(amount, 500.5, 549.8));

const lines = [
  line(94.3, tok('功能分类科目名称', 151.7, 230.9)),
  line(102.5, tok('合', 361.1, 371.0), tok('计', 381.4, 391.3), tok('基本支出', 426.6, 466.4), tok('项目支出', 500.4, 540.0)),
  row(134.8, '合计', 45.1, '221,670.92'),
  row(150.7, '城乡社区支出', 45.0, '211,000.00'),
  row(166.8, '国有土地使用权出让收入安排的支出', 55.9, '211,000.00'),
  row(182.9, '城市建设支出', 64.9, '211,000.00'),
  row(199.0, '交通运输支出', 45.4, '177.92'),
  row(215.1, '超长期特别国债安排的支出', 54.8, '177.92'),
  row(231.4, '公路水路运输', 65.0, '177.92'),
  row(247.3, '其他支出', 45.0, '10,493.00'),
  row(263.4, '其他政府性基金及对应专项债务收入安排的支出', 55.0, '10,493.00'),
  row(279.5, '其他政府性基金安排的支出', 65.0, '10,493.00'),
];

const raw = (): RawTable => ({
  tableId: '8',
  printedTitle: spec.title,
  titleLine: 1,
  page: 35,
  unit: '万元',
  unitText: null,
  department: null,
  rows: treeGrid(lines, spec).rows,
  notes: [],
});
const ctx = () => ({ department: '杭州市交通运输局', kind: 'budget' as const, fiscalYear: 2026, unitNames: [], notes: [] });

test('a names-only table nests by indent: a 款 the catalog lacks keeps its 项, and the next 类 goes back to the top', () => {
  assert.equal(nestsByIndent(raw(), spec), true);
  const { table } = interpretClassTree(raw(), spec, '万元', ctx(), { byIndent: true });
  const nest = table.rows.map((r) => [r.label, r.parent === null ? null : table.rows[r.parent]!.label, r.code]);
  assert.deepEqual(nest, [
    ['合计', null, null],
    ['城乡社区支出', '合计', '212'],
    ['国有土地使用权出让收入安排的支出', '城乡社区支出', '21208'],
    ['城市建设支出', '国有土地使用权出让收入安排的支出', '2120803'],
    ['交通运输支出', '合计', '214'],
    ['超长期特别国债安排的支出', '交通运输支出', null],
    // Looked up under the nearest ancestor with a code: its class stays 214.
    ['公路水路运输', '超长期特别国债安排的支出', '21401'],
    ['其他支出', '合计', '229'],
    ['其他政府性基金及对应专项债务收入安排的支出', '其他支出', '22904'],
    ['其他政府性基金安排的支出', '其他政府性基金及对应专项债务收入安排的支出', '2290401'],
  ]);
  // A name the catalog lacks is still of its ancestors' 类, for the sums by 类.
  const unknown = table.rows.find((r) => r.label === '超长期特别国债安排的支出')!;
  assert.equal(classOf(unknown, table), '214');
  // The default reading (by catalog codes) puts 其他支出 under the unknown name's row.
  const byCode = interpretClassTree(raw(), spec, '万元', ctx()).table;
  const other = byCode.rows.find((r) => r.label === '其他支出')!;
  assert.notEqual(other.parent, 0);
});

test('no indent candidate where the table prints codes or its rows have no positions', () => {
  const coded = raw();
  coded.rows = coded.rows.map((r, i) => (i === 1 ? { ...r, cells: r.cells.map((c, k) => (k === 0 ? '212' : c)) } : r));
  assert.equal(nestsByIndent(coded, spec), false);
  const text = raw();
  text.rows = text.rows.map(({ boxes: _boxes, ...r }) => r);
  assert.equal(nestsByIndent(text, spec), false);
});
