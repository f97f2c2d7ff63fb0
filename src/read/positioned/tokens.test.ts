import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNumberText, normalizeText, splitTokens } from './tokens.js';

const split = (s: string) => {
  const chars = [...s];
  return splitTokens(chars).map(({ start, end }) => chars.slice(start, end).join(''));
};

test('splitTokens: runs of two or more spaces always separate', () => {
  assert.deepEqual(split('一般公共服务支出    47,179.30'), ['一般公共服务支出', '47,179.30']);
  assert.deepEqual(split('  合   计   100  '), ['合', '计', '100']);
  assert.deepEqual(split('科目名称\t合计'), ['科目名称', '合计']);
});

test('splitTokens: one space separates a number from a non-number, not two words', () => {
  assert.deepEqual(split('16,474.82 一、一般公共服务支出'), ['16,474.82', '一、一般公共服务支出']);
  assert.deepEqual(split('48,362.82 本年支出合计'), ['48,362.82', '本年支出合计']);
  assert.deepEqual(split('合 计'), ['合 计']);
  assert.deepEqual(split('收 入 总 计'), ['收 入 总 计']);
  assert.deepEqual(split('-55.76% 2,775.60'), ['-55.76%', '2,775.60']);
  assert.deepEqual(split('2026 年度'), ['2026', '年度']);
});

test('splitTokens: one space between two numbers separates them too (merged cells, code columns)', () => {
  assert.deepEqual(split('14,770.62 12,672.73'), ['14,770.62', '12,672.73']);
  assert.deepEqual(split('1 302   27 502'), ['1', '302', '27', '502']);
});

test('splitTokens: ideographic space counts as a space', () => {
  assert.deepEqual(split('合\u3000计'), ['合\u3000计']);
  assert.deepEqual(split('合计\u3000\u3000100'), ['合计', '100']);
});

test('isNumberText: digits with commas and decimals, optional minus; needs a digit', () => {
  for (const s of ['0', '16,474.82', '-20,766.60', '80818.35', '１２３']) assert.ok(isNumberText(s), s);
  for (const s of [',', '-', '12.5%', '.62', '2026年', '一', '']) assert.ok(!isNumberText(s), s);
});

test('normalizeText: radicals, compatibility ideographs and full-width digits; Chinese punctuation kept', () => {
  assert.equal(normalizeText('\u2ed4\u2eda\u2ecb\u2ed3\u2ec5'), '门页车长见');
  assert.equal(normalizeText('\u2f40\u2f6c\u2fa6\u2f8f\u2f00'), '支目金行一');
  assert.equal(normalizeText('单位：万元（１２３）'), '单位：万元（123）');
  assert.equal(normalizeText('合\u3000计'), '合 计');
  for (let cp = 0x2e80; cp <= 0x2fdf; cp++) {
    const out = normalizeText(String.fromCodePoint(cp));
    if (out !== String.fromCodePoint(cp)) assert.ok(![...out].some((c) => c >= '\u2e80' && c <= '\u2fdf'), cp.toString(16));
  }
});
