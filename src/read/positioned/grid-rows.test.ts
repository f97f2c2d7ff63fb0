import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinYearWords } from './grid.js';
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
