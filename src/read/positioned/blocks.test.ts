// A table printed in pieces of different column widths. Fixture: token positions of 公开表 3-1 in
// the reference example printed by Chromium from plain HTML tables (test/support/seed-pdf.ts),
// pages 5–7: the text's blank lines split the table into HTML tables, each as wide as its content.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Profile, ProfileTable } from '../../profiles/types.js';
import { geometryBlocks, pieceMaps } from './blocks.js';
import { line } from './grid-columns.test.js';
import { TREE_VARIANTS, treeGrid } from './grid.js';

const profile = JSON.parse(readFileSync(fileURLToPath(new URL('../../../profiles/sichuan-province-budget-2024.json', import.meta.url)), 'utf8')) as Profile;
const spec = profile.tables.find((t) => t.id === '3-1')! as ProfileTable;

const lines = [
  line(41, '项目[41-58] 基本支出[112-141]', 5),
  line(42, '科目编码[41-70] 单位代码[77-105] 单位名称（科目）[112-169] 合计[219-233] 人员经费[257-286] 公用经费[295-324]', 5),
  line(43, '类[41-49] 款[61-68]', 5),
  line(44, '合计[112-128] 45,412.74[219-251] 32,025.66[257-289] 13,387.08[295-327]', 5),
  line(46, '205001[77-101] 四川省公安厅交通警察总队[112-198] 3,725.62[223-251] 2,332.85[261-289] 1,392.77[299-327]', 5),
  line(47, '301[77-89] 工资福利支出[112-155] 2,332.79[223-251] 2,332.79[261-289]', 5),
  line(48, '301[41-53] 01[61-69] 30101[77-97] 基本工资[112-141] 401.15[229-251] 401.15[267-289]', 5),
  line(60, '302[77-89] 商品和服务支出[112-162] 1,392.77[223-251] 1,392.77[299-327]', 6),
  line(61, '302[41-53] 01[61-69] 30201[77-97] 办公费[112-133] 59.00[233-251] 59.00[309-327]', 6),
  // A second HTML table: every column 40 points to the right.
  line(62, '302[41-53] 05[60-68] 30205[74-94] 水费[108-123] 27.00[273-291] 27.00[349-367]', 6),
  line(63, '303[74-86] 对个人和家庭的补助[108-173] 0.06[277-291] 0.06[315-329]', 6),
  line(64, '205303[74-98] 四川省公安厅交通警察总队（高速公路支队）[108-252] 41,514.12[259-291] 29,529.42[297-329] 11,984.70[335-367]', 6),
  line(65, '301[74-86] 工资福利支出[108-152] 29,528.66[259-291] 29,528.66[297-329]', 6),
  // A third: its 301 rows fill 合计|人员, its 302 rows 合计|公用, no row all three.
  line(66, '301[41-53] 03[60-68] 3010303[74-102] 基础绩效奖[108-144] 5,579.99[219-247] 5,579.99[254-282]', 6),
  line(67, '302[74-86] 商品和服务支出[108-159] 11,984.70[215-247] 11,984.70[288-320]', 6),
  line(68, '302[41-53] 02[60-68] 30202[74-94] 印刷费[108-130] 92.60[229-247] 92.60[302-320]', 7),
  // A fourth, of 公用 rows only: the empty 人员经费 column is printed narrow.
  line(69, '302[41-53] 28[60-68] 30228[74-94] 工会经费[108-137] 0.85[179-193] 0.85[206-220]', 7),
  line(70, '302[41-53] 29[60-68] 30229[74-94] 福利费[108-130] 1.20[179-193] 1.20[206-220]', 7),
];
const amount = (t: { text: string }) => /^[\d,]+\.\d+$/.test(t.text);

test('pieces: a new piece begins where a line’s right edges cannot be the columns seen so far', () => {
  const pieces = geometryBlocks(lines.slice(3), amount);
  assert.deepEqual(
    pieces.map((p) => p.map((l) => l.line)),
    [
      [44, 46, 47, 48, 60, 61],
      [62, 63, 64, 65],
      [66, 67, 68],
      [69, 70],
    ],
  );
  // Centred or jittering amounts make no pieces.
  const jitter = [0, 7, 3, 11, 5, 9].map((d, k) => line(k, `x[0-10] 1.00[${200 + d}-${220 + d}] 2.00[${260 - d}-${280 - d}]`));
  assert.equal(geometryBlocks(jitter, amount).length, 1);
  assert.deepEqual(pieceMaps([1, 2, 3], [5, 6]), [
    [0, 1],
    [0, 2],
    [1, 2],
  ]);
});

test('pieces: each piece is read on its own columns, a narrow piece where the identities say', () => {
  const plain = treeGrid(lines, spec);
  const pieces = treeGrid(lines, spec, false, TREE_VARIANTS.find((v) => v.options.pieces)!.options);
  const row = (rows: typeof plain.rows, label: string) => rows.find((r) => r.cells[3] === label)!.cells.slice(2);
  // The default reading puts the second piece's amounts in the wrong columns…
  assert.notDeepEqual(row(plain.rows, '水费'), ['30205', '水费', '27.00', '', '27.00']);
  assert.deepEqual(row(pieces.rows, '水费'), ['30205', '水费', '27.00', '', '27.00']);
  assert.deepEqual(row(pieces.rows, '基础绩效奖'), ['3010303', '基础绩效奖', '5,579.99', '5,579.99', '']);
  assert.deepEqual(row(pieces.rows, '印刷费'), ['30202', '印刷费', '92.60', '', '92.60']);
  // …and the narrow piece's two columns are 合计 and 公用经费: its rows' parent (302) has no 人员经费.
  assert.deepEqual(row(pieces.rows, '工会经费'), ['30228', '工会经费', '0.85', '', '0.85']);
  assert.deepEqual(row(pieces.rows, '福利费'), ['30229', '福利费', '1.20', '', '1.20']);
  // Full codes printed beside their 类 | 款 pieces, and the unit code, stay out of the labels.
  assert.deepEqual(row(pieces.rows, '基本工资').slice(0, 2), ['30101', '基本工资']);
  assert.deepEqual(pieces.rows.find((r) => r.cells[3] === '四川省公安厅交通警察总队')!.cells[2], '205001');
});
