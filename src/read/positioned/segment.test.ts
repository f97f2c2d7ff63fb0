import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../../rules/catalog.js';
import { readLayoutText } from './layout.js';
import { segmentPositioned } from './segment.js';

const profiles = loadProfiles(IDENTITY_RULE_IDS);

test('segment: a title over two lines, its scope in parentheses on the second, names its table (w158 p46)', () => {
  // "２０２１年部门综合预算一般公共预算支出明细表" / "（按支出功能分类科目－不含上年结转）": table 5, not 6.
  const file = fileURLToPath(new URL('../../../fixtures/positioned/w158-page-46-two-line-title.layout.txt', import.meta.url));
  const doc = readLayoutText(readFileSync(file, 'utf8'), 'w158.txt');
  const raw = segmentPositioned(
    doc,
    profiles.find((p) => p.id === 'shaanxi-budget')!,
  );
  assert.deepEqual(
    raw.tables.map((t) => t.tableId),
    ['5'],
  );
  assert.ok(raw.tables[0]!.rows.length >= 10);
});

test('segment: glossary entries numbered 一、 are entries, not headings that end the glossary (w157 p17)', () => {
  const file = fileURLToPath(new URL('../../../fixtures/positioned/w157-page-17-glossary.layout.txt', import.meta.url));
  const raw = segmentPositioned(
    readLayoutText(readFileSync(file, 'utf8'), 'w157.txt'),
    profiles.find((p) => p.id === 'shaanxi-budget')!,
  );
  assert.ok(raw.glossary.some((l) => /^一、机关运行经费：/.test(l.text)));
  assert.ok(!raw.narrative.some((l) => /机关运行经费：指/.test(l.text)));
});
