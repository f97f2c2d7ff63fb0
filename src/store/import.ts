// Importing a disclosure: one transaction writes the version row, its JSON (as the CLI prints it),
// its facts and units, and moves the `latest` flag. Nothing half-imported is ever visible. The same
// publication (region | department | year | kind | scope | title) imported again gets a new version and
// the old ones stay (see documentKey); identical content (same sha256 as the latest version) is not stored twice.

import { sql } from 'kysely';
import { toFen } from '../money/amount.js';
import type { Disclosure, Fact } from '../model/types.js';
import { statusOf, type Analysis } from '../analysis.js';
import type { Store } from './db.js';
import { carryReviews } from './reviews.js';
import type { NewFact } from './schema.js';

export type ImportOutcome = 'created' | 'newVersion' | 'unchanged';

export interface ImportResult {
  id: number;
  version: number;
  outcome: ImportOutcome;
  status: 'clean' | 'warning' | 'error';
  counts: { error: number; warning: number; info: number };
}

/** What names one publication across re-imports. The title is part of it: documents whose
 *  department the reader could not tell (未知部门) must not become versions of each other. */
export function documentKey(meta: Disclosure['meta']): string {
  return [meta.region ?? '', meta.department, meta.fiscalYear ?? '', meta.kind, meta.scope, meta.title.replace(/\s+/g, '')].join('|');
}

/** Rows that carry money without double counting inside their table: detail (leaf) rows of tree
 *  tables, and the function-class lines (class:xxx) of statement tables. */
export function isLeafFact(f: Pick<Fact, 'rowKind' | 'dims'>): boolean {
  return f.rowKind === 'detail' || (f.rowKind === 'item' && (f.dims.item ?? '').startsWith('class:'));
}

export function factRows(doc: Disclosure, documentId: number): NewFact[] {
  const roles = new Map(doc.tables.map((t) => [t.id, t.role]));
  // A table that could not be read reliably is kept as read, but none of its numbers is summed:
  // aggregates (and the Fiscal Data Package) would otherwise add misread figures.
  const unreliable = new Set(doc.tables.filter((t) => t.reading?.status === 'unreliable').map((t) => t.id));
  return doc.facts.map((f) => ({
    document_id: documentId,
    table_id: f.table,
    role: roles.get(f.table) ?? f.table,
    row_index: f.row,
    row_kind: f.rowKind,
    leaf: isLeafFact(f) && !unreliable.has(f.table) ? 1 : 0,
    label: f.label,
    measure: f.measure,
    fen: toFen(f.value, f.unit),
    function_code: f.dims.functionCode ?? null,
    function_class: f.dims.functionCode ? f.dims.functionCode.slice(0, 3) : null,
    economic_code: f.dims.economicCode ?? null,
    unit_code: f.dims.unitCode ?? null,
    project: f.dims.project ?? null,
    item: f.dims.item ?? null,
    fund_type: f.dims.fundType ?? null,
    line: f.source.line,
  }));
}

/** A blank template (上海市XX局, ××单位, 某某部门): its department is a placeholder, not one the portal holds. */
export function isPlaceholderName(name: string): boolean {
  return /[XＸxｘ]{2}|[×*＊○〇]{2}|某某/.test(name);
}

/** Refusal to store a blank template as if it were a department's disclosure. */
export class TemplateNotImported extends Error {
  override name = 'TemplateNotImported';
  constructor(department: string) {
    super(`“${department}”是占位名称，这是一份空白模板而非某个部门的公开文件，不导入`);
  }
}

const BATCH = 400;

export async function importAnalysed(store: Store, doc: Disclosure, analysis: Analysis, now = new Date()): Promise<ImportResult> {
  if (isPlaceholderName(doc.meta.department)) throw new TemplateNotImported(doc.meta.department);
  const key = documentKey(doc.meta);
  const counts = analysis.counts;
  const status = statusOf(counts);
  // Serialise outside the transaction: the write lock is held only for the writes.
  const disclosureJson = JSON.stringify(doc);
  const checkJson = JSON.stringify(analysis.check);
  const summaryJson = JSON.stringify(analysis.summary);
  return store.db.transaction().execute(async (trx) => {
    // Concurrent imports of one publication take turns (PostgreSQL; SQLite has one writer anyway):
    // each then sees the version the other wrote, instead of both writing the same next version.
    if (store.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    const latest = await trx
      .selectFrom('documents')
      .select(['id', 'version', 'sha256', 'status'])
      .where('doc_key', '=', key)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest && latest.sha256 === doc.meta.source.sha256) return { id: latest.id, version: latest.version, outcome: 'unchanged' as const, status, counts };
    const version = (latest?.version ?? 0) + 1;
    await trx.updateTable('documents').set({ latest: 0 }).where('doc_key', '=', key).where('latest', '=', 1).execute();
    const m = doc.meta;
    const inserted = await trx
      .insertInto('documents')
      .values({
        doc_key: key,
        version,
        latest: 1,
        title: m.title,
        department: m.department,
        region: m.region,
        level: m.level,
        year: m.fiscalYear,
        kind: m.kind,
        scope: m.scope,
        profile: m.profile,
        status,
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        source_file: m.source.file,
        format: m.source.format,
        sha256: m.source.sha256,
        imported_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = inserted.id;
    await trx.insertInto('document_data').values({ document_id: id, disclosure: disclosureJson, check_json: checkJson, summary: summaryJson }).execute();
    const facts = factRows(doc, id);
    if (store.insertFacts) store.insertFacts(facts);
    else
      for (let i = 0; i < facts.length; i += BATCH)
        await trx
          .insertInto('facts')
          .values(facts.slice(i, i + BATCH))
          .execute();
    if (doc.units.length)
      await trx
        .insertInto('units')
        .values(doc.units.map((u) => ({ document_id: id, code: u.code, name: u.name })))
        .execute();
    if (latest) await carryReviews(trx, latest.id, id, analysis.check.findings);
    return { id, version, outcome: latest ? ('newVersion' as const) : ('created' as const), status, counts };
  });
}

/** Delete one version; when it was the latest, the newest remaining version becomes the latest. */
export async function deleteDocument(store: Store, id: number): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('documents').select(['doc_key', 'latest']).where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    // Children first: SQLite enforces the cascade only with foreign_keys on; be explicit for both.
    for (const t of ['facts', 'units', 'document_data', 'finding_reviews'] as const) await trx.deleteFrom(t).where('document_id', '=', id).execute();
    await trx.deleteFrom('documents').where('id', '=', id).execute();
    if (row.latest) {
      const next = await trx.selectFrom('documents').select('id').where('doc_key', '=', row.doc_key).orderBy('version', 'desc').limit(1).executeTakeFirst();
      if (next) await trx.updateTable('documents').set({ latest: 1 }).where('id', '=', next.id).execute();
    }
    return true;
  });
}
