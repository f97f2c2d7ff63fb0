// The store's tables (one schema for SQLite and PostgreSQL). Money is integer fen (BIGINT);
// flags are 0/1 integers so both dialects read them the same way.
//
// documents      one row per imported version of a publication; `doc_key` names the publication
//                (region | department | year | kind | scope | title), `latest` = 1 on its newest version
// document_data  the version's JSON as the CLI prints it (extract / check --format json / summary --json)
// facts          every amount of the model with its dimensions, for filters and aggregates
// units          budget units of each version, for search
// finding_reviews a reviewer's mark on one finding of a version (已核实 / 误报 / 已整改), see reviews.ts

import type { Generated, Insertable, Selectable } from 'kysely';

export interface DocumentsTable {
  id: Generated<number>;
  doc_key: string;
  version: number;
  latest: number;
  title: string;
  department: string;
  region: string | null;
  level: string;
  year: number | null;
  kind: string;
  scope: string;
  profile: string;
  status: string;
  errors: number;
  warnings: number;
  infos: number;
  source_file: string;
  format: string;
  sha256: string;
  imported_at: string;
}

export interface DocumentDataTable {
  document_id: number;
  disclosure: string;
  check_json: string;
  summary: string;
}

export interface FactsTable {
  document_id: number;
  table_id: string;
  role: string;
  row_index: number;
  row_kind: string;
  /** 1 for rows that carry money without double counting within their table (see repository.ts). */
  leaf: number;
  label: string;
  measure: string;
  fen: number;
  function_code: string | null;
  function_class: string | null;
  economic_code: string | null;
  unit_code: string | null;
  project: string | null;
  item: string | null;
  fund_type: string | null;
  line: number;
}

export interface UnitsTable {
  document_id: number;
  code: string | null;
  name: string;
}

export interface FindingReviewsTable {
  document_id: number;
  finding_key: string;
  rule: string;
  severity: string;
  /** confirmed | false-positive | corrected (glossary REVIEW_STATUSES). */
  status: string;
  note: string;
  reviewer: string;
  reviewed_at: string;
}

export interface DB {
  documents: DocumentsTable;
  document_data: DocumentDataTable;
  facts: FactsTable;
  units: UnitsTable;
  finding_reviews: FindingReviewsTable;
}

export type DocumentRow = Selectable<DocumentsTable>;
export type NewFact = Insertable<FactsTable>;
