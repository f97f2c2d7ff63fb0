import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interpretDocument } from '../interpret/interpret.js';
import type { Disclosure } from '../model/types.js';
import { EMPTY_INPUTS, generateNarrative } from '../narrative/generate.js';
import { readSeed } from '../../test/support/seed.js';
import { headerRows, layoutDisclosure, tableColumns } from './layout.js';
import { rawFromLayout } from './raw.js';

const facts = (d: Disclosure) => d.facts.map((f) => `${f.table}|${f.row}|${f.measure}|${f.value}`).sort();

test('headerRows: 三公 table — 公务用车购置及运行费 spans its three columns, the others span both rows', () => {
  const { profile } = readSeed();
  const spec = profile.tables.find((t) => t.id === '3-3')!;
  const rows = headerRows(tableColumns(spec, 'budget'));
  assert.deepEqual(
    rows.map((r) => r.map((c) => `${c.text}/${c.colspan}x${c.rowspan}`)),
    [
      ['单位代码/1x2', '单位名称/1x2', '合计/1x2', '因公出国（境）费用/1x2', '公务用车购置及运行费/3x1', '公务接待费/1x2'],
      ['小计/1x1', '公务用车购置费/1x1', '公务用车运行费/1x1'],
    ],
  );
});

test('headerRows: 部门支出总表 — 科目编码 over 类/款/项; 收支总表 — 收入 and 支出 over their columns', () => {
  const { profile } = readSeed();
  const spending = headerRows(
    tableColumns(
      profile.tables.find((t) => t.id === '1-2')!,
      'budget',
    ),
  );
  assert.equal(spending[0]![0]!.text, '科目编码');
  assert.equal(spending[0]![0]!.colspan, 3);
  assert.deepEqual(
    spending[1]!.map((c) => c.text),
    ['类', '款', '项'],
  );
  const summary = headerRows(
    tableColumns(
      profile.tables.find((t) => t.id === '2')!,
      'budget',
    ),
  );
  assert.deepEqual(
    summary[0]!.map((c) => `${c.text}/${c.colspan}`),
    ['收 入/2', '支 出/5'],
  );
  assert.deepEqual(
    summary[1]!.map((c) => c.text),
    ['项 目', '预算数', '项 目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
  );
});

test('layoutDisclosure: every table of the profile; absent ones marked, empty ones with their note', () => {
  const { disclosure, profile } = readSeed();
  const layout = layoutDisclosure(disclosure, profile, generateNarrative(disclosure, profile), { duties: [], tasks: [] });
  assert.deepEqual(
    layout.tables.map((t) => t.id),
    profile.tables.map((t) => t.id),
  );
  assert.deepEqual(
    layout.tables.filter((t) => !t.present).map((t) => t.id),
    ['1-1', '2-1'],
  );
  const fund = layout.tables.find((t) => t.id === '4')!;
  assert.equal(fund.empty, true);
  assert.equal(fund.body.length, 0);
  assert.equal(fund.note, '注：本表无数据');
  const spending = layout.tables.find((t) => t.id === '1-2')!;
  const row = spending.body.find((r) => r.cells.includes('培训支出') && r.cells.includes('205303'))!;
  assert.deepEqual(row.cells, ['205', '08', '03', '205303', '培训支出', '318.40', '318.40', '', '', '']);
  assert.deepEqual(
    layout.charts.map((c) => c.id),
    ['classes', 'basic-project', 'three-public'],
  );
});

test('rawFromLayout: the laid-out example reads back to the same facts and performance targets', () => {
  const { disclosure, profile } = readSeed();
  const layout = layoutDisclosure(disclosure, profile, generateNarrative(disclosure, profile, EMPTY_INPUTS), { duties: [], tasks: [] });
  const back = interpretDocument(rawFromLayout(layout, 'x.xlsx', 'sha'), profile);
  assert.deepEqual(facts(back), facts(disclosure));
  assert.deepEqual(
    back.performance.projects.map((p) => [p.name, p.amount, p.indicators.length]),
    disclosure.performance.projects.map((p) => [p.name, p.amount, p.indicators.length]),
  );
  assert.equal(back.performance.department?.indicators.length, disclosure.performance.department?.indicators.length);
  assert.equal(back.performance.department?.totalFunds, disclosure.performance.department?.totalFunds);
  assert.deepEqual(
    back.units.map((u) => u.name),
    disclosure.units.map((u) => u.name),
  );
});
