// A profile describes one template family as data: its tables, their columns, which identities
// of docs/domain.md §4 hold, and its narrative conventions. Profiles live in /profiles/*.json
// and are validated at load (validate.ts), so a typo fails loudly instead of silently.

import type { AmountUnit } from '../money/amount.js';
import type { DisclosureKind, DisclosureScope, GovernmentLevel } from '../model/types.js';
import type { ConventionId } from './conventions.js';

/** What a table is, independent of its number in a template. Rules address tables by role. */
export const TABLE_ROLES = [
  'summary', // 部门收支总表
  'incomeByUnit', // 部门收入总表
  'expenditureByFunction', // 部门支出总表
  'fiscalSummary', // 财政拨款收支总表
  'fiscalByEconomic', // 财政拨款支出表（经济分类）
  'gpbByFunction', // 一般公共预算支出表
  'gpbBasicByEconomic', // 一般公共预算基本支出表
  'gpbProjects', // 一般公共预算项目支出表
  'gpbThreePublic', // 一般公共预算“三公”经费支出表
  'govFundByFunction', // 政府性基金预算支出表
  'govFundThreePublic', // 政府性基金预算“三公”经费支出表
  'socByFunction', // 国有资本经营预算支出表
  'projectPerformance', // 项目支出绩效目标表
  'departmentPerformance', // 部门整体支出绩效目标表
  // Tables some templates add, recognised and kept as printed but not modelled (layout 'listing'):
  'procurement', // 政府采购预算（明细）表
  'purchasedServices', // 政府购买服务预算表
  'operatingCost', // 机关运行经费预算表
  'meetingTraining', // 会议费、培训费明细表
  'carryOverSpending', // 上年结转资金支出表
  'performanceEvaluation', // 绩效自评表（决算）
] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

/** `listing`: a table recognised and kept as printed lines, with no figures modelled or checked. */
export const TABLE_LAYOUTS = ['statement', 'classTree', 'projectPerformance', 'departmentPerformance', 'listing'] as const;
export type TableLayout = (typeof TABLE_LAYOUTS)[number];

export interface MeasureColumn {
  column: number;
  measure: string;
}

export interface RowIdentity {
  total: string;
  parts: string[];
}

export interface StatementSide {
  side: 'income' | 'expenditure';
  labelColumn: number;
  measures: MeasureColumn[];
}

export interface StatementItem {
  key: string;
  side: 'income' | 'expenditure';
  labels: string[];
  /** The item only matches under this heading item (e.g. 一般公共预算 under 上年结转). */
  under?: string;
  /** Later items on the same side are read under this one until the next heading. */
  heading?: boolean;
}

/** `total` = Σ `parts`. A ref is "item" or "item:measure"; "class:*" expands to every 类 row. */
export interface StatementIdentity {
  id: string;
  total: string;
  parts: string[];
}

export interface ProfileTable {
  id: string;
  number: string;
  role: TableRole;
  title: string;
  aliases: string[];
  /** Regular expressions (source text) matched against the normalised printed title, for template
   *  families whose titles vary ("2026年部门收支总体情况表", "部门综合预算收支总表" …). */
  titlePatterns?: string[];
  required: boolean;
  layout: TableLayout;
  /** classTree */
  classification?: 'function' | 'economic' | 'none';
  codeColumns?: number[];
  unitCodeColumn?: number;
  labelColumn?: number;
  measures?: MeasureColumn[];
  rowIdentities?: RowIdentity[];
  hasProjects?: boolean;
  /** When two columns name the same measure (预算数 and 决算数 groups), take the one whose header
   *  path matches this pattern. */
  preferHeader?: string;
  /** Which funds the table covers (gpb = 一般公共预算). */
  fundType?: 'all' | 'fiscal' | 'gpb' | 'govFund' | 'soc';
  /** statement */
  sides?: StatementSide[];
  items?: StatementItem[];
  identities?: StatementIdentity[];
}

export const NARRATIVE_BASES = ['summary', 'fiscal', 'gpb', 'gpbCurrent', 'gpbBasic', 'govFund', 'soc', 'threePublic'] as const;

export interface NarrativeBasis {
  /** Section heading keywords (all must occur) that select this basis. */
  headingIncludes: string[];
  /** What a bare 类 name or share refers to in this section: all funds (summary), 财政拨款, 一般公共预算
   *  (gpb; its 当年拨款 column gpbCurrent; its 基本支出 gpbBasic), 政府性基金, 国有资本经营, 三公. */
  basis: (typeof NARRATIVE_BASES)[number];
}

export interface Profile {
  id: string;
  name: string;
  region: string | null;
  level: GovernmentLevel;
  kind: DisclosureKind;
  scope: DisclosureScope;
  years: number[];
  amountUnit: AmountUnit;
  /** Detection: all of `mustInclude` and at least one of `anyInclude` (if given) occur in the text.
   *  A profile with `fallback: true` is used when no other profile matches. */
  detect: { mustInclude: string[]; anyInclude?: string[]; fallback?: boolean };
  tables: ProfileTable[];
  /** The column indexes of `tables` describe tab-separated text as the example is published
   *  (one cell per tab). Without it, text and PDFs are read by position and header words. */
  tabColumns?: boolean;
  /** Cross-table identity rule ids that hold for this template. */
  identities: string[];
  /** Layout conventions of the template that change which identities hold (conventions.ts). */
  conventions?: ConventionId[];
  performance: {
    weightTotal: number;
    categoryWeights: Record<string, number> | null;
  };
  narrative: {
    partTitles: { overview: string; tables: string; narrative: string; glossary: string };
    requiredTopics: { id: string; title: string; keywords: string[] }[];
    bases: NarrativeBasis[];
  };
}
