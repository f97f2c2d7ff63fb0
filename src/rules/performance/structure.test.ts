import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { FIX_PUBLICITY_INDICATORS } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { indicatorStructure } from './structure.js';

const PUBLICITY = lineOf('<p>宣传及法律服务工作保障经费</p>');
// 指挥大楼及永宁基地运转专项经费: 产出指标 质量指标 维修验收合格率.
const REPAIR = lineOf('维修验收合格率');

test('structure: the example has one project without 成本指标', () => {
  const f = only(findingsOf(indicatorStructure, SEED_TEXT));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /宣传及法律服务工作保障经费.*缺少一级指标：成本指标/);
  assert.equal(f.expected, '产出指标、效益指标、满意度指标、成本指标');
  assert.equal(f.actual, '满意度指标、效益指标、产出指标');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [PUBLICITY],
  );
});

test('structure: with a 成本指标 added every indicator list is complete', () => {
  assert.deepEqual(findingsOf(indicatorStructure, seedWith(...FIX_PUBLICITY_INDICATORS)), []);
});

test('structure: an empty 二级指标 is an error at the indicator', () => {
  const f = only(findingsOf(indicatorStructure, seedWith(...FIX_PUBLICITY_INDICATORS, [REPAIR, '产出指标\t质量指标', '产出指标\t'])));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /维修验收合格率.*二级指标为空/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [REPAIR],
  );
});

test('structure: a 二级指标 of another 一级指标 is a warning', () => {
  const f = only(findingsOf(indicatorStructure, seedWith(...FIX_PUBLICITY_INDICATORS, [REPAIR, '产出指标\t质量指标', '产出指标\t社会效益指标'])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /二级指标“社会效益指标”不属于“产出指标”/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [REPAIR],
  );
});

test('structure: a project without 年度目标 is a warning', () => {
  const line = lineOf('成铁交管处专项经费\t79.87', lineOf('省级部门预算项目绩效目标表'));
  const goal = '2024年计划投入资金79.87万元，保障铁路公安交通管理工作顺利开展，通过相关专项业务经费的投入，提升铁路运输服务质量，提高交通参与者满意度。';
  const f = only(findingsOf(indicatorStructure, seedWith(...FIX_PUBLICITY_INDICATORS, [line, goal, ''])));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /成铁交管处专项经费.*没有填写年度目标/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line],
  );
});
