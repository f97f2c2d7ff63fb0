// The one place where Chinese terms and code identifiers meet. Readers, rules, writers and the
// CLI all translate through here, so a term is spelled the same everywhere.

export const MEASURES = {
  amount: '预算数',
  total: '合计',
  basic: '基本支出',
  project: '项目支出',
  toSuperior: '上缴上级支出',
  operating: '事业单位经营支出',
  lineNo: '行次',
  toSubsidiary: '对附属单位补助支出',
  currentYear: '当年财政拨款安排',
  carryOver: '上年结转安排',
  personnel: '人员经费',
  publicUse: '公用经费',
  gpb: '一般公共预算',
  govFund: '政府性基金预算',
  soc: '国有资本经营预算',
  abroad: '因公出国（境）费用',
  vehicle: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
} as const satisfies Record<string, string>;

export const ITEMS: Record<string, string> = {
  fiscalIncome: '财政拨款收入',
  gpbIncome: '一般公共预算拨款收入',
  govFundIncome: '政府性基金预算拨款收入',
  socIncome: '国有资本经营预算拨款收入',
  businessIncome: '事业收入',
  operatingIncome: '事业单位经营收入',
  otherIncome: '其他收入',
  specialAccountIncome: '财政专户管理资金收入',
  superiorSubsidy: '上级补助收入',
  subsidiaryRemit: '附属单位上缴收入',
  currentYearIncome: '本年收入合计',
  fundMakeUp: '用事业基金弥补收支差额',
  carryOver: '上年结转',
  incomeTotal: '收入总计',
  currentYearExpenditure: '本年支出合计',
  surplusDistribution: '事业单位结余分配',
  toBusinessFund: '转入事业基金',
  carryForward: '结转下年',
  accountBalance: '上年实户资金余额',
  unspentAccountFunds: '未安排支出的实户资金',
  expenditureTotal: '支出总计',
  basicExpenditure: '基本支出',
  projectExpenditure: '项目支出',
  currentIncome: '本年收入',
  currentExpenditure: '本年支出',
  'currentIncome.gpb': '本年一般公共预算拨款收入',
  'currentIncome.govFund': '本年政府性基金预算拨款收入',
  'currentIncome.soc': '本年国有资本经营预算拨款收入',
  'carryOver.gpb': '上年结转一般公共预算拨款',
  'carryOver.govFund': '上年结转政府性基金预算拨款',
  'carryOver.soc': '上年结转国有资本经营预算拨款',
};

export const CATEGORIES = {
  arithmetic: '表内计算',
  reconcile: '表间核对',
  classification: '科目编码',
  narrative: '说明与报表一致性',
  performance: '绩效目标',
  completeness: '完整性',
} as const;
export type Category = keyof typeof CATEGORIES;

export const SEVERITIES = { error: '错误', warning: '警告', info: '提示' } as const;
export type Severity = keyof typeof SEVERITIES;

/** A reviewer's mark on a finding (the review workflow). */
export const REVIEW_STATUSES = { confirmed: '已核实', 'false-positive': '误报', corrected: '已整改' } as const;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;

export const KINDS = { budget: '预算', final: '决算' } as const;
export const SCOPES = { department: '部门', unit: '单位' } as const;
export const LEVELS: Record<string, string> = { central: '中央', province: '省级', city: '市级', county: '县级', unknown: '未知' };

/** Table roles (src/profiles/types.ts) as a reader names the table. */
export const ROLE_NAMES: Record<string, string> = {
  summary: '部门收支总表',
  incomeByUnit: '部门收入总表',
  expenditureByFunction: '部门支出总表',
  fiscalSummary: '财政拨款收支总表',
  fiscalByEconomic: '财政拨款支出表（经济分类）',
  gpbByFunction: '一般公共预算支出表',
  gpbBasicByEconomic: '一般公共预算基本支出表',
  gpbProjects: '一般公共预算项目支出表',
  gpbThreePublic: '一般公共预算“三公”经费支出表',
  govFundByFunction: '政府性基金预算支出表',
  govFundThreePublic: '政府性基金预算“三公”经费支出表',
  socByFunction: '国有资本经营预算支出表',
  projectPerformance: '项目支出绩效目标表',
  departmentPerformance: '部门整体支出绩效目标表',
  procurement: '政府采购预算表',
  purchasedServices: '政府购买服务预算表',
  operatingCost: '机关运行经费预算表',
  meetingTraining: '会议费、培训费明细表',
  carryOverSpending: '上年结转资金支出表',
  performanceEvaluation: '绩效自评表',
};

export const ROW_KINDS: Record<string, string> = { total: '合计', department: '部门', unit: '单位', group: '分组', detail: '明细', item: '项目行' };
export const FUND_TYPES: Record<string, string> = { all: '全部资金', gpb: '一般公共预算', govFund: '政府性基金预算', soc: '国有资本经营预算' };

export function measureName(measure: string): string {
  return (MEASURES as Record<string, string>)[measure] ?? measure;
}

export function itemName(item: string): string {
  return ITEMS[item] ?? item;
}

/** Reverse lookup: Chinese term → identifier (measures and statement items). */
export function termToId(term: string): string | null {
  const t = term.replace(/\s+/g, '');
  for (const [k, v] of Object.entries(MEASURES)) if (v === t) return k;
  for (const [k, v] of Object.entries(ITEMS)) if (v === t) return k;
  return null;
}
