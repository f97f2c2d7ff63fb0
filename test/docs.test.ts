import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rulesMarkdown } from '../src/rules/docs.js';

test('docs/rules.md is generated from the current catalogue (run npm run docs:rules)', () => {
  assert.equal(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8'), rulesMarkdown());
});
