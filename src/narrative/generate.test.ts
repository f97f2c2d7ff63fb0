import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interpretDocument } from '../interpret/interpret.js';
import { toFen } from '../money/amount.js';
import { layoutDisclosure } from '../render/layout.js';
import { rawFromLayout } from '../render/raw.js';
import { runRules } from '../rules/engine.js';
import { readSeed } from '../../test/support/seed.js';
import { changeText, EMPTY_INPUTS, generateNarrative, inputsFromNarrative, previousFigures, shareText, type PreviousFigures } from './generate.js';

const wan = (s: string) => toFen(s, '万元');

test('shareText: percent with two decimals, per mille or per ten thousand when the percentage prints as zero', () => {
  assert.equal(shareText(wan('850.57'), wan('77901.83')), '1.09%');
  assert.equal(shareText(wan('66135.22'), wan('77901.83')), '84.90%');
  // 0.02 ÷ 77,901.83 = 0.0026‱: neither % nor ‰ shows a digit at two decimals.
  assert.equal(shareText(wan('0.02'), wan('77901.83')), '0.003‱');
  assert.equal(shareText(wan('3'), wan('100000')), '0.03‰');
  assert.equal(shareText(0, wan('1')), '0.00%');
  assert.equal(shareText(wan('1'), 0), null);
});

test('changeText: the wording follows the sign, the rate is of last year', () => {
  assert.equal(changeText(wan('80818.35'), wan('80818.35'), 2023), '与2023年预算持平');
  assert.equal(changeText(wan('80818.35'), wan('84298.60'), 2023), '比2023年预算减少3480.25万元，下降4.13%');
  assert.equal(changeText(wan('8722.30'), wan('8683.90'), 2023), '比2023年预算增加38.40万元，增长0.44%');
  assert.equal(changeText(wan('5'), 0, null), '比上年预算增加5.00万元');
});

function rebuilt(previous: PreviousFigures | null, inputs = EMPTY_INPUTS) {
  const { disclosure, profile } = readSeed();
  const narrative = generateNarrative(disclosure, profile, inputs, previous);
  const layout = layoutDisclosure(disclosure, profile, narrative, { duties: [], tasks: [] });
  const back = interpretDocument(rawFromLayout(layout, 'rendered.xlsx', 'sha'), profile);
  return { disclosure, profile, narrative, back, findings: runRules(back, profile) };
}

test('generateNarrative: the example narrative, computed from its tables, passes every narrative rule', () => {
  const { narrative, back, findings } = rebuilt(null);
  const text = narrative.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n');
  // The basis of each share is the section's: 公共安全支出 of 一般公共预算当年拨款 is the 当年 column.
  assert.match(text, /公共安全支出66135\.22万元，占84\.90%/);
  assert.match(text, /债务发行费用支出0\.02万元，占0\.003‱/);
  assert.match(text, /“三公”经费财政拨款预算数3387\.50万元/);
  assert.match(text, /人员经费32025\.66万元/);
  assert.match(text, /没有使用政府性基金预算拨款安排的支出/);
  assert.ok(back.narrative.claims.filter((c) => c.kind === 'share').length >= 10);
  const narrativeProblems = findings.filter((f) => f.category === 'narrative' && f.severity !== 'info');
  assert.deepEqual(
    narrativeProblems.map((f) => f.message),
    [],
  );
});

test('generateNarrative: nothing people must supply is invented; each missing piece is a finding', () => {
  const { narrative } = rebuilt(null);
  const text = narrative.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n');
  assert.doesNotMatch(text, /主要原因|主要用于|机关运行经费|政府采购/);
  const rules = narrative.findings.map((f) => f.rule);
  assert.ok(rules.includes('render.previous-missing'));
  assert.equal(narrative.findings.filter((f) => f.rule === 'render.note-missing').length, 4);
  assert.ok(narrative.findings.filter((f) => f.rule === 'render.purpose-missing').length >= 16);
});

test('generateNarrative: changes against last year, with the reasons verbatim; a missing reason is flagged', () => {
  const { disclosure, profile } = readSeed();
  const previous: PreviousFigures = {
    year: 2023,
    total: wan('84298.60'),
    fiscal: wan('84298.60'),
    gpbCurrent: wan('79652.44'),
    threePublic: null,
    abroad: 0,
    vehicle: wan('3854.30'),
    reception: wan('33.50'),
  };
  const inputs = { ...EMPTY_INPUTS, reasons: { total: '高速监控二期建设安排资金减少。' } };
  const narrative = generateNarrative(disclosure, profile, inputs, previous);
  const text = narrative.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n');
  assert.match(text, /收支预算总数80818\.35万元，比2023年预算减少3480\.25万元，下降4\.13%，主要原因是高速监控二期建设安排资金减少。/);
  assert.match(text, /一般公共预算当年拨款77901\.83万元，比2023年预算减少1750\.61万元，下降2\.20%。/);
  assert.match(text, /公务接待费33\.50万元，与2023年预算持平。/);
  assert.match(text, /因公出国（境）费0\.00万元，与2023年预算持平。/);
  const missing = narrative.findings.filter((f) => f.rule === 'render.reason-missing').map((f) => f.locations[0]!.label);
  assert.deepEqual(missing, ['财政拨款收支预算总数', '一般公共预算当年拨款', '公务用车购置及运行维护费']);
  assert.ok(!narrative.findings.some((f) => f.rule === 'render.previous-missing'));
});

test('previousFigures: last year read from a disclosure', () => {
  const { disclosure, profile } = readSeed();
  const p = previousFigures(disclosure, profile);
  assert.equal(p.year, 2024);
  assert.equal(p.total, wan('80818.35'));
  assert.equal(p.gpbCurrent, wan('77901.83'));
  assert.equal(p.reception, wan('33.50'));
});

test('inputsFromNarrative: the authors’ reasons, uses and other matters are kept word for word', () => {
  const { disclosure, profile } = readSeed();
  const inputs = inputsFromNarrative(disclosure, profile);
  assert.match(inputs.reasons.total!, /^一是高速监控二期建设安排资金减少/);
  assert.equal(inputs.purposes['2050803']?.startsWith('四川省公安厅交通警察总队机关、高速公路支队'), true);
  assert.equal(inputs.notes['procurement']?.length, 1);
  assert.match(inputs.notes['procurement']![0]!, /政府采购预算 14522\.82 万元/);
  // Regenerated with them, the narrative keeps the authors' words and still passes the rules.
  const { narrative, findings } = rebuilt(null, inputs);
  const text = narrative.sections.flatMap((s) => s.paragraphs).join('\n');
  assert.ok(text.includes(inputs.notes['procurement']![0]!));
  assert.equal(findings.filter((f) => f.category === 'narrative' && f.severity === 'error').length, 0);
});
