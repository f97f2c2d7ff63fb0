// Portal benchmark (numbers, not tests): `npm run bench` runs it after the CLI benchmarks, or alone
// with `tsx bench/portal.ts [count]`.
//  - import throughput of synthetic disclosures (consistent by construction, ~3% with an injected
//    error) into a fresh SQLite store, and into PostgreSQL when one answers on 127.0.0.1:5432
//  - API latency over real HTTP (127.0.0.1) with everything loaded: a document page and aggregates

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../src/analysis.js';
import type { Disclosure } from '../src/model/types.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { buildApp } from '../src/server/app.js';
import { openStore, type Store } from '../src/store/db.js';
import { importAnalysed } from '../src/store/import.js';
import { syntheticDisclosure } from '../src/synthetic/generate.js';
import { createTestDatabase } from '../test/support/postgres.js';

const COUNT = Number(process.argv[2] ?? process.env.YUSUAN_BENCH_DOCS ?? 1000);
const YEARS = [2021, 2022, 2023, 2024, 2025];
const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** COUNT documents: departments with several years each, a few with an injected error. */
function corpus(): Disclosure[] {
  const docs: Disclosure[] = [];
  const departments = new Set<string>();
  for (let i = 0; docs.length < COUNT; i++) {
    const base = syntheticDisclosure({ seed: 1000 + i });
    // Random names repeat: the same department and year would be a new version, not a new document.
    if (departments.has(base.meta.department)) continue;
    departments.add(base.meta.department);
    for (const year of YEARS) {
      if (docs.length >= COUNT) break;
      const seed = 1000 + i * 10 + year;
      docs.push(syntheticDisclosure({ seed, department: base.meta.department, region: base.meta.region ?? undefined, year, injectError: seed % 31 === 0 }));
    }
  }
  return docs;
}

/** Wall-clock and CPU seconds (the machine is shared: wall time depends on the load). */
async function importAll(store: Store, docs: Disclosure[]): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) await importAnalysed(store, d, analyse({ disclosure: d, profile }));
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}
const rate = (n: number, t: { wall: number; cpu: number }) =>
  `${(n / t.wall).toFixed(0)} 份/秒（${n} 份 ${t.wall.toFixed(1)} 秒，含检查与摘要；按 CPU 时间 ${(n / t.cpu).toFixed(0)} 份/秒；负载 ${loadavg()[0]!.toFixed(1)}）`;

async function latency(base: string, paths: () => string[], runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ps = paths();
    const t0 = performance.now();
    await Promise.all(
      ps.map(async (p) => {
        const r = await fetch(base + p);
        if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
        await r.arrayBuffer();
      }),
    );
    times.push(performance.now() - t0);
  }
  return times;
}

const docs = corpus();
const facts = docs.reduce((s, d) => s + d.facts.length, 0);
console.log(
  `\n门户：${docs.length} 份合成公开文件（${new Set(docs.map((d) => d.meta.department)).size} 个部门 × ${YEARS.length} 年，${facts} 个数字，${docs.filter(syntheticErrors).length} 份注入错误）`,
);

const dir = mkdtempSync(join(tmpdir(), 'yusuan-bench-'));
const store = await openStore({ dataDir: dir });
console.log(`导入 SQLite：${rate(docs.length, await importAll(store, docs))}  目标 ≥ 50 份/秒`);

const pg = await createTestDatabase().catch((e: Error) => ({ skip: e.message }));
if ('skip' in pg) console.log(`导入 PostgreSQL：跳过（${pg.skip}）`);
else {
  const pgStore = await openStore({ databaseUrl: pg.url });
  const n = Math.min(docs.length, 300);
  console.log(`导入 PostgreSQL：${rate(n, await importAll(pgStore, docs.slice(0, n)))}`);
  await pgStore.close();
  await pg.drop();
}

const app = await buildApp({ store });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const ids = (await store.db.selectFrom('documents').select('id').execute()).map((r) => r.id);
const randomId = () => ids[Math.floor(Math.random() * ids.length)]!;
// Warm-up: connections, JIT, SQLite page cache.
await latency(base, () => [`/api/documents/${randomId()}`, '/api/aggregate?drilldown=year'], 20);
const report = async (label: string, paths: () => string[], runs: number, target: string) => {
  const t = await latency(base, paths, runs);
  console.log(`${label}：p50 ${ms(pct(t, 0.5))}，p95 ${ms(pct(t, 0.95))}（${runs} 次）  ${target}`);
};
await report('API 文档 GET /api/documents/{id}（元数据 + 完整模型）', () => [`/api/documents/${randomId()}`], 300, '目标 p95 < 50 ms');
await report(
  'API 文档页（文档 + 检查结果 + 关键数字 + 表，并行）',
  () => {
    const id = randomId();
    return [`/api/documents/${id}`, `/api/documents/${id}/findings`, `/api/documents/${id}/summary`, `/api/documents/${id}/tables`];
  },
  200,
  '目标 p95 < 50 ms',
);
await report('API 汇总 全部文档 按年度×功能分类', () => ['/api/aggregate?drilldown=year,functionClass'], 100, '目标 p95 < 200 ms');
await report('API 汇总 全部文档 按部门', () => ['/api/aggregate?drilldown=department'], 100, '目标 p95 < 200 ms');
await report('API 首页矩阵 /api/coverage', () => ['/api/coverage'], 50, '');
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

function syntheticErrors(d: Disclosure): boolean {
  // The injected error makes a unit subtotal of 1-2 disagree with its rows.
  const t = d.tables.find((x) => x.id === '1-2');
  if (!t) return false;
  const value = (row: number) => Number(d.facts.find((f) => f.table === '1-2' && f.row === row && f.measure === 'total')?.value ?? 0);
  return t.rows.some(
    (u) => u.kind === 'unit' && Math.abs(t.rows.filter((r) => r.parent === u.index).reduce((s, r) => s + value(r.index), 0) - value(u.index)) > 0.001,
  );
}
