// The review workflow through the API (SQLite and PostgreSQL) and `yusuan export --reviews`.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { analyse } from '../src/analysis.js';
import { run } from '../src/cli/main.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { OPENAPI } from '../src/server/openapi.js';
import { buildApp } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/db.js';
import { importAnalysed } from '../src/store/import.js';
import { syntheticDisclosure } from '../src/synthetic/generate.js';
import { createTestDatabase } from './support/postgres.js';

const TOKEN = 'review-token-1234';
const SICHUAN = () => loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;

async function importSynthetic(store: Store, injectError: boolean, department = '审核接口测试部门') {
  const doc = syntheticDisclosure({ seed: 11, department, region: '测试省', year: 2024, injectError });
  return importAnalysed(store, doc, analyse({ disclosure: doc, profile: SICHUAN() }));
}

async function apiWorkflow(store: Store) {
  const app = await buildApp({ store, token: TOKEN });
  const readOnly = await buildApp({ store });
  try {
    const doc = await importSynthetic(store, true);
    await importSynthetic(store, false, '无错误部门');
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return {
        status: r.statusCode,
        body: String(r.headers['content-type'] ?? '').includes('json') ? r.json() : r.body,
        raw: r.rawPayload,
        headers: r.headers,
      };
    };
    const put = (url: string, payload: unknown, token: string | null = TOKEN) =>
      app.inject({ method: 'PUT', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });

    const findings = (await get(`/api/documents/${doc.id}/findings`)).body as { severity: string; rule: string }[];
    const { keys, reviews } = (await get(`/api/documents/${doc.id}/reviews`)).body as { keys: string[]; reviews: unknown[] };
    assert.equal(keys.length, findings.length);
    assert.deepEqual(reviews, []);
    const errorIndex = findings.findIndex((f) => f.severity === 'error');
    assert.ok(errorIndex >= 0);
    const key = keys[errorIndex]!;
    const url = `/api/documents/${doc.id}/findings/${key}/review`;

    let summary = (await get('/api/reviews/summary')).body;
    assert.equal(summary.withUnreviewedErrors, 1);
    assert.equal((await get('/api/documents?unreviewed=1')).body.total, 1);

    const before = await get(url);
    assert.equal(before.status, 200);
    assert.equal(before.body.review, null);
    assert.equal(before.body.finding.rule, findings[errorIndex]!.rule);

    // Writes need the token; without one configured, writing is closed.
    const mark = { status: '误报', note: '表内数字读取错位', reviewer: '张三' };
    assert.equal((await put(url, mark, null)).statusCode, 401);
    assert.equal((await put(url, mark, 'wrong')).statusCode, 401);
    const closed = await readOnly.inject({ method: 'PUT', url, payload: mark, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(closed.statusCode, 403);
    assert.match(closed.json().error, /未开放写入/);

    // Bad input: 4xx with a zh-CN message.
    for (const [payload, status, message] of [
      [{ status: 'maybe', reviewer: '张三' }, 400, /审核状态 status 只能是/],
      [{ status: 'confirmed' }, 400, /请填写审核人/],
      [{ status: 'confirmed', reviewer: '张三', note: 'x'.repeat(2001) }, 400, /备注 note 过长/],
      [[1, 2], 400, /JSON 对象/],
    ] as const) {
      const r = await put(url, payload);
      assert.equal(r.statusCode, status, JSON.stringify(payload));
      assert.match(r.json().error, message);
    }
    const badKey = await put(`/api/documents/${doc.id}/findings/not-a-key/review`, mark);
    assert.equal(badKey.statusCode, 400);
    assert.match(badKey.json().error, /问题编号格式不正确/);
    const noFinding = await put(`/api/documents/${doc.id}/findings/0123456789abcdef/review`, mark);
    assert.equal(noFinding.statusCode, 404);
    assert.match(noFinding.json().error, /没有编号为 0123456789abcdef 的问题/);
    assert.equal((await put(`/api/documents/99999/findings/${key}/review`, mark)).statusCode, 404);
    assert.equal((await put(`/api/documents/abc/findings/${key}/review`, mark)).statusCode, 400);
    const text = await app.inject({ method: 'PUT', url, payload: 'status=x', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' } });
    assert.ok(text.statusCode >= 400 && text.statusCode < 500);
    assert.match(text.json().error, /[\u4e00-\u9fff]/);

    // A good mark.
    const saved = await put(url, mark);
    assert.equal(saved.statusCode, 200);
    assert.equal(saved.json().review.status, 'false-positive');
    assert.equal(saved.json().review.statusName, '误报');
    assert.equal((await get(url)).body.review.reviewer, '张三');
    assert.equal((await get(`/api/documents/${doc.id}/reviews`)).body.reviews.length, 1);

    // Every other error confirmed: no document left with unreviewed errors.
    for (const [i, f] of findings.entries())
      if (f.severity === 'error' && i !== errorIndex)
        assert.equal((await put(`/api/documents/${doc.id}/findings/${keys[i]}/review`, { status: 'confirmed', reviewer: '李四' })).statusCode, 200);
    summary = (await get('/api/reviews/summary')).body;
    assert.equal(summary.withErrors, 1);
    assert.equal(summary.withUnreviewedErrors, 0);
    assert.equal(summary.marks['false-positive'], 1);

    // Findings export with the review columns.
    const csv = await get(`/api/documents/${doc.id}/findings/export?format=csv`);
    assert.equal(csv.status, 200);
    const lines = String(csv.body)
      .replace(/^\ufeff/, '')
      .split('\r\n');
    assert.match(lines[0]!, /审核状态,审核备注,审核人,审核时间,规则编号,问题编号/);
    const markedLine = lines.find((l) => l.includes(key))!;
    assert.match(markedLine, /误报,表内数字读取错位,张三,/);
    assert.ok(lines.some((l) => l.includes('未审核')) || findings.every((f) => f.severity === 'error'));
    const xlsx = await get(`/api/documents/${doc.id}/findings/export?format=xlsx`);
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('检查发现')!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(head.slice(9, 13), ['审核状态', '审核备注', '审核人', '审核时间']);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(15).value === key)!;
    assert.equal(row.getCell(10).value, '误报');
    assert.equal(row.getCell(12).value, '张三');
    const badFormat = await get(`/api/documents/${doc.id}/findings/export?format=pdf`);
    assert.equal(badFormat.status, 400);
    assert.match(badFormat.body.error, /只能是 csv、xlsx/);

    // Clearing.
    assert.equal((await put(url, { status: null })).json().review, null);
    assert.equal((await get(url)).body.review, null);
  } finally {
    await app.close();
    await readOnly.close();
  }
}

describe('review API', () => {
  test('SQLite', async () => {
    const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'yusuan-review-api-')) });
    try {
      await apiWorkflow(store);
    } finally {
      await store.close();
    }
  });

  test('PostgreSQL', async (t) => {
    const pg = await createTestDatabase();
    if ('skip' in pg) return t.skip(pg.skip);
    try {
      const store = await openStore({ databaseUrl: pg.url });
      try {
        await apiWorkflow(store);
      } finally {
        await store.close();
      }
    } finally {
      await pg.drop();
    }
  });

  test('the OpenAPI document lists the review routes, the PUT as token-gated', () => {
    const paths = OPENAPI.paths as Record<string, Record<string, { security?: unknown }>>;
    const review = paths['/api/documents/{id}/findings/{key}/review']!;
    assert.ok(review.get && !review.get.security);
    assert.ok(review.put?.security);
    for (const p of ['/api/documents/{id}/reviews', '/api/reviews/summary', '/api/documents/{id}/findings/export']) assert.ok(paths[p]?.get, p);
  });
});

test('yusuan export --reviews writes the 误报 marks with their findings (JSON, and TSV in the audit set columns)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yusuan-review-cli-'));
  const saved = { dir: process.env.YUSUAN_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.YUSUAN_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  try {
    const store = await openStore();
    const doc = await importSynthetic(store, true);
    const { keyedFindings, setReview, parseReviewInput } = await import('../src/store/reviews.js');
    const findings = (await keyedFindings(store, doc.id))!;
    const [a, b] = findings;
    await setReview(store, doc.id, a!.key, parseReviewInput({ status: 'false-positive', note: '合计行读成明细行', reviewer: '张三' }));
    if (b) await setReview(store, doc.id, b.key, parseReviewInput({ status: 'confirmed', reviewer: '李四' }));
    await store.close();

    let out = '';
    const code = await run(
      ['export', '--reviews'],
      (s) => (out += s),
      () => {},
    );
    assert.equal(code, 0);
    const json = JSON.parse(out) as {
      statusName: string;
      items: { key: string; finding: { rule: string }; review: { note: string }; document: { id: number } }[];
    };
    assert.equal(json.statusName, '误报');
    assert.deepEqual(
      json.items.map((i) => i.key),
      [a!.key],
    );
    assert.equal(json.items[0]!.finding.rule, a!.finding.rule);
    assert.equal(json.items[0]!.review.note, '合计行读成明细行');

    const file = join(dataDir, 'fp.tsv');
    out = '';
    assert.equal(
      await run(
        ['export', '--reviews', '--format', 'tsv', '--out', file],
        (s) => (out += s),
        () => {},
      ),
      0,
    );
    assert.match(out, /已导出 1 条标为“误报”的检查发现/);
    const [head, line] = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(head, 'id\tpage\trule\tseverity\texpected\tactual\tverdict\tcause\tevidence\treviewer\tfile\tkey');
    const cells = line!.split('\t');
    assert.equal(cells[2], a!.finding.rule);
    assert.equal(cells[4], a!.finding.expected ?? '');
    assert.equal(cells[8], '合计行读成明细行');

    let err = '';
    assert.equal(
      await run(
        ['export', '--reviews', '--format', 'xml'],
        () => {},
        (s) => (err += s),
      ),
      2,
    );
    assert.match(err, /--reviews 的 --format 只能是 json 或 tsv/);
  } finally {
    if (saved.dir === undefined) delete process.env.YUSUAN_DATA_DIR;
    else process.env.YUSUAN_DATA_DIR = saved.dir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  }
});
