// The portal's HTTP server: the JSON API under /api (documented in openapi.ts, served at /api/docs),
// and the web UI from web/dist (or a plain page listing the documents when the UI is not built).
// Reading is public; writing needs YUSUAN_API_TOKEN. Errors are zh-CN JSON, never a stack trace.

import { createHash, timingSafeEqual } from 'node:crypto';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';
import { importAnalysed, TemplateNotImported } from '../store/import.js';
import { HttpError, readUpload, UPLOAD_LIMITS, type UploadLimits } from './upload.js';
import { registerReadRoutes } from './routes.js';
import { registerReviewRoutes } from './reviews.js';
import { registerSite } from './site.js';

export interface AppOptions {
  store: Store;
  /** Bearer token for writing (import, delete, review marks); writing is disabled when absent. */
  token?: string | undefined;
  /** Built web UI (index.html + assets); a plain page is served when it does not exist. */
  webDir?: string | undefined;
  /** Largest accepted upload, bytes (default 20 MB). */
  uploadMaxBytes?: number | undefined;
  logger?: boolean;
  /** Write internal errors (with their stack) to stderr, for the operator; clients never see them. */
  logErrors?: boolean;
  /** Upload receiving limits (tests shorten them). */
  upload?: Partial<UploadLimits>;
  /** Behind a reverse proxy: whom to believe about the client's address (X-Forwarded-For), as fastify's
   *  `trustProxy` (true, a hop count, or addresses/CIDRs). Per-client limits (uploads, exports) use that
   *  address; without it every client behind the proxy would share one slot. Default: trust nobody. */
  trustProxy?: boolean | number | string | undefined;
}

/** Whole request (headers and body) and headers alone, ms: a client that trickles its request
 *  cannot hold a connection (or an upload slot) longer than this. */
export const REQUEST_TIMEOUT_MS = 120_000;
export const HEADERS_TIMEOUT_MS = 20_000;

export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

const CLIENT_ERRORS: Record<string, [number, string]> = {
  FST_REQ_FILE_TOO_LARGE: [413, '文件过大'],
  FST_FILES_LIMIT: [413, '上传的文件过多（最多 8 个）'],
  FST_PARTS_LIMIT: [413, '上传的内容过多'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, '请以 multipart/form-data 上传文件（字段名 file）'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, '不支持的请求内容类型'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, '请求内容过大'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, '请求内容不是有效的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, '请求内容为空'],
};

const hops = (n: number) => (_address: string, hop: number) => hop < n;

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const uploadMaxBytes = options.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  const uploadLimits: UploadLimits = { ...UPLOAD_LIMITS, maxBytes: uploadMaxBytes, ...options.upload };
  const app = Fastify({
    logger: options.logger ?? false,
    // A hop count as fastify's function form (its types take no number).
    trustProxy: typeof options.trustProxy === 'number' ? hops(options.trustProxy) : (options.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // Node's defaults under fastify are no limit at all: a connection that sends nothing, or a
    // request that never ends, would be kept forever.
    connectionTimeout: 60_000,
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: 5_000,
    // A path that is not valid percent-encoding, answered in Chinese rather than fastify's English.
    frameworkErrors: (error, _req, reply) => {
      void (reply as FastifyReply).code(400).send({ error: error.code === 'FST_ERR_BAD_URL' ? '地址中的编码无效' : '请求无效' });
    },
  });
  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
  await app.register(multipart, { limits: { fileSize: uploadMaxBytes, files: 8, fields: 8, parts: 16, fieldSize: 1024 } });

  // Every query parameter is given at most once: the routes read each as one string, and an array
  // (`?region=a&region=b`) reaching a query would be a 500.
  app.addHook('preValidation', async (req) => {
    const q = req.query as Record<string, unknown> | undefined;
    if (!q || typeof q !== 'object') return;
    for (const [k, v] of Object.entries(q)) if (typeof v !== 'string') throw new HttpError(400, `参数 ${k.slice(0, 40)} 重复出现，每个参数只能给一次`);
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    // 408: the client stopped sending its body; the connection is closed rather than kept for it.
    if (error instanceof TemplateNotImported) return reply.code(422).send({ error: error.message });
    if (error instanceof HttpError)
      return (error.statusCode === 408 ? reply.header('Connection', 'close') : reply).code(error.statusCode).send({ error: error.message });
    const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      const [status, message] = known;
      return reply
        .code(status)
        .send({ error: status === 413 && error.code === 'FST_REQ_FILE_TOO_LARGE' ? `${message}（上限 ${Math.floor(uploadMaxBytes / 1048576)} MB）` : message });
    }
    if (error.validation) return reply.code(400).send({ error: `请求参数不正确：${error.message}` });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return reply.code(error.statusCode).send({ error: '请求无效' });
    req.log.error(error);
    if (options.logErrors) process.stderr.write(`内部错误（${req.method} ${req.url}）：${error.stack ?? error.message}\n`);
    return reply.code(500).send({ error: '服务器内部错误' });
  });

  /** Writing: a Bearer token equal to YUSUAN_API_TOKEN; disabled when no token is configured. */
  const requireToken = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!options.token) return reply.code(403).send({ error: '本服务未开放写入（未设置 YUSUAN_API_TOKEN）' });
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1]!.trim()), digest(options.token)))
      return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: '需要有效的 API 令牌（Authorization: Bearer <令牌>）' });
  };

  registerReadRoutes(app, store);
  registerReviewRoutes(app, store, requireToken);

  app.post('/api/check', async (req, reply) => {
    const store1 = (req.query as Record<string, string | undefined>).store;
    const wantsStore = store1 === '1' || store1 === 'true';
    if (wantsStore) {
      await requireToken(req, reply);
      if (reply.sent) return reply;
    }
    const { disclosure, analysis } = await readUpload(req, uploadLimits);
    const m = disclosure.meta;
    const body: Record<string, unknown> = {
      document: {
        title: m.title,
        department: m.department,
        year: m.fiscalYear,
        kind: m.kind,
        profile: m.profile,
        format: m.source.format,
        file: m.source.file,
      },
      summary: analysis.summary,
      findings: analysis.check.findings,
      counts: analysis.counts,
    };
    if (wantsStore) body.stored = await importAnalysed(store, disclosure, analysis);
    return reply.send(body);
  });

  app.post('/api/documents', { preHandler: requireToken }, async (req, reply) => {
    const { disclosure, analysis } = await readUpload(req, uploadLimits);
    const stored = await importAnalysed(store, disclosure, analysis);
    return reply.code(stored.outcome === 'unchanged' ? 200 : 201).send(stored);
  });

  app.delete('/api/documents/:id', { preHandler: requireToken }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) return reply.code(400).send({ error: '文档编号应为正整数' });
    const { deleteDocument } = await import('../store/import.js');
    const { forgetDisclosure } = await import('../store/repository.js');
    if (!(await deleteDocument(store, id))) return reply.code(404).send({ error: `没有编号为 ${id} 的文档` });
    forgetDisclosure(store, id);
    return reply.code(204).send();
  });

  registerSite(app, store, options.webDir);
  return app;
}
