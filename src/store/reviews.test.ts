// The review workflow's store, on SQLite and PostgreSQL: marks per version, carried over to a
// re-import that reports the same finding, counted (documents with unreviewed errors), exported.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestDatabase } from '../../test/support/postgres.js';
import { analyse } from '../analysis.js';
import { loadProfiles } from '../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { syntheticDisclosure } from '../synthetic/generate.js';
import { openStore, type Store } from './db.js';
import { deleteDocument, importAnalysed } from './import.js';
import { listDocuments } from './repository.js';
import { getReview, keyedFindings, markedFindings, parseReviewInput, ReviewError, reviewSummary, reviewsOf, setReview } from './reviews.js';

const profile = () => loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;

async function importSynthetic(store: Store, o: { injectError: boolean; sha?: string; department?: string }) {
  const doc = syntheticDisclosure({ seed: 7, department: o.department ?? '审核测试部门', region: '测试省', year: 2024, injectError: o.injectError });
  if (o.sha) doc.meta.source.sha256 = o.sha;
  return importAnalysed(store, doc, analyse({ disclosure: doc, profile: profile() }));
}

async function workflow(store: Store) {
  const v1 = await importSynthetic(store, { injectError: true });
  await importSynthetic(store, { injectError: false, department: '无错误部门' });
  const findings = (await keyedFindings(store, v1.id))!;
  const errors = findings.filter((f) => f.finding.severity === 'error');
  assert.ok(errors.length > 0, 'the injected error is found');
  assert.equal(new Set(findings.map((f) => f.key)).size, findings.length, 'keys are unique within a version');

  let summary = await reviewSummary(store);
  assert.equal(summary.documents, 2);
  assert.equal(summary.withErrors, 1);
  assert.equal(summary.withUnreviewedErrors, 1);
  assert.deepEqual(
    (await listDocuments(store, { unreviewed: true })).items.map((d) => d.id),
    [v1.id],
  );

  // Mark every error: the first a false positive, the rest confirmed.
  const [first, ...rest] = errors;
  const fp = await setReview(store, v1.id, first!.key, parseReviewInput({ status: '误报', note: '读取错位，原表无误', reviewer: '张三' }));
  assert.equal(fp?.status, 'false-positive');
  assert.equal(fp?.statusName, '误报');
  for (const e of rest) await setReview(store, v1.id, e.key, parseReviewInput({ status: 'confirmed', reviewer: '李四' }));
  summary = await reviewSummary(store);
  assert.equal(summary.withUnreviewedErrors, 0);
  assert.equal(summary.marks['false-positive'], 1);
  assert.equal((await listDocuments(store, { unreviewed: true })).total, 0);

  // Changing a mark replaces it (one row per finding).
  await setReview(store, v1.id, first!.key, parseReviewInput({ status: 'false-positive', note: '复核：读取错位', reviewer: '王五' }));
  const got = await getReview(store, v1.id, first!.key);
  assert.equal(got.review?.reviewer, '王五');
  assert.equal(got.review?.note, '复核：读取错位');
  assert.equal(got.finding.rule, first!.finding.rule);
  assert.equal((await reviewsOf(store, v1.id)).size, errors.length);

  // A warning marked 已整改 too.
  const warning = findings.find((f) => f.finding.severity !== 'error');
  if (warning) await setReview(store, v1.id, warning.key, parseReviewInput({ status: 'corrected', reviewer: '赵六', note: '' }));

  // Unknown document or finding: 404; malformed key: 400.
  await assert.rejects(getReview(store, 99999, first!.key), (e: ReviewError) => e.status === 404 && /没有编号为 99999 的文档/.test(e.message));
  await assert.rejects(getReview(store, v1.id, '0000000000000000'), (e: ReviewError) => e.status === 404);
  await assert.rejects(getReview(store, v1.id, '../x'), (e: ReviewError) => e.status === 400);

  // Re-import with the same findings: every mark carries over to the new version.
  const v2 = await importSynthetic(store, { injectError: true, sha: 'v2' });
  assert.equal(v2.outcome, 'newVersion');
  const carried = await reviewsOf(store, v2.id);
  assert.equal(carried.size, (await reviewsOf(store, v1.id)).size);
  assert.equal(carried.get(first!.key)?.reviewer, '王五');
  assert.equal((await reviewSummary(store)).withUnreviewedErrors, 0);

  // The false positives with their findings (latest versions only).
  const marked = await markedFindings(store);
  assert.equal(marked.length, 1);
  assert.equal(marked[0]!.document.id, v2.id);
  assert.equal(marked[0]!.finding.rule, first!.finding.rule);
  assert.equal(marked[0]!.review.note, '复核：读取错位');

  // A version without the error: its mark is not carried (nothing to attach it to).
  const v3 = await importSynthetic(store, { injectError: false, sha: 'v3' });
  const v3Keys = new Set(((await keyedFindings(store, v3.id)) ?? []).map((f) => f.key));
  assert.ok(!v3Keys.has(first!.key));
  assert.ok([...(await reviewsOf(store, v3.id)).keys()].every((k) => v3Keys.has(k)));
  assert.equal((await markedFindings(store)).length, 0);

  // Clearing a mark; deleting a version deletes its marks.
  await setReview(store, v2.id, first!.key, parseReviewInput({ status: null }));
  assert.equal((await getReview(store, v2.id, first!.key)).review, null);
  assert.ok(await deleteDocument(store, v1.id));
  assert.equal((await store.db.selectFrom('finding_reviews').selectAll().where('document_id', '=', v1.id).execute()).length, 0);
}

test('review input: statuses by id or zh-CN name, reviewer required, zh-CN messages', () => {
  assert.equal(parseReviewInput({ status: '已核实', reviewer: ' 张三 ' }).status, 'confirmed');
  assert.equal(parseReviewInput({ status: '已整改', reviewer: '张三' }).reviewer, '张三');
  assert.equal(parseReviewInput({ status: null }).status, null);
  for (const [body, message] of [
    [null, /JSON 对象/],
    [[], /JSON 对象/],
    [{ status: 'ok', reviewer: '张三' }, /只能是 confirmed（已核实）、false-positive（误报）、corrected（已整改）/],
    [{ status: 'confirmed' }, /请填写审核人/],
    [{ status: 'confirmed', reviewer: '  ' }, /请填写审核人/],
    [{ status: 'confirmed', reviewer: 'a'.repeat(61) }, /过长/],
    [{ status: 'confirmed', reviewer: '张\n三' }, /换行/],
    [{ status: 'confirmed', reviewer: '张三', note: 5 }, /应为文字/],
    [{ status: 'confirmed', reviewer: '张三', note: 'x'.repeat(2001) }, /过长/],
  ] as const)
    assert.throws(
      () => parseReviewInput(body),
      (e: ReviewError) => e.status === 400 && message.test(e.message),
    );
});

test('SQLite: reviews are kept per version, carried over, counted and exported', async () => {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'yusuan-reviews-')) });
  try {
    await workflow(store);
  } finally {
    await store.close();
  }
});

test('PostgreSQL: reviews are kept per version, carried over, counted and exported', async (t) => {
  const pg = await createTestDatabase();
  if ('skip' in pg) return t.skip(pg.skip);
  try {
    const store = await openStore({ databaseUrl: pg.url });
    try {
      await workflow(store);
    } finally {
      await store.close();
    }
  } finally {
    await pg.drop();
  }
});
