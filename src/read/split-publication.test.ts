import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyse } from '../analysis.js';
import { loadProfiles } from '../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { InputError } from './errors.js';
import { isBudgetNarrative, readDisclosureBytes } from './index.js';

// Beijing publishes each department's 情况说明 and 报表 as two PDFs. These fixtures are the
// `pdftotext -layout` text of one such 说明 (w047, whole) and of pages 1 and 20 of one 报表 (w048).
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/positioned/${name}`, import.meta.url)));
const profiles = loadProfiles(IDENTITY_RULE_IDS);

test('split publication: a 说明-only file is read as the narrative part, and its tables are not reported missing', () => {
  const read = readDisclosureBytes(fixture('w047-narrative-part.layout.txt'), 'w047.txt', { profiles });
  const d = read.disclosure;
  assert.equal(d.meta.part, 'narrative');
  assert.equal(d.tables.length, 0);
  assert.equal(d.meta.department, '北京市城市管理综合行政执法局');
  assert.equal(d.meta.fiscalYear, 2026);
  assert.ok(d.narrative.sentences.length > 20);
  // Unnumbered glossary entries ("基本支出：指…") are read.
  assert.ok(d.glossary.some((g) => g.term === '基本支出'));
  const findings = analyse(read).check.findings;
  const missing = findings.filter((f) => f.rule === 'completeness.required-tables' || f.rule === 'completeness.toc');
  assert.equal(missing.length, 1);
  assert.equal(missing[0]!.severity, 'info');
  assert.match(missing[0]!.message, /报表另行发布/);
});

test('split publication: a tables-only file takes department and year from its own lines, and its 说明 is not reported missing', () => {
  const read = readDisclosureBytes(fixture('w048-tables-part-pages-1-20.layout.txt'), 'w048.txt', { profiles });
  const d = read.disclosure;
  assert.equal(d.meta.part, 'tables');
  assert.equal(d.meta.department, '北京市审计局');
  assert.equal(d.meta.fiscalYear, 2026);
  const topics = analyse(read).check.findings.filter((f) => f.rule === 'completeness.narrative-topics');
  assert.deepEqual(
    topics.map((f) => [f.severity, /情况说明另行发布/.test(f.message)]),
    [['info', true]],
  );
});

test('split publication: prose that is no budget 说明 and has no table is still refused', () => {
  const text = [
    '关于印发消防安全工作实施办法的通知',
    '',
    '  各区人民政府：现将实施办法印发给你们，请认真贯彻执行。预算安排收支事项另行通知，单位：万元。',
  ].join('\n');
  assert.throws(
    () => readDisclosureBytes(Buffer.from(text), 'notice.txt', { profiles }),
    (e: unknown) => e instanceof InputError && /未找到任何公开表/.test(e.reason),
  );
  assert.equal(isBudgetNarrative(text), false);
  assert.equal(
    isBudgetNarrative(
      '2026年收入预算1448787.35万元。2026年支出预算1448787.35万元，其中基本支出145113.35万元，项目支出1303674.00万元。“三公”经费预算1328.22万元。',
    ),
    true,
  );
});

test('split publication: an attachment of performance targets only is read, and the budget tables are not reported missing', () => {
  // w106: Guangzhou's 部门整体预算绩效目标申报表, published as a file of its own.
  const read = readDisclosureBytes(fixture('w106-performance-part.layout.txt'), 'w106.txt', { profiles });
  assert.deepEqual(
    read.disclosure.tables.map((t) => t.role),
    ['departmentPerformance'],
  );
  const findings = analyse(read).check.findings.filter((f) => f.rule.startsWith('completeness.'));
  assert.ok(findings.every((f) => f.severity !== 'error'));
  assert.ok(findings.some((f) => f.rule === 'completeness.required-tables' && /只含绩效目标表，报表另行发布/.test(f.message)));
});
