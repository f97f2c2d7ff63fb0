// `summary` of the example reproduces the document's figures exactly. Every expected value below
// was read by hand from fixtures/seed/000_33d948831ce53c8e.txt (line numbers in comments).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize } from '../src/summary.js';
import { readSeed } from './support/seed.js';

test('summary of the example: key figures as printed', () => {
  const s = summarize(readSeed().disclosure);
  assert.equal(s.department, '四川省公安厅交通警察总队');
  assert.equal(s.year, 2024);
  assert.equal(s.kind, '预算');
  assert.equal(s.profile, 'sichuan-province-budget-2024');
  assert.equal(s.amountUnit, '万元');
  assert.deepEqual(s.figures, {
    incomeTotal: 80818.35, // 部门收支总表 收入总计 (l.166)
    expenditureTotal: 80818.35, // 支出总计 (l.166)
    currentYearIncome: 77901.83, // 本年收入合计 (l.162)
    gpbAppropriation: 77901.83, // 一、一般公共预算拨款收入 (l.131)
    carryOver: 2916.52, // 八、上年结转 (l.164)
    currentYearExpenditure: 80818.35, // 本年支出合计 (l.162)
    basic: 45412.74, // 部门支出总表 合计 基本支出 (l.176)
    project: 35405.61, // 项目支出 (l.176)
    gpbBasic: 45412.74, // 一般公共预算基本支出预算表 合计 (l.289)
    personnel: 32025.66, // 一般公共预算基本支出预算表 人员经费 (l.289)
    publicUse: 13387.08, // 公用经费 (l.289)
    threePublic: { total: 3387.5, abroad: 0, vehiclePurchase: 0, vehicleOperation: 3354, reception: 33.5 }, // 三公表 合计 (l.470)
  });
  assert.deepEqual(s.units, [
    { code: '205001', name: '四川省公安厅交通警察总队机关', total: 7236.55, basic: 3725.62, project: 3510.93 },
    { code: '205302', name: '四川省公安厅交通警察总队财务处', total: 5265.72, basic: 0, project: 5265.72 },
    { code: '205303', name: '四川省公安厅交通警察总队（高速公路支队）', total: 68143.08, basic: 41514.12, project: 26628.96 },
    { code: '205901', name: '四川省公安厅机动车安全检测中心', total: 173, basic: 173, project: 0 },
  ]);
  assert.deepEqual(s.functionClasses, {
    '201': 850.57,
    '204': 69051.74,
    '205': 556.4,
    '208': 2997.6,
    '210': 2502.29,
    '221': 4601.99,
    '232': 257.74,
    '233': 0.02,
  });
  // 3-2 lists 33 project rows; 业务运转经费, 信息系统运行维护费 and 日常运转经费 span several 科目.
  assert.deepEqual(s.counts, { projects: 30, performanceProjects: 24 });
});
