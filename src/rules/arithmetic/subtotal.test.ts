import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPointsAt, only } from '../../../test/support/findings.js';
import { FIX_PROJECT_ROUNDING } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { DisclosureIndex } from '../../model/query.js';
import type { Disclosure, Fact, TableInstance } from '../../model/types.js';
import { subtotal, subtotalChecks } from './subtotal.js';

// 表3-2, 205303 一般行政管理事务: the group says 26,371.20, its 16 projects add up to 26,371.19.
const DAILY = lineOf('205303\t日常运转经费\t3,677.55');

test('subtotal: the example has one genuine rounding difference, in table 3-2', () => {
  const f = only(findingsOf(subtotal, SEED_TEXT));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /尾差/);
  assert.equal(f.expected, '26371.19');
  assert.equal(f.actual, '26371.20');
  assert.equal(f.difference, '0.01');
  assert.equal(f.locations[0]!.table, '3-2');
  assertPointsAt(f, lineOf('\t一般行政管理事务\t26,371.20', 400));
  assertPointsAt(f, DAILY);
});

test('subtotal: with that project corrected every subtotal adds up', () => {
  assert.deepEqual(findingsOf(subtotal, seedWith(...FIX_PROJECT_ROUNDING)), []);
});

test('subtotal: a detail line that no longer adds up to its class is an error in each column', () => {
  // 表3-1, 205001 30101 基本工资 401.15 (合计 and 人员经费) under 301 工资福利支出 2,332.79.
  const line = lineOf('30101\t基本工资\t401.15');
  const found = findingsOf(subtotal, seedWith(...FIX_PROJECT_ROUNDING, [line, '401.15\t401.15', '410.15\t410.15']));
  assert.equal(found.length, 2);
  for (const f of found) {
    assert.equal(f.severity, 'error');
    assert.equal(f.expected, '2341.79');
    assert.equal(f.actual, '2332.79');
    assert.equal(f.difference, '-9.00');
    assert.equal(f.locations[0]!.line, lineOf('\t301\t工资福利支出\t2,332.79'));
    assertPointsAt(f, line);
  }
  assert.deepEqual(found.map((f) => f.locations[0]!.measure).sort(), ['人员经费', '合计']);
});

test('subtotal: a unit subtotal off by more than the rounding tolerance is an error, and so is the department row', () => {
  // 表1-2 unit 205901 173.00 = 6 rows; 0.05 more is beyond 6 × 0.005, and the department row (4 units) moves too.
  const line = lineOf('\t四川省公安厅机动车安全检测中心\t173.00\t173.00');
  const found = findingsOf(subtotal, seedWith(...FIX_PROJECT_ROUNDING, [line, '173.00\t173.00', '173.05\t173.00']));
  assert.equal(found.length, 2);
  const unit = only(found.filter((f) => f.locations[0]!.line === line));
  assert.equal(unit.severity, 'error');
  assert.equal(unit.expected, '173.00');
  assert.equal(unit.actual, '173.05');
  assert.equal(unit.locations[0]!.measure, '合计');
  const dept = only(found.filter((f) => f.locations[0]!.line !== line));
  assert.equal(dept.severity, 'error');
  assert.equal(dept.expected, '80818.40');
  assert.equal(dept.actual, '80818.35');
  assertPointsAt(dept, line);
});

test('subtotal: one cent over six rows is a rounding warning, not an error', () => {
  // 表1-2 205901 事业运行 114.11 (合计 = 基本支出); the unit row 173.00 stays.
  const line = lineOf('204\t02\t50\t205901\t事业运行\t114.11');
  const found = findingsOf(subtotal, seedWith(...FIX_PROJECT_ROUNDING, [line, '114.11\t114.11', '114.12\t114.12']));
  assert.equal(found.length, 2);
  for (const f of found) {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /尾差/);
    assert.equal(f.expected, '173.01');
    assert.equal(f.actual, '173.00');
    assert.equal(f.difference, '-0.01');
    assertPointsAt(f, line);
  }
});

// 一般公共预算基本支出情况表 (烟台, 单位：万元): 合计 2,772.24 | 人员 2,536.91 | 公用 235.33, the class
// rows as read, with 303 对个人和家庭补助 214.73 (printed under 人员支出) read into 公用.
function basicTable(rows: [string, string, string | null, string | null, string | null][]) {
  const { disclosure, profile } = readText(SEED_TEXT);
  const measures = ['total', 'personnel', 'publicUse'];
  const table = {
    ...disclosure.tables[0]!,
    id: 'T6',
    title: '一般公共预算基本支出情况表',
    measures,
    rows: rows.map(([code, label], index) => ({
      index,
      kind: index ? 'detail' : 'total',
      label,
      code,
      unitCode: null,
      project: null,
      item: null,
      side: null,
      parent: index ? 0 : null,
      source: { line: index + 2 },
    })),
  } as TableInstance;
  const facts = rows.flatMap((r, row) =>
    r.slice(2).flatMap((v, k) =>
      v === null
        ? []
        : [
            {
              table: 'T6',
              row,
              measure: measures[k]!,
              value: v.replace(/,/g, ''),
              unit: '万元',
              rowKind: row ? 'detail' : 'total',
              label: r[1],
              dims: {},
              source: { line: row + 2 },
            },
          ],
    ),
  ) as Fact[];
  const doc = { ...disclosure, tables: [table], facts } as Disclosure;
  return subtotalChecks({ doc, profile, index: new DisclosureIndex(doc) }).filter((c) => c.draft);
}

test('subtotal: one column over by what its neighbour is under is an amount read into the wrong column: a warning, counted as a failed reading', () => {
  const found = basicTable([
    ['', '合计', '2,772.24', '2,536.91', '235.33'],
    ['301', '工资福利支出', '1,812.81', '1,812.81', null],
    ['301', '工资福利支出', '509.37', '509.37', null],
    ['302', '商品和服务支出', '205.72', null, '205.72'],
    ['302', '商品和服务支出', '29.61', null, '29.61'],
    ['303', '对个人和家庭补助', '214.73', null, '214.73'],
  ]);
  assert.equal(found.length, 2);
  for (const c of found) {
    assert.equal(c.moved, true);
    assert.equal(c.draft!.severity, 'warning');
    assert.match(c.draft!.message, /读进了相邻的列，未能可靠读取/);
  }
});

test('subtotal: two columns off by unrelated amounts stay errors', () => {
  const found = basicTable([
    ['', '合计', '2,772.24', '2,536.91', '235.33'],
    ['301', '工资福利支出', '2,322.18', '2,322.18', null],
    ['302', '商品和服务支出', '235.33', null, '200.00'],
    ['303', '对个人和家庭补助', '214.73', '200.00', null],
  ]);
  assert.deepEqual(
    found.map((c) => [c.draft!.severity, c.moved ?? false]),
    [
      ['error', false],
      ['error', false],
    ],
  );
});
