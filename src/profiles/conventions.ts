// Template conventions: facts about how a template family lays out its tables that change which
// identities hold. They are profile data (`conventions` in profiles/*.json), validated at load
// against this catalogue, listed by `yusuan profiles` and read by the rules concerned, so that a
// template's practice is stated once instead of being a branch in a rule. Profiles are hints: a
// rule that can see a convention in the document itself (a table with no class rows, a line
// printed below its total) honours it whatever the profile says.

import type { TableInstance } from '../model/types.js';
import type { Profile } from './types.js';

export interface Convention {
  /** zh-CN, one line. */
  title: string;
  /** zh-CN: what the template does and what yusuan checks instead. */
  description: string;
  /** Rule ids whose identity the convention changes. */
  rules: string[];
}

export const CONVENTIONS = {
  'expenditure-by-unit': {
    title: '部门支出总表按单位列示',
    description:
      '部门支出总表按单位编码、单位名称逐单位列示，不列功能分类类、款、项（陕西省综合预算模板）。收支总表各功能类支出无法逐类与之核对，只核对合计；单位编码不是功能科目编码。',
    rules: ['reconcile.summary-classes-vs-expenditure', 'classification.unknown-code'],
  },
  'fiscal-income-includes-carry-over': {
    title: '收支总表的一般公共预算资金含上年结转',
    description:
      '部门收支总表“一般公共预算资金（财政拨款）”一行为本年拨款与上年结转之和，因此它等于财政拨款收支总表本年一般公共预算拨款收入加上年结转的一般公共预算拨款。',
    rules: ['reconcile.summary-vs-fiscal'],
  },
  'superior-subsidy-below-income-total': {
    title: '上级补助收入列在本年收入合计之下',
    description:
      '收支总表把“上级补助收入”等列在“本年收入合计”之后、“收入总计”之前（山东省模板）：本年收入合计不含该项，收入总计 = 本年收入合计 + 该项 + 上年结转等。',
    rules: ['arithmetic.statement'],
  },
} as const satisfies Record<string, Convention>;

export type ConventionId = keyof typeof CONVENTIONS;

export const CONVENTION_IDS = Object.keys(CONVENTIONS) as ConventionId[];

/** True when the profile declares the convention. */
export function follows(profile: Pick<Profile, 'conventions'>, id: ConventionId): boolean {
  return profile.conventions?.includes(id) ?? false;
}

/** A 支出总表 laid out by unit (expenditure-by-unit), seen in the table itself: no detail line carries
 *  a 款 or 项 function code. Its 3-digit codes, if any, are 单位编码 (253 西安市住房和城乡建设局). */
export function laidOutByUnit(t: TableInstance): boolean {
  return !t.rows.some((r) => r.kind === 'detail' && (r.code?.length ?? 0) >= 5);
}
