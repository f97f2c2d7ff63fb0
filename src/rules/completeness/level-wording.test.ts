import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, readText, SEED_TEXT } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { levelWording } from './level-wording.js';

test('level-wording: a provincial document may speak of its own level', () => {
  assert.deepEqual(findingsOf(levelWording, SEED_TEXT), []);
});

test('level-wording: a district document defining 市级预算主管部门 is warned at that line', () => {
  const text = SEED_TEXT.replace('四川省公安厅交通警察\n总队 2024 年部门预算', '上海市普陀区司法局\n2024 年部门预算').replace(
    '1. 财政拨款收入：指财政部门核拨给单位的财政预算资金。',
    '1. 财政拨款收入：是市级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。',
  );
  const { disclosure, profile } = readText(text);
  const found = runRules(disclosure, profile, [levelWording]);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.equal(found[0]!.expected, '区级预算主管部门');
  assert.ok(found[0]!.locations[0]!.line > 900);
});
