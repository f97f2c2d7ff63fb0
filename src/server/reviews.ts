// The review workflow's API: marks on findings (GET public, PUT token-gated), a version's marks in
// one request for the findings tab, the home page's counts, and the findings as CSV/XLSX with the
// review columns. Shapes are documented in openapi.ts.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';
import { findingRows, FINDINGS_FORMATS, rowsCsv, rowsXlsx, type FindingsFormat } from '../store/findings-export.js';
import { getReview, keyedFindings, parseReviewInput, ReviewError, reviewSummary, reviewsOf, setReview } from '../store/reviews.js';
import { documentFilters } from './routes.js';
import { HttpError } from './upload.js';

type Guard = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

function params(p: unknown): { id: number; key: string } {
  const { id: raw, key } = p as { id: string; key?: string };
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new HttpError(400, '文档编号应为正整数');
  return { id, key: key ?? '' };
}

/** Store errors of the workflow as HTTP errors (zh-CN messages). */
async function http<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ReviewError) throw new HttpError(e.status, e.message);
    throw e;
  }
}

export function registerReviewRoutes(app: FastifyInstance, store: Store, requireToken: Guard): void {
  app.get('/api/documents/:id/findings/:key/review', async (req) => {
    const { id, key } = params(req.params);
    return http(() => getReview(store, id, key));
  });

  app.put('/api/documents/:id/findings/:key/review', { preHandler: requireToken }, async (req) => {
    const { id, key } = params(req.params);
    const input = await http(async () => parseReviewInput(req.body));
    return { key, review: await http(() => setReview(store, id, key, input)) };
  });

  // The findings tab asks once: every finding's key (in the order of /findings) and the marks.
  app.get('/api/documents/:id/reviews', async (req) => {
    const { id } = params(req.params);
    const findings = await keyedFindings(store, id);
    if (!findings) throw new HttpError(404, `没有编号为 ${id} 的文档`);
    const reviews = await reviewsOf(store, id);
    return { keys: findings.map((f) => f.key), reviews: [...reviews.values()] };
  });

  app.get('/api/reviews/summary', async (req) => reviewSummary(store, documentFilters(req.query as Record<string, string | undefined>)));

  app.get('/api/documents/:id/findings/export', async (req, reply) => {
    const { id } = params(req.params);
    const format = ((req.query as Record<string, string | undefined>).format ?? 'csv') as FindingsFormat;
    if (!FINDINGS_FORMATS.includes(format)) throw new HttpError(400, `参数 format 只能是 ${FINDINGS_FORMATS.join('、')}`);
    const findings = await keyedFindings(store, id);
    if (!findings) throw new HttpError(404, `没有编号为 ${id} 的文档`);
    const reviews = await reviewsOf(store, id);
    const rows = findingRows(findings.map((f) => ({ ...f, review: reviews.get(f.key) ?? null })));
    // An ASCII file name, and the Chinese one for clients that read filename*.
    const disposition = (ext: string) => `attachment; filename="yusuan-findings-${id}.${ext}"; filename*=UTF-8''${encodeURIComponent(`检查发现-${id}.${ext}`)}`;
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('Content-Disposition', disposition('csv')).send(rowsCsv(rows));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', disposition('xlsx'))
      .send(await rowsXlsx(rows, '检查发现'));
  });
}
