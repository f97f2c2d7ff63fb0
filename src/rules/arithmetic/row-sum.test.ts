import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lineOf, profiles, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import type { Disclosure, Fact, TableInstance } from '../../model/types.js';
import { runRules } from '../engine.js';
import { DisclosureIndex } from '../../model/query.js';
import { rowSum, rowSumChecks } from './row-sum.js';

test('row-sum: the example rows add up', () => {
  assert.deepEqual(findingsOf(rowSum, SEED_TEXT), []);
});

test('row-sum: a row whose 合计 differs from 基本 + 项目 is an error naming the cell', () => {
  // 部门支出总表, 205001 行政运行: 合计 3,137.02 = 基本 3,137.02
  const line = lineOf('204\t02\t01\t205001\t行政运行');
  const found = findingsOf(rowSum, seedWith([line, '3,137.02\t3,137.02', '3,137.02\t3,137.20']));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'error');
  assert.equal(found[0]!.expected, '3137.20');
  assert.equal(found[0]!.actual, '3137.02');
  assert.ok(found[0]!.locations.some((l) => l.line === line));
});

test('row-sum: a one-cent difference over two parts is a rounding warning', () => {
  const line = lineOf('205001\t四川省公安厅交通警察总队\t3,725.62');
  const found = findingsOf(rowSum, seedWith([line, '3,725.62\t2,332.85', '3,725.63\t2,332.85']));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.match(found[0]!.message, /尾差/);
});

test('row-sum: a total blank in every row is a heading over its parts, not a column of zeros; one blank cell still counts', () => {
  const { disclosure, profile } = readText(SEED_TEXT);
  const t = disclosure.tables.find((x) => x.id === '1-2')!;
  const totals = disclosure.facts.filter((f) => f.table === t.id && f.measure === 'total');
  assert.ok(totals.length > 3);
  const without = (drop: (f: (typeof totals)[number]) => boolean) => {
    const d = structuredClone(disclosure);
    d.facts = d.facts.filter((f) => !(f.table === t.id && f.measure === 'total' && drop(f)));
    return runRules(d, profile, [rowSum]).filter((f) => f.rule === rowSum.id);
  };
  assert.deepEqual(
    without(() => true),
    [],
  );
  const one = totals.find((f) => f.rowKind === 'detail' && f.value !== '0.00')!;
  const found = without((f) => f === one || (f.row === one.row && f.measure === one.measure));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /未填列/);
});

test('row-sum: a row whose total equals its only printed part tells nothing about which column the part is in', () => {
  const { disclosure, profile } = readText(SEED_TEXT);
  const checks = rowSumChecks({ doc: disclosure, profile, index: new DisclosureIndex(disclosure) }).filter((c) => c.table === '1-2');
  const row = (label: string) => disclosure.tables.find((t) => t.id === '1-2')!.rows.find((r) => r.label.includes(label))!.index;
  // 行政运行 3,137.02 = 基本 3,137.02 (项目 blank); the unit 四川省公安厅交通警察总队 7,236.55 = 3,725.62 + 3,510.93.
  assert.equal(checks.find((c) => c.row === row('行政运行'))?.uninformative, true);
  assert.equal(checks.find((c) => c.row === row('四川省公安厅交通警察总队'))?.uninformative, false);
});

// 支出总表 rows as printed (深圳, 单位：万元): 支出总计 | 基本支出 | 项目支出 | 事业单位经营支出. The
// 经营支出 column is printed beside the split and already inside it (住房公积金 125.32 = 基本 125.32 =
// 经营 125.32): every total is 基本 + 项目.
const OPERATING_BESIDE: string[][] = [
  ['2101102', '事业单位医疗', '50.85', '50.85', '0.00'],
  ['2111450', '事业运行', '10,446.03', '1,043.32', '9,402.71', '9,118.50'],
  ['2210201', '住房公积金', '125.32', '125.32', '0.00', '125.32'],
  ['2210203', '购房补贴', '272.74', '272.74', '0.00', '231.77'],
  ['2110106', '生态环境国际合作及履约', '2,100.00', '0.00', '2,100.00', '2,100.00'],
];

function expenditureTable(rows: string[][]) {
  const profile = profiles().find((p) => p.tables.some((t) => t.rowIdentities?.some((i) => i.parts.includes('operating'))))!;
  const spec = profile.tables.find((t) => t.rowIdentities?.some((i) => i.parts.includes('operating')))!;
  const measures = ['total', 'basic', 'project', 'operating'];
  const table = {
    id: spec.id,
    role: spec.role,
    title: spec.title,
    printedTitle: spec.title,
    unit: '万元',
    decimals: 2,
    present: true,
    empty: false,
    note: null,
    measures,
    reading: { status: 'unchecked', checked: 0, failed: 0, reason: null },
    source: { line: 1 },
    rows: rows.map(([code, label], index) => ({
      index,
      kind: 'detail',
      label,
      code,
      unitCode: null,
      project: null,
      item: null,
      side: null,
      parent: null,
      source: { line: index + 2 },
    })),
  } as unknown as TableInstance;
  const facts = rows.flatMap((r, row) =>
    r.slice(2).map((v, k) => ({
      table: spec.id,
      row,
      measure: measures[k]!,
      value: v.replace(/,/g, ''),
      unit: '万元',
      rowKind: 'detail',
      label: r[1]!,
      dims: {},
      source: { line: row + 2 },
    })),
  ) as Fact[];
  const doc = { tables: [table], facts } as unknown as Disclosure;
  return rowSumChecks({ doc, profile, index: new DisclosureIndex(doc) }).filter((c) => c.draft?.severity === 'error');
}

test('row-sum: a part column every total leaves out is printed beside the split, not in it: the document adds 基本 + 项目', () => {
  assert.deepEqual(expenditureTable(OPERATING_BESIDE), []);
  // A slip in one of those rows is still found, against the document's identity.
  const slip = OPERATING_BESIDE.map((r) => [...r]);
  slip[2]![2] = '152.32';
  const found = expenditureTable(slip);
  assert.equal(found.length, 1);
  assert.match(found[0]!.draft!.message, /住房公积金.*基本支出 \+ 项目支出为/);
});

test('row-sum: a total that leaves out a part column in one row only is that row’s error, not a convention', () => {
  // The same column added into the totals everywhere but one row.
  const rows = [
    ['2111450', '事业运行', '19,564.53', '1,043.32', '9,402.71', '9,118.50'],
    ['2210201', '住房公积金', '250.64', '125.32', '0.00', '125.32'],
    ['2210203', '购房补贴', '272.74', '272.74', '0.00', '231.77'],
  ];
  assert.equal(expenditureTable(rows).length, 1);
});
