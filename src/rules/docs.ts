// docs/rules.md, generated from the catalogue so the documentation cannot drift from the code.

import { CATEGORIES, SEVERITIES, type Category } from '../glossary.js';
import type { Profile } from '../profiles/types.js';
import { RULES } from './catalog.js';
import type { Rule } from './types.js';

/** The severity contract, as docs/rules.md states it and the tests (src/rules/contract.test.ts) hold it. */
export const SEVERITY_CONTRACT = [
  '## 严重程度的约定',
  '',
  '- **错误**：文件自相矛盾，所依据的表格读取已由表内合计关系确认，审核人凭这一条发现本身（应为、实为、差额和位置）一分钟内即可核实。',
  '- **警告**：很可能有问题但需要人工判断的情况，以及尾差（合计与 N 个四舍五入数之和相差不超过 N × 半个末位单位）。',
  '- **提示**：仅凭本文件无法核实的内容（如与上年比较的增减、报表未列示的金额、可能另行公开的部分），列出供人工核对。',
  '',
  '由此而来的三条规则：',
  '',
  '1. 依赖不可靠读取的发现从不是错误。表格的合计关系在多处以互不相关的差额不成立时，该表记为“未能可靠读取”（`completeness.unreliable-table`），除完整性规则外，所有规则都看不到这张表：既不检查表内数字，也不用它核对其他表、判断表间核对的前提（如“全部资金为一般公共预算”），情况说明中落在该表上的数字改为“未核对”提示。',
  '2. 报告的严重程度不超过下表“最高级别”列所声明的级别（程序强制，测试逐条核对整个规则目录）。',
  '3. 报告按严重程度排列：先错误，再警告，最后提示；同一级别内按下列类别顺序，再按在文件中的位置。',
  '',
].join('\n');

function templates(r: Rule, profiles: readonly Profile[]): string {
  if (!r.identity) return '全部';
  const code = (p: Profile) => `\`${p.id}\``;
  const yes = profiles.filter((p) => p.identities.includes(r.id));
  const no = profiles.filter((p) => !p.identities.includes(r.id));
  if (yes.length === 0) return '（暂无模板声明）';
  if (no.length === 0) return '全部';
  return yes.length > no.length ? `除 ${no.map(code).join('、')} 外的全部模板` : yes.map(code).join('、');
}

export function rulesMarkdown(profiles: readonly Profile[]): string {
  const lines = [
    '# 检查规则目录',
    '',
    '本文件由 `npm run docs:rules` 根据 `src/rules/catalog.ts` 和 `profiles/*.json` 生成，请勿手工修改。',
    '',
    SEVERITY_CONTRACT,
    '每条规则有固定编号、类别和最高严重程度。金额比较统一采用四舍五入尾差规则：合计与 N 个四舍五入数之和相差不超过 N × 半个末位单位的，记为“尾差”警告，超过的记为错误（见 `src/money/rounding.ts`）。',
    '表间核对规则只在模板（`profiles/*.json` 的 `identities`）声明适用时运行，“适用模板”列出声明它的模板。',
    '',
    `共 ${RULES.length} 条规则。`,
    '',
  ];
  for (const cat of Object.keys(CATEGORIES) as Category[]) {
    const rules = RULES.filter((r) => r.category === cat);
    lines.push(`## ${CATEGORIES[cat]}（${cat}，${rules.length} 条）`, '');
    lines.push('| 编号 | 名称 | 最高级别 | 适用模板 | 说明 |', '|---|---|---|---|---|');
    for (const r of rules)
      lines.push(
        `| \`${r.id}\` | ${r.title} | ${SEVERITIES[r.severity]}${r.identity ? '（模板声明时）' : ''} | ${templates(r, profiles)} | ${r.description.replace(/\|/g, '\\|')} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
