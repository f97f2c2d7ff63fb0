// docs/rules.md, generated from the catalogue so the documentation cannot drift from the code.

import { CATEGORIES, SEVERITIES, type Category } from '../glossary.js';
import { RULES } from './catalog.js';

export function rulesMarkdown(): string {
  const lines = [
    '# 检查规则目录',
    '',
    '本文件由 `npm run docs:rules` 根据 `src/rules/catalog.ts` 生成，请勿手工修改。',
    '',
    '每条规则有固定编号、类别和最高严重程度。金额比较统一采用四舍五入尾差规则：合计与 N 个四舍五入数之和相差不超过 N × 半个末位单位的，记为“尾差”警告，超过的记为错误（见 `src/money/rounding.ts`）。',
    '表间核对规则只在模板（`profiles/*.json` 的 `identities`）声明适用时运行。',
    '',
    `共 ${RULES.length} 条规则。`,
    '',
  ];
  for (const cat of Object.keys(CATEGORIES) as Category[]) {
    const rules = RULES.filter((r) => r.category === cat);
    lines.push(`## ${CATEGORIES[cat]}（${cat}，${rules.length} 条）`, '');
    lines.push('| 编号 | 名称 | 最高级别 | 说明 |', '|---|---|---|---|');
    for (const r of rules)
      lines.push(`| \`${r.id}\` | ${r.title} | ${SEVERITIES[r.severity]}${r.identity ? '（模板声明时）' : ''} | ${r.description.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
