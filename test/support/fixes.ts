// The genuine errors of the reference example, each with the minimal edit that corrects it, for
// the tests' passing cases ("a corrected copy of the example"). Edits are seedWith triples.

import { lineOf, seedWith } from './seed.js';

type Edit = [number, string, string];

/** 表3-2 205303 一般行政管理事务: 16 projects add up to 26,371.19 against 26,371.20 (0.01 rounding). */
export const FIX_PROJECT_ROUNDING: Edit[] = [[lineOf('205303\t日常运转经费\t3,677.55'), '3,677.55', '3,677.56']];

/** 情况说明: 债务发行费用支出 0.02 ÷ 77,901.83 is 0.003‱, printed as 0.003‰. */
export const FIX_SHARE_UNIT: Edit[] = [[lineOf('占 0.003‰'), '0.003‰', '0.003‱']];

/** 情况说明 item 16 files 2330301 地方政府一般债务发行费用支出 under 债务付息支出（类）. */
export const FIX_MISFILED_ITEM: Edit[] = [
  [lineOf('16. 债务付息支出(类)'), '债务付息支出(类)地方政府一般债务付息支出(款)', '债务发行费用支出(类)地方政府一般债务发行费用支出(款)'],
];

const PUBLICITY = lineOf('<p>宣传及法律服务工作保障经费</p>');
/**
 * 宣传及法律服务工作保障经费: weights add up to 75 and there is no 成本指标. Corrected: 影响年限
 * 15 → 20 and the last 产出指标 (10) replaced by a 成本指标 of 20 — 成本 20 / 产出 40 / 效益 20 / 满意度 10.
 */
export const FIX_PUBLICITY_INDICATORS: Edit[] = [
  [PUBLICITY + 1, '<p>15</p>', '<p>20</p>'],
  [
    PUBLICITY + 6,
    '<p>产出指标</p>\t<p>数量指标</p>\t<p>关注人数（粉丝）增长数</p>\t<p>≥</p>\t<p>50000</p>\t<p>人次</p>\t<p>10</p>',
    '<p>成本指标</p>\t<p>经济成本指标</p>\t<p>成本控制</p>\t<p>≤</p>\t<p>419.88</p>\t<p>万元</p>\t<p>20</p>',
  ],
];

/** Three ≤ indicators labelled 正向指标: two turned to ≥, the error count to 反向指标. */
export const FIX_DIRECTIONS: Edit[] = [
  [lineOf('报告完成及时率'), '≤\t95', '≥\t95'],
  [lineOf('结算审核报告中错误量'), '正向指标', '反向指标'],
  [lineOf('购置台式电脑数量'), '≤\t155', '≥\t155'],
];

/** Tables 1-1 and 2-1 are listed in the contents but missing from the body: insert them (empty, with their note). */
export const FIX_MISSING_TABLES: Edit[] = [
  [lineOf('部门支出总表', 130) - 1, '', '部门收入总表\n\n金额单位：万元\n\n注：本表无数据\n'],
  [lineOf('一般公共预算支出预算表', 130) - 1, '', '\n财政拨款支出预算表（部门经济分类科目）\n\n金额单位：万元\n\n注：本表无数据\n'],
];

/** Body titles of tables 4 and 6 differ from the contents. */
export const FIX_TITLES: Edit[] = [
  [lineOf('政府性基金支出预算表'), '政府性基金支出预算表', '政府性基金预算支出预算表'],
  [lineOf('省级部门预算项目绩效目标表（2024年度）'), '省级部门预算项目绩效目标表（2024年度）', '部门预算项目支出绩效目标表'],
];

export const ALL_FIXES: Edit[] = [
  ...FIX_PROJECT_ROUNDING,
  ...FIX_SHARE_UNIT,
  ...FIX_MISFILED_ITEM,
  ...FIX_PUBLICITY_INDICATORS,
  ...FIX_DIRECTIONS,
  ...FIX_MISSING_TABLES,
  ...FIX_TITLES,
];

/** The example with every genuine error corrected (line numbers of the body shift after the inserted tables). */
export const seedCorrected = (...edits: Edit[]): string => seedWith(...ALL_FIXES, ...edits);
