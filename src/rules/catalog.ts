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
import { summaryPersonnelVsBasic } from './reconcile/summary-personnel-vs-basic.js';
import { breakdownSum } from './narrative/breakdown-sum.js';
import { narrativeAmount } from './narrative/amount.js';
import { narrativeChange } from './narrative/change.js';
import { narrativeConsistency } from './narrative/consistency.js';
import { narrativeShare } from './narrative/share.js';
import { unverified } from './narrative/unverified.js';
import { comparisonYear } from './narrative/comparison-year.js';
import { wording } from './narrative/wording.js';
import { percentage } from './narrative/percentage.js';
import { finalDirection } from './narrative/final-direction.js';
import { zeroTotal } from './narrative/zero-total.js';
import { nameMismatch } from './classification/name-mismatch.js';
import { personnelPublicSplit } from './classification/personnel-public.js';
import { unknownCode } from './classification/unknown-code.js';
import { emptyTableNote } from './completeness/empty-table-note.js';
import { narrativeTopics } from './completeness/narrative-topics.js';
import { requiredTables } from './completeness/required-tables.js';
import { tocVsBody } from './completeness/toc.js';
import { unrecognisedTables } from './completeness/unrecognised-tables.js';
import { unreliableTable } from './completeness/unreliable-table.js';
import { levelWording } from './completeness/level-wording.js';
import { placeholder } from './completeness/placeholder.js';
import { tableOrder } from './completeness/table-order.js';
import { categoryWeights } from './performance/category-weights.js';
import { indicatorValue } from './performance/indicator-value.js';
import { natureDirection } from './performance/nature-direction.js';
import { indicatorStructure } from './performance/structure.js';
import { weightTotal } from './performance/weight-total.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  rowSum,
  subtotal,
  statementIdentity,
  summaryVsExpenditure,
  summaryVsFiscal,
  summaryPersonnelVsBasic,
  fiscalVsGpb,
  gpbItemsVsExpenditure,
  gpbBasicVsExpenditure,
  gpbProjectsVsExpenditure,
  threePublicVsEconomic,
  performanceVsProjects,
  departmentPerformanceFunds,
  emptyFundTables,
  unknownCode,
  nameMismatch,
  personnelPublicSplit,
  missingTargets,
  weightTotal,
  categoryWeights,
  indicatorStructure,
  natureDirection,
  indicatorValue,
  narrativeAmount,
  narrativeShare,
  narrativeChange,
  breakdownSum,
  narrativeConsistency,
  comparisonYear,
  percentage,
  finalDirection,
  zeroTotal,
  wording,
  unverified,
  requiredTables,
  tocVsBody,
  emptyTableNote,
  narrativeTopics,
  unrecognisedTables,
  unreliableTable,
  levelWording,
  placeholder,
  tableOrder,
];

/** Ids of cross-table identity rules, which profiles may declare. */
export const IDENTITY_RULE_IDS: ReadonlySet<string> = new Set(RULES.filter((r) => r.identity).map((r) => r.id));
