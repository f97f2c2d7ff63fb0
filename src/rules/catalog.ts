// The rule catalogue. Adding a rule = one file + its test + one line here.

import { rowSum } from './arithmetic/row-sum.js';
import { statementIdentity } from './arithmetic/statement.js';
import { subtotal } from './arithmetic/subtotal.js';
import { missingTargets } from './performance/missing-targets.js';
import { departmentPerformanceFunds } from './reconcile/department-performance-funds.js';
import { emptyFundTables } from './reconcile/empty-fund-tables.js';
import { fiscalVsGpb } from './reconcile/fiscal-vs-gpb.js';
import { gpbBasicVsExpenditure } from './reconcile/gpb-basic-vs-expenditure.js';
import { gpbItemsVsExpenditure } from './reconcile/gpb-items-vs-expenditure.js';
import { gpbProjectsVsExpenditure } from './reconcile/gpb-projects-vs-expenditure.js';
import { performanceVsProjects } from './reconcile/performance-vs-projects.js';
import { summaryVsExpenditure } from './reconcile/summary-vs-expenditure.js';
import { summaryVsFiscal } from './reconcile/summary-vs-fiscal.js';
import { threePublicVsEconomic } from './reconcile/three-public-vs-economic.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  rowSum,
  subtotal,
  statementIdentity,
  summaryVsExpenditure,
  summaryVsFiscal,
  fiscalVsGpb,
  gpbItemsVsExpenditure,
  gpbBasicVsExpenditure,
  gpbProjectsVsExpenditure,
  threePublicVsEconomic,
  performanceVsProjects,
  departmentPerformanceFunds,
  emptyFundTables,
  missingTargets,
];

/** Ids of cross-table identity rules, which profiles may declare. */
export const IDENTITY_RULE_IDS: ReadonlySet<string> = new Set(RULES.filter((r) => r.identity).map((r) => r.id));
