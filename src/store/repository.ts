// Read queries over the store, one code path for SQLite and PostgreSQL. Amounts leave here as exact
// decimal strings in 万元 (fen → decimal, no float on the way).

import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { fenToDecimal } from '../money/amount.js';
import type { Disclosure } from '../model/types.js';
import type { Store } from './db.js';
import type { DB, DocumentRow } from './schema.js';

export interface DocumentFilters {
  region?: string | undefined;
  level?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
  department?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  allVersions?: boolean | undefined;
  /** Only documents with error findings no reviewer has marked yet (reviews.ts). */
  unreviewed?: boolean | undefined;
}

export interface DocumentItem {
  id: number;
  version: number;
  department: string;
  title: string;
  region: string | null;
  level: string;
  year: number | null;
  kind: string;
  scope: string;
  profile: string;
  status: string;
  counts: { error: number; warning: number; info: number };
  sourceFile: string;
  format: string;
  importedAt: string;
}

export const wan = (fen: number | string | bigint | null | undefined): string => fenToDecimal(Number(fen ?? 0), '万元');

export function toItem(r: DocumentRow): DocumentItem {
  return {
    id: r.id,
    version: r.version,
    department: r.department,
    title: r.title,
    region: r.region,
    level: r.level,
    year: r.year,
    kind: r.kind,
    scope: r.scope,
    profile: r.profile,
    status: r.status,
    counts: { error: r.errors, warning: r.warnings, info: r.infos },
    sourceFile: r.source_file,
    format: r.format,
    importedAt: r.imported_at,
  };
}

/** LIKE pattern for a substring, with the wildcards of the input escaped. */
export const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type DocEB = ExpressionBuilder<DB, 'documents'>;

export function documentWhere(eb: DocEB, f: DocumentFilters): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [];
  if (!f.allVersions) and.push(eb('documents.latest', '=', 1));
  if (f.region) and.push(eb('documents.region', '=', f.region));
  if (f.level) and.push(eb('documents.level', '=', f.level));
  if (f.year !== undefined) and.push(eb('documents.year', '=', f.year));
  if (f.kind) and.push(eb('documents.kind', '=', f.kind));
  if (f.department) and.push(eb('documents.department', '=', f.department));
  if (f.status) and.push(eb('documents.status', '=', f.status));
  if (f.unreviewed) and.push(unreviewedErrors(eb));
  if (f.q) {
    const p = contains(f.q);
    and.push(eb.or([sql<SqlBool>`${eb.ref('documents.title')} like ${p} escape '\\'`, sql<SqlBool>`${eb.ref('documents.department')} like ${p} escape '\\'`]));
  }
  return eb.and(and);
}

/** A document has error findings that no reviewer has marked (its errors outnumber its marked error findings). */
export function unreviewedErrors(eb: DocEB): Expression<SqlBool> {
  return sql<SqlBool>`${eb.ref('documents.errors')} > (select count(*) from finding_reviews r where r.document_id = ${eb.ref('documents.id')} and r.severity = 'error')`;
}

export async function listDocuments(store: Store, f: DocumentFilters, limit = 50, offset = 0): Promise<{ total: number; items: DocumentItem[] }> {
  const { db } = store;
  const total = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => documentWhere(eb, f))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where((eb) => documentWhere(eb, f))
    .orderBy('year', 'desc')
    .orderBy('department')
    .orderBy('kind')
    .orderBy('version', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toItem) };
}

export async function getDocumentRow(store: Store, id: number): Promise<DocumentRow | undefined> {
  return store.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function versionsOf(store: Store, docKey: string): Promise<{ id: number; version: number; importedAt: string }[]> {
  const rows = await store.db
    .selectFrom('documents')
    .select(['id', 'version', 'imported_at'])
    .where('doc_key', '=', docKey)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, importedAt: r.imported_at }));
}

type DataColumn = 'disclosure' | 'check_json' | 'summary';

/** One stored JSON text of a version, as the CLI printed it. */
export async function documentJson(store: Store, id: number, column: DataColumn): Promise<string | undefined> {
  const r = await store.db.selectFrom('document_data').select(column).where('document_id', '=', id).executeTakeFirst();
  return r ? (r as Record<DataColumn, string>)[column] : undefined;
}

// Parsed disclosures are large; keep the most recently used few.
const parsed = new Map<string, Disclosure>();
export async function loadDisclosure(store: Store, id: number): Promise<Disclosure | undefined> {
  const key = `${store.location}#${id}`;
  const hit = parsed.get(key);
  if (hit) {
    parsed.delete(key);
    parsed.set(key, hit);
    return hit;
  }
  const text = await documentJson(store, id, 'disclosure');
  if (text === undefined) return undefined;
  const doc = JSON.parse(text) as Disclosure;
  parsed.set(key, doc);
  if (parsed.size > 32) parsed.delete(parsed.keys().next().value!);
  return doc;
}

export function forgetDisclosure(store: Store, id: number): void {
  parsed.delete(`${store.location}#${id}`);
}

export interface CoverageCell {
  id: number;
  kind: string;
  status: string;
  counts: { error: number; warning: number; info: number };
  /** Every latest document of that department and year (a budget and a final account may both exist). */
  documents: { id: number; kind: string; scope: string; status: string }[];
}

export async function coverage(store: Store, f: DocumentFilters = {}) {
  const rows = await store.db
    .selectFrom('documents')
    .selectAll()
    .where((eb) => documentWhere(eb, { ...f, allVersions: false }))
    .orderBy('region')
    .orderBy('department')
    .orderBy('kind')
    .orderBy('id')
    .execute();
  const departments = new Map<string, { department: string; region: string | null; level: string; years: Record<string, CoverageCell> }>();
  const years = new Set<number>();
  for (const r of rows) {
    const key = `${r.region ?? ''}|${r.department}`;
    let d = departments.get(key);
    if (!d) departments.set(key, (d = { department: r.department, region: r.region, level: r.level, years: {} }));
    const y = String(r.year ?? '未知');
    if (r.year !== null) years.add(r.year);
    const entry = { id: r.id, kind: r.kind, scope: r.scope, status: r.status };
    const cell = d.years[y];
    // The department's own budget is the cell's headline; others are listed with it.
    if (!cell) d.years[y] = { id: r.id, kind: r.kind, status: r.status, counts: { error: r.errors, warning: r.warnings, info: r.infos }, documents: [entry] };
    else {
      cell.documents.push(entry);
      if (cell.kind !== 'budget' && r.kind === 'budget')
        Object.assign(cell, { id: r.id, kind: r.kind, status: r.status, counts: { error: r.errors, warning: r.warnings, info: r.infos } });
    }
  }
  return { departments: [...departments.values()], years: [...years].sort((a, b) => a - b) };
}
