import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoErrors, only } from '../../../test/support/findings.js';
import { FIX_TITLES } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { tocVsBody } from './toc.js';

test('toc: the example’s body titles of tables 4 and 6 differ from the contents (info)', () => {
  const found = findingsOf(tocVsBody, SEED_TEXT);
  assertNoErrors(found);
  assert.equal(found.length, 2);
  const [t4, t6] = found;
  assert.equal(t4!.severity, 'info');
  assert.equal(t4!.actual, '政府性基金支出预算表');
  assert.equal(t4!.expected, '十、政府性基金预算支出预算表');
  assert.deepEqual(
    t4!.locations.map((l) => l.line),
    [lineOf('政府性基金支出预算表'), lineOf('十、政府性基金预算支出预算表')],
  );
  assert.equal(t6!.severity, 'info');
  assert.equal(t6!.actual, '省级部门预算项目绩效目标表（2024年度）');
  assert.equal(t6!.locations[0]!.line, lineOf('省级部门预算项目绩效目标表（2024年度）'));
});

test('toc: with the contents titles in the body, contents and body agree', () => {
  assert.deepEqual(findingsOf(tocVsBody, seedWith(...FIX_TITLES)), []);
});

test('toc: a body title that is only an alias of the contents title is noted', () => {
  const line = lineOf('部门支出总表', 130);
  const f = only(findingsOf(tocVsBody, seedWith(...FIX_TITLES, [line, '部门支出总表', '支出预算总表'])));
  assert.equal(f.severity, 'info');
  assert.equal(f.actual, '支出预算总表');
  assert.equal(f.expected, '三、部门支出总表');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line, lineOf('三、部门支出总表')],
  );
});

test('toc: a body table missing from the contents is a warning', () => {
  const toc = lineOf('九、一般公共预算“三公”经费支出预算表');
  const list = lineOf('九、一般公共预算“三公”经费支出预算表', toc);
  const found = findingsOf(
    tocVsBody,
    seedWith(
      ...FIX_TITLES,
      [toc, '一般公共预算“三公”经费支出预算表', '“三公”经费说明'],
      [list, '一般公共预算“三公”经费支出预算表（公开表 3-3）', '“三公”经费说明'],
    ),
  );
  const f = only(found);
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '一般公共预算“三公”经费支出预算表');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [lineOf('一般公共预算“三公”经费支出预算表', 130)],
  );
});

test('toc: a contents entry that is no table of the template is a warning', () => {
  const line = lineOf('十四、部门整体支出绩效目标表');
  const f = only(
    findingsOf(tocVsBody, seedWith(...FIX_TITLES, [line, '十四、部门整体支出绩效目标表', '十四、部门整体支出绩效目标表\n- 十五、政府采购预算明细表'])),
  );
  assert.equal(f.severity, 'warning');
  assert.equal(f.actual, '十五、政府采购预算明细表');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line + 1],
  );
});

test('toc: an optional table listed in the contents but not printed is a warning (a required one is left to required-tables)', () => {
  const { disclosure, profile } = readText(seedWith(...FIX_TITLES));
  const optional11 = { ...profile, tables: profile.tables.map((t) => (t.id === '1-1' ? { ...t, required: false } : t)) };
  const f = only(runRules(disclosure, optional11, [tocVsBody]));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '部门收入总表');
  assert.equal(f.actual, null);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [lineOf('二、部门收入总表')],
  );
  // With the Sichuan profile, where 1-1 and 2-1 are required, toc leaves them to required-tables.
  assert.deepEqual(runRules(disclosure, profile, [tocVsBody]), []);
});
