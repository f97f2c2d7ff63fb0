import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readText } from '../../../test/support/seed.js';
import { runRules } from '../../rules/engine.js';
import { summaryPersonnelVsBasic } from './summary-personnel-vs-basic.js';

// A Shanghai-style unit budget in tab text: 收支总表 with 人员经费/公用经费 columns on the 支出 side.
const doc = (personnel: string) =>
  [
    '某某局2026年单位预算',
    '部门收支总表',
    '金额单位：万元',
    '项目\t预算数\t项目\t合计\t基本支出\t人员经费\t公用经费\t项目支出',
    '一般公共预算拨款收入\t100.00\t一般公共服务支出\t100.00\t80.00\t' + personnel + '\t20.00\t20.00',
    '收入总计\t100.00\t支出总计\t100.00\t80.00\t' + personnel + '\t20.00\t20.00',
    '一般公共预算基本支出表',
    '金额单位：万元',
    '科目编码\t科目名称\t合计\t人员经费\t公用经费',
    '301\t工资福利支出\t60.00\t60.00\t',
    '302\t商品和服务支出\t20.00\t\t20.00',
    '合计\t\t80.00\t60.00\t20.00',
    '情况说明：本单位收入预算 100 万元。',
  ].join('\n');

const run = (text: string) => {
  const { disclosure, profile } = readText(text);
  return runRules(disclosure, { ...profile, identities: [...profile.identities, summaryPersonnelVsBasic.id] }, [summaryPersonnelVsBasic]);
};

test('summary-personnel-vs-basic: equal splits pass', () => {
  assert.deepEqual(run(doc('60.00')), []);
});

test('summary-personnel-vs-basic: a 人员经费 that differs from the basic table is an error', () => {
  const found = run(doc('61.00'));
  assert.ok(found.length >= 1);
  assert.equal(found[0]!.severity, 'error');
  assert.equal(found[0]!.expected, '60.00');
  assert.equal(found[0]!.actual, '61.00');
});

test('summary-personnel-vs-basic: with 事业收入 the all-funds 人员经费 is not compared with the 一般公共预算 table', () => {
  const text = doc('61.00').replace('一般公共预算拨款收入\t100.00', '一般公共预算拨款收入\t99.00').replace('收入总计', '事业收入\t1.00\n收入总计');
  const { disclosure } = readText(text);
  const t1 = disclosure.tables.find((t) => t.role === 'summary')!;
  assert.ok(
    t1.rows.some((r) => r.item === 'businessIncome'),
    'the 事业收入 line is read',
  );
  assert.deepEqual(run(text), []);
});
