import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dominantDecimals, joinSplitNumbers, splitGluedAmounts } from './grid.js';
import type { PositionedLine, Token } from './types.js';

const tok = (text: string, x0: number, x1: number): Token => ({ text, x0, x1 });
const line = (y: number, ...tokens: Token[]): PositionedLine => ({ page: 1, y, height: 7.5, tokens, line: Math.round(y) });
const texts = (l: PositionedLine) => l.tokens.map((t) => t.text);

// 部门收入总体情况表 合计 row: each amount wraps its decimals onto a second line in its narrow cell,
// and the text layer runs ".64" into the next cell's "101,833".
const glued = [
  line(206.3, tok('合', 164.8, 174), tok('计', 183.6, 192.8), tok('174,900.64101,833.8441,534.73', 290.4, 435.1), tok('22,070.82', 487.4, 532.6)),
  line(226, tok('201', 72.9, 86.9), tok('一般公共服务支出', 129.1, 204.2), tok('23,103.76', 295, 339.9), tok('16,604.23', 347.6, 388)),
  line(266.7, tok('2011301', 91.7, 124.3), tok('行政运行', 147.9, 185.4), tok('6,231.54', 299.7, 336.9), tok('6,231.54', 350.7, 388)),
  line(287.1, tok('215', 72.9, 86.9), tok('资源勘探工业信息等支出', 129.1, 232.4), tok('110,344.65101,963.54', 290.4, 388), tok('4,101.69', 539.3, 576.5)),
];

test('a table precision is the decimals most of its amounts print, not a glued outlier', () => {
  assert.equal(dominantDecimals(glued), 2);
});

test('amounts run together by the text layer are cut at the table precision, each near its column', () => {
  const [a, , , b] = splitGluedAmounts(glued);
  assert.deepEqual(texts(a!), ['合', '计', '174,900.64', '101,833.84', '41,534.73', '22,070.82']);
  assert.deepEqual(texts(b!), ['215', '资源勘探工业信息等支出', '110,344.65', '101,963.54', '4,101.69']);
  // Right edges land on the columns' (339.9, 388, 433.7) within a character or two.
  assert.ok(Math.abs(a!.tokens[2]!.x1 - 339.9) < 5 && Math.abs(a!.tokens[3]!.x1 - 388) < 5);
});

test('decimals printed apart from their integer part rejoin it; a run that does not cut cleanly stays', () => {
  // 收支总表: "25180591" then ".33 一、部门预算" (the next cell's label glued to the decimals).
  const out = splitGluedAmounts([
    line(138.7, tok('一、部门预算', 69.6, 111.8), tok('25180591', 218.6, 251.8), tok('.33 一、部门预算', 256, 312.9), tok('25180591.33', 554.9, 602.3)),
    line(148.7, tok('1、财政拨款', 76.7, 115.4), tok('25180591', 218.6, 251.8), tok('.33', 256, 268.4), tok('14587091.33', 554.9, 602.3)),
    line(158.7, tok('合计', 76.7, 115.4), tok('12.345', 218.6, 251.8), tok('2,688,467.31', 554.9, 602.3)),
  ]);
  assert.deepEqual(texts(out[0]!), ['一、部门预算', '25180591.33', '一、部门预算', '25180591.33']);
  assert.deepEqual(texts(out[1]!), ['1、财政拨款', '25180591.33', '14587091.33']);
  assert.deepEqual(texts(out[2]!), ['合计', '12.345', '2,688,467.31']);
});

test('decimals under decimals are two rows’ own, not one number split over two lines', () => {
  // Two rows each print "25180591" and, a little to the right, ".33": the second ".33" is no
  // continuation of the first.
  const out = splitGluedAmounts(
    joinSplitNumbers([
      line(138.7, tok('一、部门预算', 69.6, 111.8), tok('25180591.33', 218.6, 266), tok('14587091.33', 554.9, 602.3)),
      line(
        148.7,
        tok('1、财政拨款', 76.7, 115.4),
        tok('25180591', 218.6, 251.8),
        tok('.33', 256, 268.4),
        tok('1、一般公共服务支出', 277.7, 344.4),
        tok('0.00', 423.1, 439.1),
      ),
      line(
        158.7,
        tok('(1)一般公共预算拨款', 83.7, 150.5),
        tok('25180591', 218.6, 251.8),
        tok('.33', 256, 268.4),
        tok('2、外交支出', 277.7, 316.4),
        tok('0.00', 423.1, 439.1),
      ),
    ]),
  );
  assert.deepEqual(texts(out[1]!), ['1、财政拨款', '25180591.33', '1、一般公共服务支出', '0.00']);
  assert.deepEqual(texts(out[2]!), ['(1)一般公共预算拨款', '25180591.33', '2、外交支出', '0.00']);
});

test('an amount wrapped in its cell, its head taken into the row, gets the digits printed below it', () => {
  // 市级部门支出预算总表: "116,780.6" printed a little above 交通运输支出's line, "2" below it.
  const out = joinSplitNumbers([
    line(254.8, tok('其他城乡社区支出', 63.8, 143.4), tok('226,000.00', 402.7, 452), tok('226,000.00', 588.2, 632.6)),
    line(
      285.4,
      tok('交通运输支出', 44.2, 103.3),
      tok('174,982.14', 401.8, 451.7),
      tok('47,044.17', 468.7, 513),
      tok('11157.35', 535.7, 579.7),
      tok('116,780.6', 588.5, 632.5),
    ),
    line(293.7, tok('2', 628.2, 633.2)),
    line(
      309.3,
      tok('公路水路运输', 53.8, 113.5),
      tok('106,604.22', 401.8, 451.7),
      tok('47,044.17', 468.7, 513),
      tok('11157.35', 535.7, 579.7),
      tok('48,402.71', 588.2, 632.6),
    ),
  ]);
  assert.equal(out.length, 3);
  assert.deepEqual(texts(out[1]!), ['交通运输支出', '174,982.14', '47,044.17', '11157.35', '116,780.62']);
});
