// Load benchmark (numbers, not tests): `tsx bench/load.ts [documents] [seconds] [clients]`; part of `npm run bench`.
// 1,000 synthetic documents in a fresh SQLite store, the portal started as a user starts it
// (`node bin/yusuan.js serve`, its own process), then 50 concurrent clients on loopback for 20 s asking for the
// document list and aggregates (a new aggregate query now and then, so the cache misses too) while one more client
// exports everything as JSON over and over. Prints req/s and p50/p95 per endpoint and the server's peak RSS.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analysis.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { openStore } from '../src/store/db.js';
import { importAnalysed } from '../src/store/import.js';
import { syntheticDisclosure } from '../src/synthetic/generate.js';

const COUNT = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 20);
const CLIENTS = Number(process.argv[4] ?? 50);
const BIN = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));
const YEARS = [2021, 2022, 2023, 2024, 2025];
const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]! : NaN);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** CPU seconds a process has used so far (user + system), from /proc; null where /proc does not tell. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Peak resident set of a process (VmHWM), in MB; null where /proc does not tell. */
function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'yusuan-load-'));
const store = await openStore({ dataDir: dir });
let imported = 0;
const departments = new Set<string>();
const t0 = performance.now();
for (let i = 0; imported < COUNT; i++) {
  const base = syntheticDisclosure({ seed: 5000 + i });
  if (departments.has(base.meta.department)) continue;
  departments.add(base.meta.department);
  for (const year of YEARS) {
    if (imported >= COUNT) break;
    const d = syntheticDisclosure({ seed: 5000 + i * 10 + year, department: base.meta.department, region: base.meta.region ?? undefined, year });
    await importAnalysed(store, d, analyse({ disclosure: d, profile }));
    imported++;
  }
}
await store.close();
console.log(`\n负载：${imported} 份合成文件导入 SQLite 用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);

const port = await freePort();
const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
  env: { ...process.env, YUSUAN_DATA_DIR: dir, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  server.stdout!.on('data', (b: Buffer) => {
    if (b.toString().includes('已启动')) resolve();
  });
});
const base = `http://127.0.0.1:${port}`;

type Sample = { ms: number; ok: boolean };
const samples = new Map<string, Sample[]>();
const record = (label: string, s: Sample) => {
  let xs = samples.get(label);
  if (!xs) samples.set(label, (xs = []));
  xs.push(s);
};
async function timed(label: string, path: string): Promise<void> {
  const t = performance.now();
  let ok: boolean;
  try {
    const r = await fetch(base + path);
    await r.arrayBuffer();
    ok = r.status === 200;
  } catch {
    ok = false;
  }
  record(label, { ms: performance.now() - t, ok });
}

const DRILLDOWNS = ['year', 'year,functionClass', 'department', 'region,year', 'functionClass'];
const stopAt = performance.now() + SECONDS * 1000;
let misses = 0;
async function client(n: number): Promise<void> {
  for (let i = 0; performance.now() < stopAt; i++) {
    if ((i + n) % 2 === 0) await timed('GET /api/documents', `/api/documents?limit=50&offset=${(i * 50) % COUNT}`);
    else {
      // About one request in 25 is a query nobody asked before: a cache miss that runs the aggregate.
      const fresh = (i + n) % 25 === 1;
      if (fresh) misses++;
      const cut = fresh ? `&cut=year:${2000 + (misses % 20)}` : '';
      await timed('GET /api/aggregate', `/api/aggregate?drilldown=${DRILLDOWNS[(i + n) % DRILLDOWNS.length]}${cut}`);
    }
  }
}
async function exporter(): Promise<void> {
  while (performance.now() < stopAt) await timed('GET /api/export?format=json（同时进行）', '/api/export?format=json');
}

const cpuStart = cpuSeconds(server.pid!);
const loadStart = performance.now();
await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), exporter()]);
const elapsed = (performance.now() - loadStart) / 1000;
const rss = peakRss(server.pid!);
const cpuEnd = cpuSeconds(server.pid!);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dir, { recursive: true, force: true });

console.log(
  `负载：${CLIENTS} 个并发客户端 + 1 个导出客户端，${elapsed.toFixed(1)} 秒，回环地址；负载均值 ${loadavg()[0]!.toFixed(1)}（2 核机器，压测客户端与服务器同机）`,
);
for (const [label, xs] of samples) {
  const times = xs.filter((x) => x.ok).map((x) => x.ms);
  const failed = xs.length - times.length;
  const target = label.includes('export') ? '' : '  目标 p95 < 100 ms';
  console.log(
    `  ${label}：${(xs.length / elapsed).toFixed(0)} 次/秒，p50 ${pct(times, 0.5).toFixed(1)} ms，p95 ${pct(times, 0.95).toFixed(1)} ms${failed ? `，失败 ${failed} 次` : ''}${target}`,
  );
}
const requests = [...samples.values()].reduce((n, xs) => n + xs.length, 0);
if (cpuStart !== null && cpuEnd !== null)
  console.log(
    `  服务器 CPU：${(cpuEnd - cpuStart).toFixed(1)} 秒，共 ${requests} 次请求（每次平均 ${(((cpuEnd - cpuStart) * 1000) / requests).toFixed(1)} ms，与机器负载无关的参考）`,
  );
console.log(`  服务器峰值内存（VmHWM）：${rss === null ? '—' : `${rss.toFixed(0)} MB`}`);
