// The portal's pages: the built web UI (web/dist) as static files with an SPA fallback, or, when it
// is not built, a plain zh-CN page listing the documents. Every stored text is HTML-escaped.

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { KINDS } from '../glossary.js';
import type { Store } from '../store/db.js';
import { listDocuments } from '../store/repository.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STATUS = { clean: '未发现问题', warning: '有警告', error: '有错误' } as Record<string, string>;

export async function fallbackPage(store: Store): Promise<string> {
  const { total, items } = await listDocuments(store, {}, 500, 0);
  const rows = items
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.id)}</td><td>${escapeHtml(d.department)}</td><td>${escapeHtml(d.region ?? '')}</td><td>${escapeHtml(d.year ?? '')}</td><td>${escapeHtml(KINDS[d.kind as keyof typeof KINDS] ?? d.kind)}</td><td>${escapeHtml(STATUS[d.status] ?? d.status)}（错误 ${d.counts.error}，警告 ${d.counts.warning}）</td><td><a href="/api/documents/${d.id}/summary">关键数字</a> · <a href="/api/documents/${d.id}/findings">检查结果</a></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>yusuan 预算公开门户</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f4f4f4}</style>
</head><body>
<h1>yusuan 预算公开门户</h1>
<p>网页界面尚未构建（web/dist 不存在），这里列出已导入的公开文件。接口文档见 <a href="/api/docs">/api/docs</a>。</p>
<p>共 ${total} 份公开文件${total > items.length ? `（显示前 ${items.length} 份）` : ''}。</p>
<table><thead><tr><th>编号</th><th>部门</th><th>地区</th><th>年度</th><th>类型</th><th>检查</th><th>数据</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

export function registerSite(app: FastifyInstance, store: Store, webDir: string | undefined): void {
  const root = webDir ? resolve(webDir) : undefined;
  const built = () => !!root && existsSync(join(root, 'index.html'));

  const sendFile = async (reply: FastifyReply, path: string) => {
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) reply.header('Content-Security-Policy', CSP).header('Cache-Control', 'no-cache');
    else if (path.includes(`${sep}assets${sep}`)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    return reply.type(type).send(await readFile(path));
  };

  app.setNotFoundHandler(async (req, reply) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return reply.code(404).send({ error: '没有这个接口' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(404).send({ error: '没有这个地址' });
    if (!built()) {
      if (url.pathname !== '/' && url.pathname !== '/index.html')
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send('<!doctype html><meta charset="utf-8"><title>未找到</title><p>没有这个页面。<a href="/">返回首页</a></p>');
      return reply
        .type('text/html; charset=utf-8')
        .header('Content-Security-Policy', CSP)
        .send(await fallbackPage(store));
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return reply.code(400).send({ error: '地址无效' });
    }
    const path = normalize(join(root!, rel));
    // Only files inside web/dist; anything else (and every unknown path) is the SPA's index.html.
    if (path.startsWith(root! + sep) && !rel.includes('\0') && existsSync(path) && statSync(path).isFile()) return sendFile(reply, path);
    if (extname(rel) && rel.startsWith('/assets/')) return reply.code(404).send({ error: '没有这个文件' });
    return sendFile(reply, join(root!, 'index.html'));
  });
}
