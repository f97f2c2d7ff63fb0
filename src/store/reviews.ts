// The review workflow: a reviewer marks a finding of a document version 已核实 (confirmed), 误报
// (false positive) or 已整改 (corrected), with a note and their name. Marks are keyed by the finding's
// stable key (src/rules/finding-key.ts) and carried to a new version that reports the same finding.

import { sql, type Transaction } from 'kysely';
import { REVIEW_STATUSES, type ReviewStatus } from '../glossary.js';
import { findingKeys, FINDING_KEY } from '../rules/finding-key.js';
import type { Finding } from '../rules/types.js';
import type { Store } from './db.js';
import { documentJson, documentWhere, unreviewedErrors, type DocumentFilters } from './repository.js';
import type { DB } from './schema.js';

export interface Review {
  key: string;
  status: ReviewStatus;
  /** zh-CN name of the status (已核实 / 误报 / 已整改). */
  statusName: string;
  note: string;
  reviewer: string;
  reviewedAt: string;
}

export interface ReviewInput {
  /** null clears the mark. */
  status: ReviewStatus | null;
  note: string;
  reviewer: string;
}

/** A review request that cannot be applied; `status` is the HTTP status it maps to. */
export class ReviewError extends Error {
  override name = 'ReviewError';
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

export const NOTE_MAX = 2000;
export const REVIEWER_MAX = 60;
/** Control characters other than tab and line breaks (a note may have lines; a name may not). */
const hasControl = (s: string) =>
  [...s].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 32 && c !== '\t' && c !== '\n' && c !== '\r') || n === 127;
  });

const STATUS_BY_NAME = new Map<string, ReviewStatus>(
  Object.entries(REVIEW_STATUSES).flatMap(([id, name]) => [[id, id as ReviewStatus] as const, [name, id as ReviewStatus] as const]),
);

/** A request body ({status, note, reviewer}) checked, with zh-CN messages. Status may be the id or the zh-CN name. */
export function parseReviewInput(body: unknown): ReviewInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ReviewError('请求内容应为 JSON 对象：{"status": …, "note": …, "reviewer": …}', 400);
  const b = body as Record<string, unknown>;
  const names = Object.entries(REVIEW_STATUSES)
    .map(([id, name]) => `${id}（${name}）`)
    .join('、');
  let status: ReviewStatus | null;
  if (b.status === null) status = null;
  else if (typeof b.status === 'string' && STATUS_BY_NAME.has(b.status.trim())) status = STATUS_BY_NAME.get(b.status.trim())!;
  else throw new ReviewError(`审核状态 status 只能是 ${names}，或 null（撤销审核）`, 400);
  const note = b.note === undefined || b.note === null ? '' : b.note;
  if (typeof note !== 'string') throw new ReviewError('备注 note 应为文字', 400);
  if (note.length > NOTE_MAX) throw new ReviewError(`备注 note 过长（最多 ${NOTE_MAX} 字）`, 400);
  if (hasControl(note)) throw new ReviewError('备注 note 含有控制字符', 400);
  const reviewer = typeof b.reviewer === 'string' ? b.reviewer.trim() : '';
  if (status !== null && !reviewer) throw new ReviewError('请填写审核人 reviewer', 400);
  if (reviewer.length > REVIEWER_MAX) throw new ReviewError(`审核人 reviewer 过长（最多 ${REVIEWER_MAX} 字）`, 400);
  if (hasControl(reviewer) || /[\r\n\t]/.test(reviewer)) throw new ReviewError('审核人 reviewer 含有控制字符或换行', 400);
  return { status, note: note.trim(), reviewer };
}

/** The findings of a stored version in report order, with their keys; undefined when there is no such version. */
export async function keyedFindings(store: Store, id: number): Promise<{ key: string; finding: Finding }[] | undefined> {
  const text = await documentJson(store, id, 'check_json');
  if (text === undefined) return undefined;
  const findings = (JSON.parse(text) as { findings: Finding[] }).findings;
  const keys = findingKeys(findings);
  return findings.map((finding, i) => ({ key: keys[i]!, finding }));
}

type Row = { finding_key: string; status: string; note: string; reviewer: string; reviewed_at: string };
const toReview = (r: Row): Review => ({
  key: r.finding_key,
  status: r.status as ReviewStatus,
  statusName: REVIEW_STATUSES[r.status as ReviewStatus] ?? r.status,
  note: r.note,
  reviewer: r.reviewer,
  reviewedAt: r.reviewed_at,
});

/** Every mark on a version's findings, by key. */
export async function reviewsOf(store: Store, id: number): Promise<Map<string, Review>> {
  const rows = await store.db
    .selectFrom('finding_reviews')
    .select(['finding_key', 'status', 'note', 'reviewer', 'reviewed_at'])
    .where('document_id', '=', id)
    .execute();
  return new Map(rows.map((r) => [r.finding_key, toReview(r)]));
}

function checkKey(key: string) {
  if (!FINDING_KEY.test(key)) throw new ReviewError('问题编号格式不正确（应为 16 位十六进制数字，可带 -序号）', 400);
}

/** One finding of a version with its mark (null when not reviewed). */
export async function getReview(store: Store, id: number, key: string): Promise<{ key: string; finding: Finding; review: Review | null }> {
  checkKey(key);
  const found = (await findOrThrow(store, id, key)).found;
  return { key, finding: found.finding, review: (await reviewsOf(store, id)).get(key) ?? null };
}

async function findOrThrow(store: Store, id: number, key: string) {
  const findings = await keyedFindings(store, id);
  if (!findings) throw new ReviewError(`没有编号为 ${id} 的文档`, 404);
  const found = findings.find((f) => f.key === key);
  if (!found) throw new ReviewError(`文档 ${id} 中没有编号为 ${key} 的问题`, 404);
  return { found };
}

/** Set (or, with status null, clear) the mark on one finding of a version. */
export async function setReview(store: Store, id: number, key: string, input: ReviewInput, now = new Date()): Promise<Review | null> {
  checkKey(key);
  const { found } = await findOrThrow(store, id, key);
  if (input.status === null) {
    await store.db.deleteFrom('finding_reviews').where('document_id', '=', id).where('finding_key', '=', key).execute();
    return null;
  }
  const row = {
    document_id: id,
    finding_key: key,
    rule: found.finding.rule,
    severity: found.finding.severity,
    status: input.status,
    note: input.note,
    reviewer: input.reviewer,
    reviewed_at: now.toISOString(),
  };
  await store.db
    .insertInto('finding_reviews')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['document_id', 'finding_key']).doUpdateSet({ status: row.status, note: row.note, reviewer: row.reviewer, reviewed_at: row.reviewed_at }),
    )
    .execute();
  return toReview(row);
}

/** Inside an import's transaction: the marks of the previous version whose finding the new version
 *  reports again (same key) are copied to it, with the new finding's severity. */
export async function carryReviews(trx: Transaction<DB>, fromId: number, toId: number, findings: readonly Finding[]): Promise<number> {
  const old = await trx.selectFrom('finding_reviews').selectAll().where('document_id', '=', fromId).execute();
  if (!old.length) return 0;
  const keys = findingKeys(findings);
  const byKey = new Map(keys.map((k, i) => [k, findings[i]!]));
  const rows = old.flatMap((r) => {
    const f = byKey.get(r.finding_key);
    return f ? [{ ...r, document_id: toId, rule: f.rule, severity: f.severity }] : [];
  });
  if (rows.length) await trx.insertInto('finding_reviews').values(rows).execute();
  return rows.length;
}

export interface ReviewSummary {
  documents: number;
  /** Documents with at least one error finding. */
  withErrors: number;
  /** Documents with at least one error finding no reviewer has marked. */
  withUnreviewedErrors: number;
  /** Marks on the latest versions, by status. */
  marks: Record<ReviewStatus, number>;
}

/** Counts for the home page, over the latest versions matching the filters; the document counts are one query. */
export async function reviewSummary(store: Store, f: DocumentFilters = {}): Promise<ReviewSummary> {
  const counts = await store.db
    .selectFrom('documents')
    .where((eb) => documentWhere(eb, { ...f, allVersions: false }))
    .select((eb) => [
      eb.fn.countAll<number>().as('documents'),
      sql<number>`coalesce(sum(case when ${eb.ref('documents.errors')} > 0 then 1 else 0 end), 0)`.as('with_errors'),
      sql<number>`coalesce(sum(case when ${unreviewedErrors(eb)} then 1 else 0 end), 0)`.as('unreviewed'),
    ])
    .executeTakeFirstOrThrow();
  const marks = await store.db
    .selectFrom('finding_reviews')
    .innerJoin('documents', 'documents.id', 'finding_reviews.document_id')
    .where((eb) => documentWhere(eb, { ...f, allVersions: false }))
    .select((eb) => ['finding_reviews.status', eb.fn.countAll<number>().as('n')])
    .groupBy('finding_reviews.status')
    .execute();
  const byStatus = { confirmed: 0, 'false-positive': 0, corrected: 0 } as Record<ReviewStatus, number>;
  for (const m of marks) if (m.status in byStatus) byStatus[m.status as ReviewStatus] = Number(m.n);
  return { documents: Number(counts.documents), withErrors: Number(counts.with_errors), withUnreviewedErrors: Number(counts.unreviewed), marks: byStatus };
}

export interface MarkedFinding {
  document: {
    id: number;
    version: number;
    department: string;
    title: string;
    year: number | null;
    kind: string;
    scope: string;
    sourceFile: string;
    sha256: string;
  };
  key: string;
  finding: Finding;
  review: Review;
}

/** Marks of one status (default 误报) on the latest versions matching the filters, each with its finding:
 *  the material for the audit set (a false positive is a rule or reading to fix). */
export async function markedFindings(store: Store, status: ReviewStatus = 'false-positive', f: DocumentFilters = {}): Promise<MarkedFinding[]> {
  const docs = await store.db
    .selectFrom('documents')
    .where((eb) => documentWhere(eb, f))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('finding_reviews')
          .select('finding_reviews.document_id')
          .whereRef('finding_reviews.document_id', '=', 'documents.id')
          .where('finding_reviews.status', '=', status),
      ),
    )
    .select(['id', 'version', 'department', 'title', 'year', 'kind', 'scope', 'source_file', 'sha256'])
    .orderBy('year')
    .orderBy('department')
    .orderBy('id')
    .execute();
  const out: MarkedFinding[] = [];
  for (const d of docs) {
    const reviews = await reviewsOf(store, d.id);
    const document = {
      id: d.id,
      version: d.version,
      department: d.department,
      title: d.title,
      year: d.year,
      kind: d.kind,
      scope: d.scope,
      sourceFile: d.source_file,
      sha256: d.sha256,
    };
    for (const { key, finding } of (await keyedFindings(store, d.id)) ?? []) {
      const review = reviews.get(key);
      if (review?.status === status) out.push({ document, key, finding, review });
    }
  }
  return out;
}
