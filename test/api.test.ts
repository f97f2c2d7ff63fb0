// The portal API, through fastify inject(), against SQLite and against PostgreSQL (a throw-away
// database per run). Responses are compared with what the CLI prints for the same file.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { analyse } from '../src/analysis.js';
import { run } from '../src/cli/main.js';
import { fenToDecimal, toFen } from '../src/money/amount.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { buildApp } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/db.js';
import { importPublication } from '../src/store/files.js';
import { importAnalysed } from '../src/store/import.js';
import { syntheticDisclosure } from '../src/synthetic/generate.js';
import { multipart } from './support/multipart.js';
import { createTestDatabase } from './support/postgres.js';
import { SEED_PATH, SEED_TEXT } from './support/seed.js';

const TOKEN = 'test-token-1234';
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-api-'));
const EDITED = join(tmp, 'edited.txt');
// The same publication with one amount changed: a new version of the same document.
writeFileSync(EDITED, SEED_TEXT.replace('一、一般公共预算拨款收入\t77,901.83', '一、一般公共预算拨款收入\t77,901.84'));

async function cli(...args: string[]): Promise<string> {
  let out = '';
  await run(
    args,
    (s) => (out += s),
    () => {},
  );
  return out;
}

const SICHUAN = () => loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;

async function importSynthetic(store: Store, seed: number, options: Partial<Parameters<typeof syntheticDisclosure>[0]> = {}) {
  const doc = syntheticDisclosure({ seed, ...options });
  return importAnalysed(store, doc, analyse({ disclosure: doc, profile: SICHUAN() }));
}

const dialects: { name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> } | { skip: string }> }[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'yusuan-sqlite-'));
      const store = await openStore({ dataDir: dir });
      return { store, cleanup: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = await createTestDatabase();
      if ('skip' in db) return db;
      const store = await openStore({ databaseUrl: db.url });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];

for (const dialect of dialects) {
  describe(`API on ${dialect.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let cleanup = async () => {};
    let skip: string | null = null;
    let first: number;
    let second: number;
    let synthetic: number;
    let injected: number;

    before(async () => {
      const opened = await dialect.open();
      if ('skip' in opened) {
        skip = opened.skip;
        return;
      }
      ({ store, cleanup } = opened);
      app = await buildApp({ store, token: TOKEN, uploadMaxBytes: 2 * 1024 * 1024 });
    });
    after(async () => {
      await app?.close();
      await cleanup();
    });

    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body, raw: r };
    };

    test('import: created, then unchanged for the same content, then a new version for changed content', async (t) => {
      if (skip) return t.skip(skip);
      const a = await importPublication(store, [SEED_PATH]);
      assert.ok(a.ok && a.outcome === 'created' && a.version === 1);
      const again = await importPublication(store, [SEED_PATH]);
      assert.ok(again.ok && again.outcome === 'unchanged' && again.id === a.id);
      const b = await importPublication(store, [EDITED]);
      assert.ok(b.ok && b.outcome === 'newVersion' && b.version === 2);
      first = a.id;
      second = b.id;
      const s = await importSynthetic(store, 11, { department: '测试省财政厅', region: '测试省', year: 2023 });
      const e = await importSynthetic(store, 12, { department: '测试省财政厅', region: '测试省', year: 2024, injectError: true });
      synthetic = s.id;
      injected = e.id;
      assert.equal(s.status, 'clean');
      assert.equal(e.status, 'error');
    });

    test('import is one transaction: a failure half-way leaves no trace and the latest version unchanged', async (t) => {
      if (skip) return t.skip(skip);
      const before = (await get('/api/documents?allVersions=1')).body.total;
      const doc = syntheticDisclosure({ seed: 11, department: '测试省财政厅', region: '测试省', year: 2023 });
      doc.meta.source.sha256 = 'changed';
      // A value finer than a fen: rejected while the facts are written, after the version row.
      doc.facts[doc.facts.length - 1]!.value = '1.0000001';
      await assert.rejects(importAnalysed(store, doc, analyse({ disclosure: syntheticDisclosure({ seed: 11 }), profile: SICHUAN() })), /超出分的精度/);
      assert.equal((await get('/api/documents?allVersions=1')).body.total, before);
      const list = (await get(`/api/documents?year=2023&department=${encodeURIComponent('测试省财政厅')}`)).body;
      assert.deepEqual(
        list.items.map((d: { id: number; version: number }) => [d.id, d.version]),
        [[synthetic, 1]],
      );
      const orphans = await store.db
        .selectFrom('facts')
        .select('document_id')
        .where('document_id', 'not in', store.db.selectFrom('documents').select('id'))
        .execute();
      assert.equal(orphans.length, 0);
    });

    test('GET /api/documents lists the latest versions, filters, and all versions on request', async (t) => {
      if (skip) return t.skip(skip);
      const all = await get('/api/documents');
      assert.equal(all.status, 200);
      assert.equal(all.body.total, 3);
      const ids = all.body.items.map((d: { id: number }) => d.id);
      assert.ok(ids.includes(second) && !ids.includes(first));
      const seed = all.body.items.find((d: { id: number }) => d.id === second);
      assert.deepEqual(
        Object.keys(seed).sort(),
        [
          'counts',
          'department',
          'format',
          'id',
          'importedAt',
          'kind',
          'level',
          'profile',
          'region',
          'scope',
          'sourceFile',
          'status',
          'title',
          'version',
          'year',
        ].sort(),
      );
      assert.equal(seed.version, 2);
      assert.equal(seed.department, '四川省公安厅交通警察总队');
      assert.equal((await get('/api/documents?year=2024&region=四川省')).body.total, 1);
      assert.equal((await get('/api/documents?status=clean')).body.items[0].id, synthetic);
      assert.equal((await get(`/api/documents?department=${encodeURIComponent('测试省财政厅')}`)).body.total, 2);
      assert.equal((await get(`/api/documents?q=${encodeURIComponent('交通警察')}`)).body.total, 1);
      assert.equal((await get('/api/documents?allVersions=1')).body.total, 4);
      assert.equal((await get('/api/documents?limit=1&offset=1')).body.items.length, 1);
      const bad = await get('/api/documents?status=maybe');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error, /status/);
    });

    test('a document, its findings and summary are exactly what extract / check --format json / summary --json print', async (t) => {
      if (skip) return t.skip(skip);
      const d = await get(`/api/documents/${first}`);
      assert.equal(d.status, 200);
      // Stored under its bare name, not the operator's absolute path; otherwise exactly what extract prints.
      assert.equal(d.body.document.sourceFile, basename(SEED_PATH));
      const extracted = JSON.parse(await cli('extract', SEED_PATH));
      assert.equal(extracted.meta.source.file, SEED_PATH);
      extracted.meta.source.file = basename(SEED_PATH);
      assert.deepEqual(d.body.disclosure, extracted);
      assert.deepEqual(
        d.body.versions.map((v: { id: number; version: number }) => [v.id, v.version]),
        [
          [second, 2],
          [first, 1],
        ],
      );
      const findings = await get(`/api/documents/${first}/findings`);
      assert.deepEqual(findings.body, JSON.parse(await cli('check', SEED_PATH, '--format', 'json')).findings);
      assert.ok(findings.body.length > 0);
      const summary = await get(`/api/documents/${first}/summary`);
      assert.deepEqual(summary.body, JSON.parse(await cli('summary', SEED_PATH, '--json')));
      const tables = await get(`/api/documents/${first}/tables`);
      assert.deepEqual(
        tables.body.map((t: { id: string }) => t.id),
        d.body.disclosure.tables.map((t: { id: string }) => t.id),
      );
      const facts = await get(`/api/documents/${first}/facts?table=1-2&measure=total&functionCode=2040201`);
      assert.ok(facts.body.length >= 1);
      for (const f of facts.body) assert.ok(f.table === '1-2' && f.measure === 'total' && f.dims.functionCode === '2040201');
      assert.equal((await get('/api/documents/999999')).status, 404);
      const bad = await get('/api/documents/abc');
      assert.equal(bad.status, 400);
      assert.equal(typeof bad.body.error, 'string');
    });

    test('coverage: departments × years with their status', async (t) => {
      if (skip) return t.skip(skip);
      const c = await get('/api/coverage');
      assert.deepEqual(c.body.years, [2023, 2024]);
      const dep = c.body.departments.find((d: { department: string }) => d.department === '测试省财政厅');
      assert.deepEqual(Object.keys(dep.years).sort(), ['2023', '2024']);
      assert.equal(dep.years['2023'].status, 'clean');
      assert.equal(dep.years['2024'].status, 'error');
      assert.equal(dep.years['2024'].id, injected);
      assert.ok(dep.years['2024'].counts.error > 0);
    });

    test('aggregate: sums leaf rows of one table exactly, by any dimension, with cuts', async (t) => {
      if (skip) return t.skip(skip);
      // Expected from the models: leaf (detail) rows of 1-2, measure total, latest versions.
      const expected = new Map<string, number>();
      let expectedTotal = 0;
      for (const id of [second, synthetic, injected]) {
        const doc = (await get(`/api/documents/${id}`)).body.disclosure;
        for (const f of doc.facts) {
          if (f.table !== '1-2' || f.measure !== 'total' || f.rowKind !== 'detail') continue;
          const key = `${doc.meta.fiscalYear}|${f.dims.functionCode.slice(0, 3)}`;
          expected.set(key, (expected.get(key) ?? 0) + toFen(f.value, f.unit));
          expectedTotal += toFen(f.value, f.unit);
        }
      }
      const r = await get('/api/aggregate?drilldown=year,functionClass');
      assert.equal(r.status, 200);
      assert.equal(r.body.total, fenToDecimal(expectedTotal, '万元'));
      assert.equal(r.body.cells.length, expected.size);
      for (const c of r.body.cells) assert.equal(c.value, fenToDecimal(expected.get(`${c.year}|${c.functionClass}`)!, '万元'));
      const security = r.body.cells.find((c: { year: number; functionClass: string }) => c.year === 2024 && c.functionClass === '204');
      assert.equal(security.functionClassName, '公共安全支出');
      const cut = await get(`/api/aggregate?drilldown=department&cut=${encodeURIComponent('region:测试省|year:2023;2024')}`);
      assert.deepEqual(
        cut.body.cells.map((c: { department: string }) => c.department),
        ['测试省财政厅'],
      );
      const byMeasure = await get('/api/aggregate?drilldown=measure&cut=year:2024');
      assert.deepEqual(byMeasure.body.cells.map((c: { measure: string }) => c.measure).sort(), ['basic', 'project', 'total']);
      const projects = await get('/api/aggregate?table=gpbProjects&drilldown=project&cut=year:2023');
      assert.ok(projects.body.cells.length > 0 && projects.body.cells.every((c: { project: string | null }) => c.project));
      // Statement tables: their function-class lines, which are the summary's functionClasses.
      const summary = (await get(`/api/documents/${second}/summary`)).body as { functionClasses: Record<string, number> };
      for (const table of ['summary', 'fiscalSummary']) {
        const st = await get(`/api/aggregate?table=${table}&drilldown=functionClass&cut=${encodeURIComponent('region:四川省')}`);
        assert.deepEqual(
          Object.fromEntries(
            st.body.cells
              .filter((c: { functionClass: string | null }) => c.functionClass)
              .map((c: { functionClass: string; value: string }) => [c.functionClass, Number(c.value)]),
          ),
          summary.functionClasses,
          table,
        );
      }
      // scope tells a department's own documents from its units': the home chart sums one of them.
      const byScope = await get('/api/aggregate?drilldown=scope');
      assert.equal(byScope.body.total, r.body.total);
      assert.ok(byScope.body.cells.every((c: { scope: string }) => c.scope === 'department' || c.scope === 'unit'));
      assert.equal((await get('/api/aggregate?cut=scope:department;unit')).body.total, r.body.total);
      const bad = await get('/api/aggregate?drilldown=colour');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error, /未知维度/);
    });

    test('compare: two years of one department, exact differences, rates and shares', async (t) => {
      if (skip) return t.skip(skip);
      const r = await get(`/api/compare?a=${synthetic}&b=${injected}`);
      assert.equal(r.status, 200);
      const total = r.body.rows.find((x: { key: string }) => x.key === 'expenditureTotal');
      const a = toFen(total.a, '万元');
      const b = toFen(total.b, '万元');
      assert.equal(total.diff, fenToDecimal(b - a, '万元'));
      assert.equal(total.shareA, '100.00');
      assert.match(total.rate, /^-?\d+\.\d{2}$/);
      // Rate rounded once from the exact ratio.
      const exact = (BigInt(b - a) * 100000n) / BigInt(a);
      assert.ok(Math.abs(Number(total.rate) * 1000 - Number(exact)) <= 5);
      assert.ok(r.body.rows.some((x: { key: string }) => x.key === 'functionClass:204'));
      assert.equal((await get(`/api/compare?a=${synthetic}`)).status, 400);
      assert.equal((await get(`/api/compare?a=${synthetic}&b=999999`)).status, 404);
    });

    test('search: departments, units, projects and classification names', async (t) => {
      if (skip) return t.skip(skip);
      const dep = await get(`/api/search?q=${encodeURIComponent('财政厅')}`);
      assert.deepEqual(dep.body.departments, [{ department: '测试省财政厅', ids: dep.body.departments[0].ids }]);
      assert.equal(dep.body.departments[0].ids.length, 2);
      assert.ok(dep.body.units.some((u: { name: string }) => u.name.startsWith('测试省财政厅')));
      const proj = await get(`/api/search?q=${encodeURIComponent('勤务保障')}`);
      assert.ok(
        proj.body.projects.some(
          (p: { name: string; documentId: number; amount: string }) => p.name === '勤务保障专项经费' && p.documentId === second && p.amount === '429.2',
        ),
      );
      const cls = await get(`/api/search?q=${encodeURIComponent('公共安全')}`);
      const security = cls.body.classifications.find((c: { code: string }) => c.code === '204');
      assert.ok(security);
      // Each classification leads to the documents that use it.
      assert.ok(security.documents.length > 0 && security.documents.every((d: { id: number; department: string }) => Number.isInteger(d.id) && d.department));
      assert.equal((await get('/api/search?q=')).status, 400);
    });

    test('check: an uploaded file is checked and not stored; bad uploads get zh-CN errors', async (t) => {
      if (skip) return t.skip(skip);
      const before = (await get('/api/documents?allVersions=1')).body.total;
      const r = await app.inject({ method: 'POST', url: '/api/check', ...multipart([{ name: 'example.txt', content: SEED_TEXT }]) });
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.equal(body.document.department, '四川省公安厅交通警察总队');
      assert.equal(body.document.format, 'text');
      assert.deepEqual(
        body.findings.map((f: { rule: string }) => f.rule),
        JSON.parse(await cli('check', SEED_PATH, '--format', 'json')).findings.map((f: { rule: string }) => f.rule),
      );
      assert.deepEqual(body.summary, JSON.parse(await cli('summary', SEED_PATH, '--json')));
      assert.equal((await get('/api/documents?allVersions=1')).body.total, before);

      const xls = await app.inject({
        method: 'POST',
        url: '/api/check',
        ...multipart([{ name: 'a.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) }]),
      });
      assert.equal(xls.statusCode, 415);
      assert.match(xls.json().error, /xls/);
      const binary = await app.inject({
        method: 'POST',
        url: '/api/check',
        ...multipart([{ name: 'a.bin', content: Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]) }]),
      });
      assert.equal(binary.statusCode, 415);
      const big = await app.inject({ method: 'POST', url: '/api/check', ...multipart([{ name: 'big.txt', content: Buffer.alloc(3 * 1024 * 1024, 0x61) }]) });
      assert.equal(big.statusCode, 413);
      assert.match(big.json().error, /文件过大/);
      const notDisclosure = await app.inject({ method: 'POST', url: '/api/check', ...multipart([{ name: '<b>x</b>.txt', content: '这不是预算文件。\n' }]) });
      assert.equal(notDisclosure.statusCode, 422);
      assert.match(notDisclosure.json().error, /不像部门预算/);
      assert.ok(!notDisclosure.body.includes(tmpdir()), 'no server path in the message');
      const noFile = await app.inject({ method: 'POST', url: '/api/check', payload: { a: 1 } });
      assert.equal(noFile.statusCode, 415);
      const storeNoToken = await app.inject({ method: 'POST', url: '/api/check?store=1', ...multipart([{ name: 'example.txt', content: SEED_TEXT }]) });
      assert.equal(storeNoToken.statusCode, 401);
    });

    test('writing needs the token: import by upload, delete, and the latest version moves back', async (t) => {
      if (skip) return t.skip(skip);
      const upload = () =>
        multipart([{ name: 'synthetic.txt', content: SEED_TEXT.replace('一、一般公共预算拨款收入\t77,901.83', '一、一般公共预算拨款收入\t77,901.85') }]);
      const none = await app.inject({ method: 'POST', url: '/api/documents', ...upload() });
      assert.equal(none.statusCode, 401);
      const wrong = await app.inject({ method: 'POST', url: '/api/documents', ...upload(), headers: { ...upload().headers, authorization: 'Bearer nope' } });
      assert.equal(wrong.statusCode, 401);
      const u = upload();
      const ok = await app.inject({ method: 'POST', url: '/api/documents', payload: u.payload, headers: { ...u.headers, authorization: `Bearer ${TOKEN}` } });
      assert.equal(ok.statusCode, 201);
      const created = ok.json();
      assert.equal(created.outcome, 'newVersion');
      assert.equal(created.version, 3);
      assert.equal((await get(`/api/documents/${created.id}`)).body.document.sourceFile, 'synthetic.txt');
      assert.equal((await app.inject({ method: 'DELETE', url: `/api/documents/${created.id}` })).statusCode, 401);
      const del = await app.inject({ method: 'DELETE', url: `/api/documents/${created.id}`, headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(del.statusCode, 204);
      assert.equal((await get(`/api/documents/${created.id}`)).status, 404);
      const list = await get(`/api/documents?region=${encodeURIComponent('四川省')}`);
      assert.equal(list.body.items[0].id, second);

      const checked = multipart([
        { name: 'stored.txt', content: SEED_TEXT.replace('一、一般公共预算拨款收入\t77,901.83', '一、一般公共预算拨款收入\t77,901.86') },
      ]);
      const stored = await app.inject({
        method: 'POST',
        url: '/api/check?store=1',
        payload: checked.payload,
        headers: { ...checked.headers, authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(stored.statusCode, 200);
      assert.equal(stored.json().stored.outcome, 'newVersion');
      assert.ok(stored.json().findings.length > 0);
      assert.equal((await get(`/api/documents/${stored.json().stored.id}`)).body.document.sourceFile, 'stored.txt');
      await app.inject({ method: 'DELETE', url: `/api/documents/${stored.json().stored.id}`, headers: { authorization: `Bearer ${TOKEN}` } });

      const readOnly = await buildApp({ store });
      const r = await readOnly.inject({ method: 'DELETE', url: `/api/documents/${second}`, headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(r.statusCode, 403);
      assert.match(r.json().error, /YUSUAN_API_TOKEN/);
      await readOnly.close();
    });

    test('export: JSON, CSV and XLSX neutralise formulas; the Fiscal Data Package sums like the aggregate', async (t) => {
      if (skip) return t.skip(skip);
      const evil = syntheticDisclosure({ seed: 99, department: '=HYPERLINK("http://x","点我")', region: '测试省', year: 2022 });
      await importAnalysed(store, evil, analyse({ disclosure: evil, profile: SICHUAN() }));
      const csv = await get('/api/export?format=csv&year=2022');
      assert.equal(csv.status, 200);
      assert.match(String(csv.raw.headers['content-type']), /text\/csv/);
      const lines = csv.raw.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      assert.ok(lines.length > 10);
      assert.ok(lines.slice(1).every((l) => l.split(',')[1]!.startsWith('"\'=HYPERLINK')));
      const xlsx = await app.inject({ method: 'GET', url: '/api/export?format=xlsx&year=2022' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cell = wb.worksheets[0]!.getRow(2).getCell(2).value;
      assert.equal(typeof cell === 'string' && cell.startsWith("'="), true);
      // zh-CN headers in CSV; zh-CN values in XLSX (预算, not budget).
      assert.match(lines[0]!, /^文档编号,部门,地区,级次,年度,类型,表号,表,行,行类型,明细行,项目名称,指标,金额（万元）/);
      const sheet = wb.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const col = (title: string) => header.indexOf(title) + 1;
      const values = (title: string) => new Set(Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(col(title)).value));
      assert.deepEqual([...values('类型')], ['预算']);
      assert.ok([...values('表')].includes('部门支出总表'));
      assert.ok([...values('指标')].includes('合计'));
      assert.ok([...values('明细行')].every((v) => v === '是' || v === '否'));
      for (const title of ['类型', '表', '指标', '行类型', '级次'])
        assert.ok(
          [...values(title)].every((v) => typeof v !== 'string' || !/^[a-z]+[A-Za-z]*$/.test(v)),
          title,
        );
      const json = await get('/api/export?format=json&year=2022');
      assert.equal(json.body.rows.length, lines.length - 1);
      const fdp = await get('/api/export?format=fdp');
      assert.equal(fdp.body.profile, 'fiscal-data-package');
      const rows = fdp.body.resources[0].data as { role: string; measure: string; amount: number }[];
      const fen = rows.filter((r) => r.role === 'expenditureByFunction' && r.measure === 'total').reduce((s, r) => s + toFen(String(r.amount), '万元'), 0);
      assert.equal(fenToDecimal(fen, '万元'), (await get('/api/aggregate')).body.total);
      assert.ok(fdp.body.model.measures.amount);
      assert.equal((await get('/api/export?format=pdf')).status, 400);
    });

    test('pages: a plain page lists documents with names escaped; the built web UI is served with an SPA fallback', async (t) => {
      if (skip) return t.skip(skip);
      const evil = syntheticDisclosure({ seed: 98, department: '<script>alert(1)</script>部门', region: '测试省', year: 2021 });
      await importAnalysed(store, evil, analyse({ disclosure: evil, profile: SICHUAN() }));
      const home = await get('/');
      assert.equal(home.status, 200);
      assert.ok(home.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;部门'));
      assert.ok(!home.body.includes('<script>alert(1)'));
      assert.match(home.body, /四川省公安厅交通警察总队/);
      const docs = await get('/api/docs');
      assert.match(docs.body, /yusuan 预算公开门户 API/);
      assert.equal((await get('/api/openapi.json')).body.openapi, '3.1.0');
      assert.equal((await get('/api/nothing')).status, 404);

      const web = join(tmp, `web-${dialect.name}`);
      mkdirSync(join(web, 'assets'), { recursive: true });
      writeFileSync(join(web, 'index.html'), '<!doctype html><div id="app"></div>');
      writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
      const site = await buildApp({ store, webDir: web });
      const spa = await site.inject({ method: 'GET', url: '/compare?a=1&b=2' });
      assert.equal(spa.statusCode, 200);
      assert.match(spa.body, /id="app"/);
      assert.ok(spa.headers['content-security-policy']);
      const js = await site.inject({ method: 'GET', url: '/assets/app.js' });
      assert.match(String(js.headers['content-type']), /javascript/);
      assert.equal((await site.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode, 404);
      const escape = await site.inject({ method: 'GET', url: '/..%2f..%2fetc%2fpasswd' });
      assert.match(escape.body, /id="app"/);
      assert.equal((await site.inject({ method: 'GET', url: '/api/documents/1/nothing' })).statusCode, 404);
      await site.close();
    });
  });
}
