import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProfiles } from '../../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../../rules/catalog.js';
import { segmentPositioned } from './segment.js';
import type { PositionedDocument, PositionedLine, Token } from './types.js';

const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'jiangsu-budget')!;
let lineNo = 0;
const tok = (text: string, x0: number, x1 = x0 + text.length * 10): Token => ({ text, x0, x1 });
const line = (page: number, y: number, ...tokens: Token[]): PositionedLine => ({ page, y, height: 10, tokens, line: ++lineNo });
const row = (page: number, y: number, code: string, label: string, amount: string) =>
  line(page, y, tok(code, 40, 80), tok(label, 120), tok(amount, 320, 370), tok(amount, 420, 470));
const header = (page: number) => [
  line(page, 60, tok('单位：万元', 500, 550)),
  line(page, 80, tok('科目编码', 40, 80), tok('科目名称', 120, 160), tok('合计', 340, 370), tok('基本支出', 430, 470)),
];
const RUNNING = '某某市某某局（本级）';

function doc(pages: PositionedLine[][]): PositionedDocument {
  return {
    files: ['t.pdf'],
    format: 'pdf',
    sha256: '',
    pages: pages.map((lines, i) => ({ number: i + 1, file: 't.pdf', width: 600, height: 800, lines, imageOnly: false })),
  };
}

test('a running page header naming a 单位预算 is furniture, not the wrapped tail of the last row', () => {
  lineNo = 0;
  const top = (p: number) => line(p, 10, tok(RUNNING, 36, 180), tok('2026', 182, 200), tok('年度单位预算公开', 203, 275));
  const pages = [
    [
      top(1),
      line(1, 40, tok('支出总表', 300, 340)),
      ...header(1),
      row(1, 100, '208', '社会保障和就业支出', '30.00'),
      row(1, 120, '20805', '行政事业单位养老支出', '30.00'),
    ],
    [top(2), row(2, 40, '2080505', '机关事业单位基本养老保险缴费支出', '30.00'), line(2, 60, tok('其他说明文字', 40))],
    [top(3), line(3, 40, tok('一般公共预算支出表', 300, 390)), ...header(3), row(3, 100, '208', '社会保障和就业支出', '30.00')],
  ];
  const raw = segmentPositioned(doc(pages), profile);
  const t3 = raw.tables.find((t) => t.tableId === '3')!;
  assert.deepEqual(
    t3.rows.map((r) => r.cells[1]),
    ['社会保障和就业支出', '行政事业单位养老支出', '机关事业单位基本养老保险缴费支出其他说明文字'],
  );
  assert.ok(t3.rows.every((r) => !r.cells.some((c) => /2026/.test(c))));
});

test('a section heading naming the next table ends this table; a 备注 under an empty table is a note', () => {
  lineNo = 0;
  const pages = [
    [
      line(1, 40, tok('国有资本经营预算支出预算表', 300, 430)),
      ...header(1),
      line(1, 100, tok('合计', 160, 180), tok('0.00', 340, 370), tok('0.00', 440, 470)),
      line(1, 130, tok('备注：本单位', 40, 100), tok('2026', 102, 122), tok('年没有使用国有资本经营预算拨款安排的支', 126, 500)),
      line(1, 150, tok('出。', 40, 60)),
      line(1, 170, tok('一般公共预算支出表', 40, 130)),
    ],
    [line(2, 40, tok('2026', 184, 216), tok('年度一般公共预算支出表', 220, 412)), ...header(2), row(2, 100, '208', '社会保障和就业支出', '30.00')],
  ];
  const raw = segmentPositioned(doc(pages), profile);
  const t11 = raw.tables.find((t) => t.tableId === '11')!;
  assert.deepEqual(
    t11.rows.map((r) => r.cells.filter((c) => c)),
    [['合计', '0.00', '0.00']],
  );
  assert.match(t11.notes.map((n) => n.text).join(''), /^备注：本单位/);
  const t7 = raw.tables.find((t) => t.tableId === '7')!;
  assert.deepEqual(
    t7.rows.map((r) => r.cells[1]),
    ['社会保障和就业支出'],
  );
});
