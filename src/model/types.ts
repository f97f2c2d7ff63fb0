// The canonical model of one disclosure (部门预算/决算公开). JSON-serialisable: amounts are
// decimal strings in the unit of the table they were printed in; rules convert to integer fen.

import type { AmountUnit } from '../money/amount.js';

export const SCHEMA_VERSION = 1;

export type DisclosureKind = 'budget' | 'final';
export type DisclosureScope = 'department' | 'unit';
export type GovernmentLevel = 'central' | 'province' | 'city' | 'county' | 'unknown';

/** Where a number or a piece of text came from. Lines and pages are 1-based; row and column are
 *  0-based indexes into the table's rows and the printed cells of that line; box is
 *  [x0, y0, x1, y1] in PDF points from the page's bottom-left. */
export interface Provenance {
  line: number;
  page?: number;
  table?: string;
  row?: number;
  column?: number;
  /** Bounding box on the page in PDF points, when read from a PDF. */
  box?: [number, number, number, number];
}

export interface DisclosureMeta {
  title: string;
  department: string;
  region: string | null;
  level: GovernmentLevel;
  fiscalYear: number | null;
  kind: DisclosureKind;
  scope: DisclosureScope;
  profile: string;
  source: { file: string; format: 'text' | 'pdf' | 'xlsx' | 'html'; sha256: string; lines: number };
  /**
   * The part of a publication split over several files that this file holds: `narrative` (only the
   * 情况说明, the tables published separately) or `tables` (only the tables). Absent when whole.
   */
  part?: PublicationPart;
}

export type PublicationPart = 'narrative' | 'tables';

export interface BudgetUnit {
  code: string | null;
  name: string;
  /** 行政单位 / 事业单位 / 其他事业单位 …, when stated or derivable from its rows. */
  type: string | null;
  typeBasis: 'stated' | 'inferred' | null;
}

/** Kind of a row inside a table: what it aggregates. */
export type RowKind = 'total' | 'department' | 'unit' | 'group' | 'detail' | 'item';

export interface TableRow {
  index: number;
  kind: RowKind;
  label: string;
  /** Function (支出功能分类) or economic (经济分类) code, full digits. */
  code: string | null;
  unitCode: string | null;
  project: string | null;
  /** Statement tables: the key of the item (e.g. incomeTotal, class:204). */
  item: string | null;
  /** Statement tables: which side of the table (income / expenditure). */
  side: 'income' | 'expenditure' | null;
  parent: number | null;
  source: Provenance;
}

/**
 * How far a table's reading is confirmed by the document's own arithmetic: `confirmed` when every
 * identity on its figures holds (within rounding), `exceptions` when a few isolated ones fail (the
 * candidates for the publisher's real mistakes), `unreliable` when failures are spread so widely that
 * the reading itself is wrong, `unchecked` when no identity applies (an empty or one-figure table).
 */
export type ReadingStatus = 'confirmed' | 'exceptions' | 'unreliable' | 'unchecked';

export interface TableReading {
  status: ReadingStatus;
  /** Identities evaluated on the table's figures: within the table and against other tables. */
  checked: number;
  /** Of those, how many fail beyond rounding. */
  failed: number;
  /** Why the reading is not trusted (zh-CN); null unless unreliable. */
  reason: string | null;
}

export interface TableInstance {
  /** Profile table id, e.g. "1-2". */
  id: string;
  role: string;
  title: string;
  /** Title as printed in the body. */
  printedTitle: string;
  unit: AmountUnit;
  /** Decimals as printed (max seen in the table). */
  decimals: number;
  present: boolean;
  empty: boolean;
  note: string | null;
  rows: TableRow[];
  /** Measures (columns) the table prints, filled or blank: a measure not among them is unknown, not 0. */
  measures: string[];
  /** How sure the reading is; figures of an unreliable table feed no rule, cross-table check or summary. */
  reading: TableReading;
  source: Provenance;
}

export interface FactDimensions {
  functionCode?: string;
  economicCode?: string;
  unitCode?: string;
  project?: string;
  fundType?: string;
  item?: string;
}

export interface Fact {
  table: string;
  row: number;
  measure: string;
  value: string;
  unit: AmountUnit;
  rowKind: RowKind;
  label: string;
  dims: FactDimensions;
  source: Provenance;
}

export type ClaimKind = 'amount' | 'share' | 'change' | 'changeRate' | 'count';

export interface NumericClaim {
  id: string;
  kind: ClaimKind;
  /** The phrase the number is about, as written. */
  subject: string;
  /** Number as written, normalized ("3,480.25" → "3480.25"). */
  value: string;
  /** Decimal places as printed ("556.40" → 2): the precision the claim asserts. */
  decimals: number;
  /** 万元 / 元 / % / ‰ / ‱ / 辆 / 个 …; empty for 持平 without a number. */
  unit: string;
  /** For change claims: 增加/减少/增长/下降/持平 as written. */
  direction?: string;
  /** For shares: the base phrase, when written in the sentence. */
  basis?: string;
  /** Id of the claim this one is a part of (其中…). */
  partOf?: string;
  /** For shares and changes: id of the amount claim they qualify; for a baseline, the amount compared with it. */
  about?: string;
  /** An amount stated as the figure compared with ("比 2025 年初预算数 20,292.85 万元减少…"): last year's, not this year's. */
  baseline?: boolean;
  /** Stated among the reasons for a change ("主要原因是…新增…1000万元"): a component, not an item's total. */
  reason?: boolean;
  /** The year written just before the number's subject ("2025年预算执行数为…"). */
  year?: number;
  sentence: number;
  section: string;
  source: Provenance;
  text: string;
}

export interface NarrativeSentence {
  index: number;
  section: string;
  text: string;
  source: Provenance;
  /** The sentence ends its paragraph without a closing mark (。！？；：…). */
  unterminated?: boolean;
}

export interface NarrativeSection {
  id: string;
  heading: string;
  level: number;
  parent: string | null;
  source: Provenance;
}

export interface Narrative {
  sections: NarrativeSection[];
  sentences: NarrativeSentence[];
  claims: NumericClaim[];
}

export type IndicatorNature = '≥' | '≤' | '=' | '定性' | '>' | '<';

export interface PerformanceIndicator {
  level1: string;
  level2: string;
  level3: string;
  nature: string;
  value: string;
  measureUnit: string;
  weight: string | null;
  direction: string | null;
  source: Provenance;
}

export interface PerformanceProject {
  unitCode: string | null;
  unitName: string | null;
  name: string;
  amount: string | null;
  unit: AmountUnit;
  goal: string;
  indicators: PerformanceIndicator[];
  source: Provenance;
}

export interface DepartmentPerformance {
  totalFunds: string | null;
  fiscalFunds: string | null;
  otherFunds: string | null;
  /** The row that prints 资金总额 / 财政拨款 / 其他资金. */
  fundsSource: Provenance | null;
  unit: AmountUnit;
  goal: string;
  tasks: { name: string; content: string }[];
  indicators: PerformanceIndicator[];
  source: Provenance;
}

export interface Performance {
  /** Total printed on the project table's department row, when any. */
  declaredTotal: string | null;
  declaredTotalSource: Provenance | null;
  projects: PerformanceProject[];
  department: DepartmentPerformance | null;
}

export interface CountedBreakdown {
  total: { value: string; source: Provenance } | null;
  parts: { label: string; value: string; source: Provenance }[];
}

/** Figures stated outside the tables, mostly in 情况说明. */
export interface OtherFacts {
  vehicles: CountedBreakdown[];
  procurement: CountedBreakdown[];
  operatingCost: { value: string; unit: AmountUnit; source: Provenance } | null;
  largeAssets: { value: string; source: Provenance } | null;
  projectCounts: CountedBreakdown[];
  unitCounts: CountedBreakdown | null;
}

export interface TocEntry {
  title: string;
  number: string | null;
  source: Provenance;
}

export interface Disclosure {
  schemaVersion: typeof SCHEMA_VERSION;
  meta: DisclosureMeta;
  units: BudgetUnit[];
  toc: TocEntry[];
  tables: TableInstance[];
  facts: Fact[];
  narrative: Narrative;
  performance: Performance;
  other: OtherFacts;
  glossary: { term: string; definition: string; source: Provenance }[];
  /** Things the reader saw but could not place: kept so nothing is silently lost. */
  readerNotes: { message: string; source: Provenance }[];
}
