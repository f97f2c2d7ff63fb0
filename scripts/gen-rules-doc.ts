// Writes docs/rules.md from the rule catalogue and the profiles (`npm run docs:rules`); a test keeps it current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { rulesMarkdown } from '../src/rules/docs.js';

const out = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(out, rulesMarkdown(loadProfiles(IDENTITY_RULE_IDS)));
console.log(`已写入 ${out}`);
