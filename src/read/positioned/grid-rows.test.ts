import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProfileTable } from '../../profiles/types.js';
import { joinWrappedCells, joinYearWords, treeGrid } from './grid.js';
import type { PositionedLine, Token } from './types.js';

const tok = (text: string, x0: number, x1 = x0 + text.length * 10): Token => ({ text, x0, x1 });
const line = (y: number, ...tokens: Token[]): PositionedLine => ({ page: 1, y, height: 10, tokens, line: y });

test('a year followed by 年… is text, not an amount; a lone year or amount stays', () => {
  const [a, b, c] = joinYearWords([
    line(1, tok('无锡市某某局', 36, 180), tok('2026', 182, 200), tok('年度单位预算公开', 203, 275)),
    line(2, tok('合计', 40, 60), tok('2026', 300, 320), tok('年初结转', 400, 440)),
    line(3, tok('合计', 40, 60), tok('2,026.00', 300, 340)),
  ]);
  assert.deepEqual(
    a!.tokens.map((t) => t.text),
    ['无锡市某某局2026年度单位预算公开'],
  );
  // Far from the next word: a value in its column.
  assert.deepEqual(
    b!.tokens.map((t) => t.text),
    ['合计', '2026', '年初结转'],
  );
  assert.deepEqual(
    c!.tokens.map((t) => t.text),
    ['合计', '2,026.00'],
  );
});

const pdfLine = (y: number, ...tokens: Token[]): PositionedLine => ({ page: 1, y, height: 7.5, tokens, line: Math.round(y), box: [0, 0, 0, 0] });

test('a name wrapped around its row (above and below the amounts) is one row; rows a pitch apart stay apart', () => {
  const out = joinWrappedCells([
    pdfLine(223, tok('06', 64, 71), tok('事业运行', 95, 135), tok('67.27', 213, 232)),
    pdfLine(240.4, tok('对机关事业单位基本养老', 95, 178)),
    pdfLine(244.2, tok('07', 64, 71), tok('101,790.00', 194, 232)),
    pdfLine(248, tok('保险基金的补助', 80, 133)),
    // The last characters printed a little aside of the rest of the name.
    pdfLine(261.6, tok('其他行政事业单位养老支', 95, 178)),
    pdfLine(265.4, tok('99', 64, 71), tok('3.72', 217, 232)),
    pdfLine(269.2, tok('出', 80, 88)),
    pdfLine(286.6, tok('07', 42, 50), tok('就业补助', 88, 118), tok('745.00', 209, 232)),
    pdfLine(294.1, tok('（含补贴）', 88, 128)),
    pdfLine(307.8, tok('02', 64, 71), tok('职业培训补贴', 95, 140), tok('390.00', 209, 232)),
  ]);
  assert.deepEqual(
    out.map((l) => l.tokens.map((t) => t.text).join('|')),
    [
      '06|事业运行|67.27',
      '07|对机关事业单位基本养老保险基金的补助|101,790.00',
      '99|其他行政事业单位养老支出|3.72',
      '07|就业补助（含补贴）|745.00',
      '02|职业培训补贴|390.00',
    ],
  );
});

test('a wrapped name in the first of several label columns stays in its column', () => {
  const out = joinWrappedCells([
    pdfLine(421.5, tok('2080501-行政单位离退休', 63, 139), tok('50905-离退休费', 192, 241), tok('3.058000', 481, 507)),
    pdfLine(433.8, tok('2080502-事业单位离退休', 63, 139), tok('50901-社会福利和救助', 192, 261), tok('18.000000', 477, 507)),
    pdfLine(446.0, tok('2080502-事业单位离退休', 63, 139), tok('50905-离退休费', 192, 241), tok('169.407000', 474, 507)),
    pdfLine(457.4, tok('2080505-机关事业单位基本养老保险缴费', 63, 187)),
    pdfLine(461.6, tok('50102-社会保障缴费', 192, 254), tok('1,072.390656', 469, 507)),
    pdfLine(465.7, tok('支出', 63, 77)),
  ]);
  assert.deepEqual(
    out.at(-1)!.tokens.map((t) => t.text),
    ['2080505-机关事业单位基本养老保险缴费支出', '50102-社会保障缴费', '1,072.390656'],
  );
});

test('layout text (no boxes) and statements with empty items are left alone', () => {
  const lines = [
    pdfLine(126.1, tok('一、财政拨款收入', 45, 120), tok('1,717.85', 258, 296), tok('一、一般公共服务支出', 300, 384), tok('1,378.84', 512, 550)),
    pdfLine(144.5, tok('一般公共预算收入', 64, 139), tok('1,717.85', 258, 296), tok('二、外交支出', 300, 350)),
    pdfLine(162.8, tok('政府性基金预算收入', 64, 148), tok('三、公共安全支出', 300, 367)),
    pdfLine(181.2, tok('国有资本经营预算收入', 64, 158), tok('四、教育支出', 300, 350), tok('1.00', 531, 550)),
    pdfLine(199.6, tok('五、科学技术支出', 300, 367)),
    pdfLine(236.4, tok('七、社会保障和就业支出', 300, 393), tok('178.50', 522, 550)),
  ];
  assert.deepEqual(joinWrappedCells(lines), lines);
  const layout = lines.map(({ box: _box, ...l }) => l);
  assert.deepEqual(joinWrappedCells(layout), layout);
});

test('the tail of a name printed at the far left of its cell, with no code between, still ends the name', () => {
  const out = joinWrappedCells([
    pdfLine(291.9, tok('奖金', 70, 90), tok('596.37', 249, 279)),
    pdfLine(308.0, tok('机关事业单位基本养老保险缴', 70, 200)),
    pdfLine(315.8, tok('421.78', 249, 279)),
    pdfLine(323.6, tok('费', 30, 40)),
    pdfLine(339.7, tok('职业年金缴费', 70, 130), tok('210.89', 249, 279)),
  ]);
  assert.deepEqual(
    out.map((l) => l.tokens.map((t) => t.text).join('|')),
    ['奖金|596.37', '机关事业单位基本养老保险缴费|421.78', '职业年金缴费|210.89'],
  );
});

const spec = {
  id: '3',
  title: '支出总表',
  layout: 'classTree',
  labelColumn: 1,
  codeColumns: [0],
  measures: [{ measure: 'total', column: 2 }],
} as unknown as ProfileTable;

test('类 | 款 | 项 in columns of their own: a row printing only 款 or 项 digits extends its parent code', () => {
  const header = [
    pdfLine(120, tok('科目编码', 29, 63), tok('科目名称', 114, 148), tok('合计', 200, 217)),
    pdfLine(130, tok('类', 21, 29), tok('款', 42, 50), tok('项', 63, 72)),
  ];
  const data = [
    pdfLine(180.6, tok('合', 80, 88), tok('计', 95, 103), tok('1,073.45', 194, 232)),
    pdfLine(201.8, tok('208', 19, 31), tok('社会保障和就业支出', 80, 148), tok('1,073.45', 194, 232)),
    pdfLine(223.0, tok('01', 42, 50), tok('人力资源和社会保障管理事务', 88, 178), tok('1,073.45', 194, 232)),
    pdfLine(244.2, tok('01', 64, 71), tok('行政运行', 95, 125), tok('1,000.00', 194, 232)),
    pdfLine(265.4, tok('02', 64, 71), tok('一般行政管理事务', 95, 155), tok('73.45', 209, 232)),
  ];
  const { rows } = treeGrid([...header, ...data], spec);
  assert.deepEqual(
    rows.map((r) => r.cells.slice(0, 3)),
    [
      ['', '合计', '1,073.45'],
      ['208', '社会保障和就业支出', '1,073.45'],
      ['20801', '人力资源和社会保障管理事务', '1,073.45'],
      ['2080101', '行政运行', '1,000.00'],
      ['2080102', '一般行政管理事务', '73.45'],
    ],
  );
  // A continuation page: the codes extend the last code read before it.
  const more = treeGrid(
    [
      ...header,
      pdfLine(180, tok('05', 64, 71), tok('劳动保障监察', 95, 140), tok('5.00', 209, 232)),
      pdfLine(200, tok('06', 64, 71), tok('就业管理事务', 95, 140), tok('6.00', 209, 232)),
      pdfLine(220, tok('07', 64, 71), tok('其他', 95, 140), tok('7.00', 209, 232)),
    ],
    spec,
    false,
    { parentCode: '2080102' },
  );
  assert.deepEqual(
    more.rows.map((r) => r.cells[0]),
    ['2080105', '2080106', '2080107'],
  );
});

test('a wrapped unit name between two rows: lines continue the row above until its name is complete, then begin the row below', () => {
  const unitSpec = { ...spec, classification: 'economic' } as unknown as ProfileTable;
  const l = (k: number, ...tokens: Token[]): PositionedLine => ({ page: 1, y: 20 * k, height: 10, tokens, line: k });
  const { rows } = treeGrid(
    [
      l(1, tok('支出项目类别', 48, 158), tok('总计', 199, 219)),
      l(2, tok('合计', 90, 110), tok('1,000.00', 208, 253)),
      l(3, tok('广州市政府政务信息系统管理中心', 48, 158), tok('100.00', 223, 253)),
      l(4, tok('对个人和家庭的补助', 58, 148), tok('100.00', 223, 253)),
      l(5, tok('广州地区公文交换站（广', 48, 158)),
      l(6, tok('州市人民政府公报编辑', 43, 143), tok('900.00', 223, 253)),
      l(7, tok('部）', 43, 63)),
      l(8, tok('工资福利支出', 58, 118), tok('900.00', 223, 253)),
    ],
    unitSpec,
  );
  assert.deepEqual(
    rows.map((r) => r.cells[1]),
    ['合计', '广州市政府政务信息系统管理中心', '对个人和家庭的补助', '广州地区公文交换站（广州市人民政府公报编辑部）', '工资福利支出'],
  );
});

test('text above a cell that opens with its code ends the cell above, though printed nearer the row below (w060 p9)', () => {
  const l = (y: number, h: number, ...tokens: Token[]): PositionedLine => ({ page: 9, y, height: h, tokens, line: Math.round(y), box: [0, 0, 0, 0] });
  const out = joinWrappedCells([
    l(
      157.7,
      9,
      tok('2130301-行政运行', 75.7, 148.2),
      tok('50901-社会福利和救助', 188.5, 278.9),
      tok('30309-奖励金', 309.9, 364.2),
      tok('0.228000', 466.1, 502.4),
    ),
    l(
      171.0,
      11.2,
      tok('2130301-行政运行', 75.7, 148.2),
      tok('50999-其他对个人和家庭的补 30399-其他对个人和家庭的补', 188.5, 427.2),
      tok('3,271.805946', 447.8, 502.4),
    ),
    l(182.3, 9, tok('助', 188.5, 197.5), tok('助', 309.9, 318.9)),
    l(188.5, 9, tok('2130304-水利行业业务管理 50101-工资奖金津补贴', 75.7, 278.9), tok('30102-津贴补贴', 309.9, 373.2), tok('13.638000', 461.5, 502.4)),
    l(204.1, 9, tok('2130304-水利行业业务管理 50102-社会保障缴费', 75.7, 269.9), tok('30112-其他社会保障缴费', 309.9, 409.2), tok('4.604136', 466.1, 502.4)),
  ]);
  // The code-led row keeps its code at the front; the fragments stay a line of their own for the row above.
  assert.deepEqual(
    out.map((x) => x.tokens[0]!.text),
    ['2130301-行政运行', '2130301-行政运行', '助', '2130304-水利行业业务管理 50101-工资奖金津补贴', '2130304-水利行业业务管理 50102-社会保障缴费'],
  );
  const flat = { ...spec, classification: 'function' } as unknown as ProfileTable;
  const { rows } = treeGrid([pdfLine(140, tok('功能分类科目', 75.7, 140), tok('合计', 470, 490)), ...out], flat);
  assert.deepEqual(
    rows.map((r) => r.cells[0]),
    ['2130301', '2130301', '2130304', '2130304'],
  );
});

test('an amount wrapped in its narrow cell whose head sits on the row line: the lone digits below complete it (w115 p27)', () => {
  const l = (y: number, h: number, ...tokens: Token[]): PositionedLine => ({ page: 27, y, height: h, tokens, line: Math.round(y), box: [0, 0, 0, 0] });
  const projects = {
    ...spec,
    labelColumn: 0,
    codeColumns: [],
    measures: [
      { measure: 'total', column: 1 },
      { measure: 'personnel', column: 2 },
      { measure: 'publicUse', column: 3 },
      { measure: 'project', column: 4 },
    ],
  } as unknown as ProfileTable;
  const { rows } = treeGrid(
    [
      l(12, 10, tok('功能分类科目名称', 44, 140), tok('合计', 420, 446), tok('人员经费', 470, 513), tok('公用经费', 536, 579), tok('项目支出', 590, 632)),
      l(247.1, 9.9, tok('226,000.0', 588.2, 632.6)),
      l(254.8, 10.1, tok('其他城乡社区支出', 63.8, 143.4), tok('226,000.00', 402.7, 452.0)),
      l(262.9, 9.9, tok('0', 628.6, 633.5)),
      l(279.9, 9.9, tok('116,780.6', 588.5, 632.5)),
      l(285.4, 11.1, tok('交通运输支出', 44.2, 103.3), tok('174,982.14', 401.8, 451.7), tok('47,044.17', 468.7, 513.0), tok('11157.35', 535.7, 579.7)),
      l(293.7, 9.9, tok('2', 628.2, 633.2)),
      l(
        309.3,
        11.3,
        tok('公路水路运输', 53.8, 113.5),
        tok('106,604.22', 401.8, 451.7),
        tok('47,044.17', 468.7, 513.0),
        tok('11157.35', 535.7, 579.7),
        tok('48,402.71', 588.2, 632.6),
      ),
    ],
    projects,
  );
  assert.deepEqual(
    rows.map((r) => r.cells.slice(0, 5)),
    [
      ['其他城乡社区支出', '226,000.00', '', '', '226,000.00'],
      ['交通运输支出', '174,982.14', '47,044.17', '11157.35', '116,780.62'],
      ['公路水路运输', '106,604.22', '47,044.17', '11157.35', '48,402.71'],
    ],
  );
});

test('项 digits and amounts on one line, the name wrapped around it a third of a line away (w162 p.10): the line is the row, its amounts stay on it', () => {
  const header = [
    pdfLine(120, tok('科目编码', 29, 63), tok('科目名称', 114, 148), tok('合计', 200, 217)),
    pdfLine(130, tok('类', 21, 29), tok('款', 42, 50), tok('项', 63, 72)),
  ];
  const data = [
    pdfLine(240.4, tok('对机关事业单位基本养老', 95, 178)),
    pdfLine(244.2, tok('07', 64, 71), tok('101,790.00', 194, 232)),
    pdfLine(248.0, tok('保险基金的补助', 80, 133)),
    pdfLine(261.6, tok('其他行政事业单位养老支', 95, 178)),
    pdfLine(265.4, tok('99', 64, 71), tok('3.72', 217, 232)),
    pdfLine(269.2, tok('出', 80, 88)),
    pdfLine(286.6, tok('07', 42, 50), tok('就业补助', 88, 118), tok('745.00', 209, 232)),
  ];
  const { rows } = treeGrid([...header, ...data], spec, false, { parentCode: '2080506' });
  assert.deepEqual(
    rows.map((r) => r.cells.slice(0, 3)),
    [
      ['2080507', '对机关事业单位基本养老保险基金的补助', '101,790.00'],
      ['2080599', '其他行政事业单位养老支出', '3.72'],
      ['20807', '就业补助', '745.00'],
    ],
  );
});
