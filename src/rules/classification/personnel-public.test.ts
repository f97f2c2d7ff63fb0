import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { personnelPublicSplit } from './personnel-public.js';

// 表3-1 205001 class rows: 301 in 人员经费, 302 in 公用经费, 303 in 人员经费.
const C301 = lineOf('301\t工资福利支出\t2,332.79');
const C302 = lineOf('302\t商品和服务支出\t1,392.77');
const C303 = lineOf('303\t对个人和家庭的补助\t0.06');

test('personnel-public: every economic class of the example sits in the right column', () => {
  assert.deepEqual(findingsOf(personnelPublicSplit, SEED_TEXT), []);
});

test('personnel-public: 302 商品和服务支出 in 人员经费 is a warning (a comparison with the national 口径, not a contradiction within the document)', () => {
  const f = only(findingsOf(personnelPublicSplit, seedWith([C302, '1,392.77\t\t1,392.77', '1,392.77\t1,392.77\t'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '0');
  assert.equal(f.actual, '1392.77');
  assert.match(f.message, /应全部列入公用经费/);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [C302],
  );
});

test('personnel-public: 301 工资福利支出 in 公用经费 is a warning (a comparison with the national 口径, not a contradiction within the document)', () => {
  const f = only(findingsOf(personnelPublicSplit, seedWith([C301, '2,332.79\t2,332.79\t', '2,332.79\t\t2,332.79'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '0');
  assert.equal(f.actual, '2332.79');
  assert.match(f.message, /应全部列入人员经费/);
  assert.equal(f.locations[0]!.line, C301);
});

test('personnel-public: 政府经济分类 classes follow the same split (501, 509 人员; 502 公用; 505 mixed)', () => {
  // Regression: 501 and 509 used to be treated as 公用经费, so their 人员经费 was an error.
  const gov = seedWith([C301, '301\t工资福利支出', '501\t机关工资福利支出'], [C303, '303\t对个人和家庭的补助', '509\t对个人和家庭的补助']);
  assert.deepEqual(findingsOf(personnelPublicSplit, gov), []);
  const f = only(
    findingsOf(personnelPublicSplit, seedWith([C302, '302\t商品和服务支出\t1,392.77\t\t1,392.77', '502\t机关商品和服务支出\t1,392.77\t1,392.77\t'])),
  );
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '1392.77');
  assert.equal(f.locations[0]!.line, C302);
  assert.deepEqual(
    findingsOf(personnelPublicSplit, seedWith([C301, '301\t工资福利支出\t2,332.79\t2,332.79\t', '505\t对事业单位经常性补助\t2,332.79\t2,000.00\t332.79'])),
    [],
  );
});

test('personnel-public: a class the document’s own 名词解释 puts in 人员经费 but its table in 公用经费 is an error', () => {
  // As in w087 p21: "303 对个人和家庭的补助 1,532.07 1,451.32 80.75", its 名词解释 saying "人员经费指政府收支分类经济科目中的
  // “工资福利支出”和“对个人和家庭的补助”".
  const inPublicUse: [number, string, string] = [C303, '303\t对个人和家庭的补助\t0.06\t0.06\t', '303\t对个人和家庭的补助\t0.06\t\t0.06'];
  assert.equal(only(findingsOf(personnelPublicSplit, seedWith(inPublicUse))).severity, 'warning');
  const defined: [number, string, string] = [
    lineOf('3. 行政运行：反映行政单位'),
    '3. 行政运行：反映行政单位（包括实行公务员管理的事业单位）的基本支出。',
    '3. 基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。其中:人员经费指政府收支分类经济科目中的“工资福利支出”和“对个人和家庭的补助”;公用经费指政府收支分类经济科目中除“工资福利支出”和“对个人和家庭的补助”外的其他支出。',
  ];
  const f = only(findingsOf(personnelPublicSplit, seedWith(inPublicUse, defined)));
  assert.equal(f.severity, 'error');
  assert.equal(f.actual, '0.06');
  assert.match(f.message, /名词解释/);
  assert.equal(f.locations[0]!.line, C303);
});
