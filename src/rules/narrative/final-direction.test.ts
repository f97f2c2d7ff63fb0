import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { readSeed } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { finalDirection } from './final-direction.js';

/** The example read as a 决算 whose narrative has these sentences, in one section. */
function finalWith(...texts: string[]) {
  const { disclosure, profile } = readSeed();
  disclosure.meta.kind = 'final';
  const at = disclosure.narrative.sentences[10]!;
  disclosure.narrative.sentences = texts.map((text, k) => ({ ...at, index: k, text, source: { ...at.source, line: at.source.line + k } }));
  return runRules(disclosure, profile, [finalDirection]);
}

test('final-direction: a budget disclosure is not checked', () => {
  const { disclosure, profile } = readSeed();
  assert.deepEqual(runRules(disclosure, profile, [finalDirection]), []);
});

test('final-direction: the word agrees with the figures', () => {
  assert.deepEqual(finalWith('年初预算为 1017.2 万元，支出决算为 1028.48 万元，完成年初预算的 101.11%。', '决算数大于预算数的主要原因是增人增资。'), []);
  assert.deepEqual(finalWith('年初预算为 10.00 万元，支出决算为10.00万元。', '决算数与预算数基本持平。'), []);
});

test('final-direction: 小于 where the actual exceeds the budget is an error at the statement', () => {
  const f = only(finalWith('年初预算为 1017.2 万元，支出决算为 1028.48 万元，完成年初预算的 101.11%。', '决算数小于预算数的主要原因是增人增资。'));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '大于');
  assert.equal(f.actual, '小于');
  assert.match(f.message, /1028\.48/);
});

test('final-direction: the full-year budget is the 预算数 when it is given', () => {
  const text = '年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。';
  assert.deepEqual(finalWith(text, '决算数小于预算数的主要原因：人员经费支出数小于预算数。'), []);
  assert.equal(finalWith(text, '决算数大于预算数的主要原因：人员经费增加。').length, 1);
});

test('final-direction: figures that disagree with each other leave the basis in doubt', () => {
  assert.deepEqual(finalWith('年初预算为 100 万元，支出决算为 90 万元，完成预算的 102.00%。', '决算数大于预算数。'), []);
});
