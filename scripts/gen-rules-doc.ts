// Writes docs/rules.md from the rule catalogue (`npm run docs:rules`); a test keeps it current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '../src/rules/docs.js';

const out = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(out, rulesMarkdown());
console.log(`已写入 ${out}`);
