import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lineOf, readSeed, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { comparisonYear } from './comparison-year.js';

test('comparison-year: the example compares 2024 with 2023 throughout', () => {
  assert.deepEqual(findingsOf(comparisonYear, SEED_TEXT), []);
});

test('comparison-year: comparing with the document’s own year is an error at that line', () => {
  const line = lineOf('比 2023 年收支预算总数减少');
  const found = findingsOf(comparisonYear, seedWith([line, '比 2023 年收支预算总数', '比 2024 年收支预算总数']));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'error');
  assert.equal(found[0]!.expected, '2023年');
  assert.equal(found[0]!.actual, '2024年');
  assert.equal(found[0]!.locations[0]!.line, line);
});

test('comparison-year: a figure of one year compared with the same year is an error', () => {
  // As in 007: "2025年“三公”经费预算 …, 比 2025 年减少" in a 2026 budget.
  const line = lineOf('交警总队 2024 年“三公”经费财政拨款预算数');
  const text = seedWith([
    line,
    '交警总队 2024 年“三公”经费财政拨款预算数 3387.5 万元',
    '交警总队 2023 年“三公”经费财政拨款预算数 3387.5 万元，比 2023 年减少 1 万元',
  ]);
  const found = findingsOf(comparisonYear, text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.actual, '2023年');
  assert.equal(found[0]!.expected, '2024年');
});

test('comparison-year: the same year’s actual against its budget is no self-comparison', () => {
  // As in a 2026 budget: "2025 年…年初仅下达部分，实际较 2025 年预算数减少 37.61 万元".
  const line = lineOf('交警总队 2024 年“三公”经费财政拨款预算数');
  const text = seedWith([
    line,
    '交警总队 2024 年“三公”经费财政拨款预算数 3387.5 万元',
    '交警总队 2023 年“三公”经费执行 3387.5 万元，实际较 2023 年预算数减少 1 万元',
  ]);
  assert.deepEqual(findingsOf(comparisonYear, text), []);
});

test('comparison-year: a year in a project’s title or after 与 without a comparison is not compared', () => {
  const line = lineOf('交警总队 2024 年“三公”经费财政拨款预算数');
  for (const edit of ['安排“2024 年交通安全宣传与 2024 年道路整治”项目 3387.5 万元', '用于开展 2023 年道路整治与 2024 年交通安全宣传工作 3387.5 万元']) {
    const text = seedWith([line, '交警总队 2024 年“三公”经费财政拨款预算数 3387.5 万元', edit]);
    assert.deepEqual(
      findingsOf(comparisonYear, text).map((f) => f.message),
      [],
      edit,
    );
  }
});

test('comparison-year: a year followed by its own change is a comparand, not the subject', () => {
  // Text run together from a table (w160): "…降低较其他 2021 年度减少 69.38 万元，…增加 较 2021 年度增加 9.06 万元".
  const line = lineOf('交警总队 2024 年“三公”经费财政拨款预算数');
  const text = seedWith([
    line,
    '交警总队 2024 年“三公”经费财政拨款预算数 3387.5 万元',
    '人员经费因标准降低较其他 2023 年度减少 69.38 万元，公用经费因人员增加 较 2023 年度增加 9.06 万元',
  ]);
  assert.deepEqual(findingsOf(comparisonYear, text), []);
});

test('comparison-year: a 决算 compares the year’s actuals with the same year’s budget', () => {
  const { disclosure, profile } = readSeed();
  disclosure.meta.kind = 'final';
  const at = disclosure.narrative.sentences[10]!;
  const say = (text: string) => {
    disclosure.narrative.sentences = [{ ...at, text }];
    return runRules(disclosure, profile, [comparisonYear]);
  };
  assert.deepEqual(say('2024 年度支出决算 1028.48 万元，比 2024 年年初预算增加 11.28 万元。'), []);
  assert.equal(say('2024 年度支出决算 1028.48 万元，比 2024 年增加 11.28 万元。').length, 1);
});

test('comparison-year: a year in an aside or in another figure’s clause is not the compared figure’s', () => {
  // w071 p5–6 (a 2026 budget): this year's figures compared with last year's budget.
  const line = lineOf('交警总队 2024 年“三公”经费财政拨款预算数');
  const text = seedWith([
    line,
    '交警总队 2024 年“三公”经费财政拨款预算数 3387.5 万元',
    '1.2024 年报业集团专项经费纳入部门年初预算，2023 年经费由市财政年中追加，较 2023 年年初预算增加 62,000.00 万元；2.根据上级单位安排，2024 年下达转移支付资金 1,100.00 万元到我部，另有结转 2023 年下达的资金510.00 万元，合计上级转移支付资金 1,610.00 万元，较 2023年年初预算增加 1,210.00 万元',
  ]);
  assert.deepEqual(findingsOf(comparisonYear, text), []);
});
