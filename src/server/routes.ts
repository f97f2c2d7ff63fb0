// Read-only API routes (public). Shapes are documented in openapi.ts.

import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Fact } from '../model/types.js';
import type { Summary } from '../summary.js';
import { cachedAggregate, QueryError } from '../store/aggregate.js';
import { compareSummaries } from '../store/compare.js';
import type { Store } from '../store/db.js';
import { EXPORT_FORMATS, ExportTooLarge, exportFacts, exportStream, type ExportFormat } from '../store/export.js';
import { coverage, documentJson, getDocumentRow, listDocuments, loadDisclosure, toItem, versionsOf, type DocumentFilters } from '../store/repository.js';
import { search } from '../store/search.js';
import { HttpError } from './upload.js';
import { OPENAPI, docsPage } from './openapi.js';
import { CSP } from './site.js';

type Query = Record<string, string | undefined>;

const STATUSES = ['clean', 'warning', 'error'];

function int(q: Query, name: string, def: number, min: number, max: number): number {
  const v = q[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `参数 ${name} 应为 ${min}–${max} 之间的整数`);
  return n;
}

export function documentFilters(q: Query): DocumentFilters {
  if (q.status && !STATUSES.includes(q.status)) throw new HttpError(400, `参数 status 只能是 ${STATUSES.join('、')}`);
  const year = q.year ? int(q, 'year', 0, 1900, 2200) : undefined;
  const flag = (v: string | undefined) => v === '1' || v === 'true';
  return {
    region: q.region || undefined,
    level: q.level || undefined,
    year,
    kind: q.kind || undefined,
    department: q.department || undefined,
    status: q.status || undefined,
    q: q.q ? q.q.slice(0, 200) : undefined,
    allVersions: flag(q.allVersions),
    unreviewed: flag(q.unreviewed),
  };
}

function docId(params: unknown): number {
  const id = Number((params as { id: string }).id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new HttpError(400, '文档编号应为正整数');
  return id;
}

const notFound = (id: number) => new HttpError(404, `没有编号为 ${id} 的文档`);

export function registerReadRoutes(app: FastifyInstance, store: Store): void {
  const json = 'application/json; charset=utf-8';

  app.get('/api/openapi.json', async () => OPENAPI);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').header('Content-Security-Policy', CSP).send(docsPage()));

  app.get('/api/documents', async (req) => {
    const q = req.query as Query;
    return listDocuments(store, documentFilters(q), int(q, 'limit', 50, 1, 500), int(q, 'offset', 0, 0, 1e9));
  });

  app.get('/api/documents/:id', async (req, reply) => {
    const id = docId(req.params);
    const row = await getDocumentRow(store, id);
    const disclosure = row && (await documentJson(store, id, 'disclosure'));
    if (!row || disclosure === undefined) throw notFound(id);
    const versions = await versionsOf(store, row.doc_key);
    // The disclosure is sent as stored (the text `yusuan extract` prints), without re-parsing it.
    return reply.type(json).send(`{"document":${JSON.stringify(toItem(row))},"versions":${JSON.stringify(versions)},"disclosure":${disclosure}}`);
  });

  app.get('/api/documents/:id/findings', async (req, reply) => {
    const id = docId(req.params);
    const text = await documentJson(store, id, 'check_json');
    if (text === undefined) throw notFound(id);
    return reply.type(json).send(JSON.stringify((JSON.parse(text) as { findings: unknown[] }).findings));
  });

  app.get('/api/documents/:id/summary', async (req, reply) => {
    const id = docId(req.params);
    const text = await documentJson(store, id, 'summary');
    if (text === undefined) throw notFound(id);
    return reply.type(json).send(text);
  });

  app.get('/api/documents/:id/tables', async (req) => {
    const id = docId(req.params);
    const doc = await loadDisclosure(store, id);
    if (!doc) throw notFound(id);
    return doc.tables;
  });

  app.get('/api/documents/:id/facts', async (req) => {
    const id = docId(req.params);
    const doc = await loadDisclosure(store, id);
    if (!doc) throw notFound(id);
    const q = req.query as Query;
    const dims: (keyof Fact['dims'])[] = ['functionCode', 'economicCode', 'unitCode', 'project', 'fundType', 'item'];
    return doc.facts.filter(
      (f) =>
        (!q.table || f.table === q.table) &&
        (!q.measure || f.measure === q.measure) &&
        (!q.rowKind || f.rowKind === q.rowKind) &&
        dims.every((d) => !q[d] || f.dims[d] === q[d]),
    );
  });

  app.get('/api/coverage', async (req) => coverage(store, documentFilters(req.query as Query)));

  app.get('/api/aggregate', async (req) => {
    const q = req.query as Query;
    try {
      return await cachedAggregate(store, { measure: q.measure || undefined, table: q.table || undefined, drilldown: q.drilldown, cut: q.cut });
    } catch (e) {
      if (e instanceof QueryError) throw new HttpError(400, e.message);
      throw e;
    }
  });

  app.get('/api/compare', async (req) => {
    const q = req.query as Query;
    const a = int(q, 'a', 0, 1, Number.MAX_SAFE_INTEGER);
    const b = int(q, 'b', 0, 1, Number.MAX_SAFE_INTEGER);
    if (!a || !b) throw new HttpError(400, '请给出要比较的两份文档：a 和 b（文档编号）');
    const [sa, sb] = await Promise.all([documentJson(store, a, 'summary'), documentJson(store, b, 'summary')]);
    if (sa === undefined) throw notFound(a);
    if (sb === undefined) throw notFound(b);
    const summaryA = JSON.parse(sa) as Summary;
    const summaryB = JSON.parse(sb) as Summary;
    return { a: summaryA, b: summaryB, rows: compareSummaries(summaryA, summaryB) };
  });

  app.get('/api/search', async (req) => {
    const q = ((req.query as Query).q ?? '').trim().slice(0, 100);
    if (!q) throw new HttpError(400, '请给出搜索词 q');
    return search(store, q);
  });

  // Exports are the heaviest anonymous request: one at a time per client, two over all clients.
  const exporting = new Map<string, number>();
  let exports = 0;
  app.get('/api/export', async (req, reply) => {
    const q = req.query as Query;
    const format = (q.format ?? 'json') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new HttpError(400, `参数 format 只能是 ${EXPORT_FORMATS.join('、')}`);
    documentFilters(q); // validates
    if (exporting.has(req.ip)) throw new HttpError(429, '同一客户端同时只能进行一次导出，请等上一次完成后再试');
    if (exports >= EXPORT_SLOTS) throw new HttpError(503, '服务器正忙（导出较多），请稍后再试');
    exports++;
    exporting.set(req.ip, 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      exports--;
      exporting.delete(req.ip);
    };
    reply.raw.once('close', release).once('finish', release);
    try {
      const disposition = (ext: string) => `attachment; filename="yusuan-export.${ext}"`;
      // JSON and CSV are streamed a few documents at a time; XLSX and the data package (one JSON
      // document with a lower row limit) are built whole.
      if (format === 'json' || format === 'csv') {
        const chunks = await exportStream(store, format, q);
        return reply
          .type(format === 'json' ? json : 'text/csv; charset=utf-8')
          .header('Content-Disposition', disposition(format))
          .send(Readable.from(chunks));
      }
      const r = await exportFacts(store, format, q);
      return reply.type(r.contentType).header('Content-Disposition', disposition(r.extension)).send(r.body);
    } catch (e) {
      release();
      if (e instanceof ExportTooLarge) throw new HttpError(413, e.message);
      throw e;
    }
  });
}

const EXPORT_SLOTS = 2;
