import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { rulesMarkdown } from '../src/rules/docs.js';

test('docs/rules.md is generated from the current catalogue and profiles (run npm run docs:rules)', () => {
  assert.equal(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8'), rulesMarkdown(loadProfiles(IDENTITY_RULE_IDS)));
});

test('docs/rules.md states the severity contract', () => {
  const md = rulesMarkdown(loadProfiles(IDENTITY_RULE_IDS));
  for (const words of [
    '## 严重程度的约定',
    '**错误**：文件自相矛盾',
    '**警告**',
    '**提示**：仅凭本文件无法核实',
    '依赖不可靠读取的发现从不是错误',
    '先错误，再警告，最后提示',
  ])
    assert.ok(md.includes(words), words);
});
