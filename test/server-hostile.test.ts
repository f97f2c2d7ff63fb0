// The server under attack, on loopback: malformed requests are 4xx with Chinese messages; clients
// that trickle their uploads hold only their own slot and lose it when they stall; a flate bomb is
// 422 and the server keeps none of its memory.

import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/db.js';
import { flateBombPdf } from './support/hostile.js';
import { multipart } from './support/multipart.js';
import { SEED_TEXT } from './support/seed.js';

const CJK = /[\u4e00-\u9fff]/;
let store: Store;
let app: FastifyInstance;
let port: number;

before(async () => {
  store = await openStore({ file: ':memory:' });
  app = await buildApp({ store, upload: { stallMs: 1500 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
after(async () => {
  await app.close();
  await store.close();
});

test('malformed requests: repeated parameters, inherited dimension names, bad encoding, bad multipart → 400 in Chinese', async () => {
  const cases: [string, string, Record<string, string>?, string?][] = [
    ['GET', '/api/documents?region=a&region=b'],
    ['GET', '/api/coverage?region=a&region=b'],
    ['GET', '/api/search?q=a&q=b'],
    ['GET', '/api/export?format=json&year=2024&year=2023'],
    ['GET', '/api/aggregate?drilldown=year&drilldown=kind'],
    ['GET', '/api/aggregate?drilldown=constructor'],
    ['GET', '/api/aggregate?drilldown=toString'],
    ['GET', '/api/aggregate?cut=__proto__:x'],
    ['GET', '/api/documents/%E0%A4%A'],
    ['POST', '/api/check', { 'content-type': 'multipart/form-data' }, 'xx'],
    [
      'POST',
      '/api/check',
      { 'content-type': 'multipart/form-data; boundary=abc' },
      '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello',
    ],
  ];
  for (const [method, url, headers, payload] of cases) {
    const r = await app.inject({ method: method as 'GET', url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });
    assert.equal(r.statusCode, 400, `${method} ${url}: ${r.statusCode} ${r.body}`);
    assert.match(r.json().error, CJK, url);
  }
});

/** A raw multipart upload from `from` (a loopback address) that sends its head and then one byte per `everyMs`. */
function trickle(from: string, everyMs: number): Socket {
  const boundary = 'trickle';
  const s = connect({ port, host: '127.0.0.1', localAddress: from });
  s.on('error', () => {});
  s.write(
    `POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.txt"\r\n\r\n`,
  );
  const timer = setInterval(() => s.write('a'), everyMs);
  s.on('close', () => clearInterval(timer));
  return s;
}

const statusOf = (s: Socket) =>
  new Promise<number>((resolve) => {
    let text = '';
    s.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /^HTTP\/1\.1 (\d+)/.exec(text);
      if (m) {
        resolve(Number(m[1]));
        s.destroy();
      }
    });
    s.on('close', () => resolve(0));
  });

async function check(): Promise<number> {
  const { payload, headers } = multipart([{ name: 'seed.txt', content: SEED_TEXT }]);
  const r = await fetch(`http://127.0.0.1:${port}/api/check`, { method: 'POST', headers, body: new Uint8Array(payload) });
  await r.arrayBuffer();
  return r.status;
}

test('slow clients hold only their own upload slot, and lose it when they stall', async () => {
  const a = trickle('127.0.0.2', 300);
  const b = trickle('127.0.0.3', 300);
  await new Promise((r) => setTimeout(r, 500));
  // Others are served while both trickle (before: 503 for as long as they did).
  assert.equal(await check(), 200);
  // A second upload from a trickling client is refused: one at a time per client.
  const again = trickle('127.0.0.2', 300);
  assert.equal(await statusOf(again), 429);
  a.destroy();
  b.destroy();
  // A client that stops sending loses its upload after the stall limit (1.5 s here), with 408.
  const stalled = trickle('127.0.0.4', 60_000);
  const t0 = performance.now();
  assert.equal(await statusOf(stalled), 408);
  assert.ok(performance.now() - t0 < 5000);
  assert.equal(await check(), 200);
});

test('a flate bomb uploaded anonymously: 422 in Chinese, and the server keeps none of its memory', async () => {
  const saved = process.env.YUSUAN_READ_MAX_MB;
  process.env.YUSUAN_READ_MAX_MB = '320';
  try {
    const before = process.memoryUsage().rss;
    const r = await app.inject({ method: 'POST', url: '/api/check', ...multipart([{ name: 'bomb.pdf', content: flateBombPdf(1 << 30) }]) });
    assert.equal(r.statusCode, 422, r.body);
    assert.match(r.json().error, /^bomb\.pdf：读取时超出内存上限（320 MB）/);
    assert.ok(process.memoryUsage().rss - before < 100 * 1048576, `server grew by ${(process.memoryUsage().rss - before) >> 20} MB`);
  } finally {
    if (saved === undefined) delete process.env.YUSUAN_READ_MAX_MB;
    else process.env.YUSUAN_READ_MAX_MB = saved;
  }
});

test('exports stream (the same bytes as the CLI export), one at a time per client; aggregates follow new imports', async () => {
  const { analyse } = await import('../src/analysis.js');
  const { loadProfiles } = await import('../src/profiles/registry.js');
  const { IDENTITY_RULE_IDS } = await import('../src/rules/catalog.js');
  const { syntheticDisclosure } = await import('../src/synthetic/generate.js');
  const { importAnalysed } = await import('../src/store/import.js');
  const { exportFacts } = await import('../src/store/export.js');
  const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;
  const add = (seed: number, year: number) => {
    const d = syntheticDisclosure({ seed, region: '测试省', year });
    return importAnalysed(store, d, analyse({ disclosure: d, profile }));
  };
  for (let i = 0; i < 25; i++) await add(100 + i, 2020 + (i % 4));
  for (const format of ['json', 'csv'] as const) {
    const r = await app.inject({ method: 'GET', url: `/api/export?format=${format}&region=${encodeURIComponent('测试省')}` });
    assert.equal(r.statusCode, 200);
    assert.equal(r.body, (await exportFacts(store, format, { region: '测试省' })).body);
  }
  // A second export from a client whose first is still being sent: 429.
  const both = await Promise.all(['json', 'csv'].map((f) => app.inject({ method: 'GET', url: `/api/export?format=${f}` })));
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 429]);
  assert.match(both.find((r) => r.statusCode === 429)!.json().error, /同时只能进行一次导出/);
  assert.equal((await app.inject({ method: 'GET', url: '/api/export?format=csv' })).statusCode, 200);
  // Aggregates are cached until the documents change.
  const total = async () => (await app.inject({ method: 'GET', url: '/api/aggregate?drilldown=year' })).json().total as string;
  const before = await total();
  assert.equal(await total(), before);
  await add(999, 2030);
  assert.notEqual(await total(), before);
});

test('behind a trusted proxy, per-client limits go by the forwarded address; YUSUAN_TRUST_PROXY is checked', async () => {
  const { trustProxy } = await import('../src/cli/serve.js');
  assert.equal(trustProxy(undefined), undefined);
  assert.equal(trustProxy('true'), true);
  assert.equal(trustProxy('2'), 2);
  assert.equal(trustProxy('127.0.0.1, 10.0.0.0/8'), '127.0.0.1,10.0.0.0/8');
  assert.throws(() => trustProxy('yes please'), /YUSUAN_TRUST_PROXY/);
  const proxied = await buildApp({ store, trustProxy: '127.0.0.1' });
  try {
    const exportAs = (client: string, format: string) =>
      proxied.inject({ method: 'GET', url: `/api/export?format=${format}`, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
    // Two readers behind the proxy each get their export; one reader asking twice at once does not.
    const two = await Promise.all([exportAs('203.0.113.7', 'json'), exportAs('198.51.100.9', 'csv')]);
    assert.deepEqual(
      two.map((r) => r.statusCode),
      [200, 200],
    );
    const same = await Promise.all([exportAs('203.0.113.7', 'json'), exportAs('203.0.113.7', 'csv')]);
    assert.deepEqual(same.map((r) => r.statusCode).sort(), [200, 429]);
  } finally {
    await proxied.close();
  }
});
