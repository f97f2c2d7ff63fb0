// Benchmarks: print numbers, never assert. `npm run bench`.
//  - extract + check of the example in-process (warm: median of many runs after warm-up)
//  - a cold CLI run (`node bin/yusuan.js check <example>`, a new process each time)
//  - then render (render.ts), the portal (portal.ts) and the speed of PDFs and of import (speed.ts)

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../src/profiles/registry.js';
import { readDisclosureBytes } from '../src/read/index.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { runRules } from '../src/rules/engine.js';

const SEED = fileURLToPath(new URL('../fixtures/seed/000_33d948831ce53c8e.txt', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const bytes = readFileSync(SEED);
const profiles = loadProfiles(IDENTITY_RULE_IDS);
const once = () => {
  const t0 = performance.now();
  const { disclosure, profile } = readDisclosureBytes(bytes, SEED, { profiles });
  const t1 = performance.now();
  const findings = runRules(disclosure, profile);
  const t2 = performance.now();
  return { read: t1 - t0, check: t2 - t1, total: t2 - t0, findings: findings.length };
};

const first = once();
for (let i = 0; i < 20; i++) once();
const runs = Array.from({ length: 200 }, once);
console.log('例子：四川省公安厅交通警察总队 2024 年部门预算（945 行，14 张表中的 12 张）');
console.log(`进程内 读取+检查 首次（冷）：${ms(first.total)}`);
console.log(
  `进程内 读取+检查（热，200 次）：中位数 ${ms(median(runs.map((r) => r.total)))}，p95 ${ms(p95(runs.map((r) => r.total)))}（读取 ${ms(median(runs.map((r) => r.read)))}，检查 ${ms(median(runs.map((r) => r.check)))}；${first.findings} 条发现）  目标 < 20 ms`,
);

const cold: number[] = [];
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'check', SEED, '--format', 'json'], { encoding: 'utf8' });
  cold.push(performance.now() - t0);
  if (r.status !== 1) throw new Error(`CLI exited ${r.status}: ${r.stderr}`);
}
console.log(`命令行冷启动 yusuan check（7 次，新进程）：中位数 ${ms(median(cold))}，最慢 ${ms(Math.max(...cold))}  目标 < 500 ms`);
const mem = process.memoryUsage();
console.log(`内存：rss ${(mem.rss / 1048576).toFixed(0)} MB，heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`);

// Render times per format (HTML, XLSX, PDF).
await import('./render.js');
// The portal: import throughput and API latency over synthetic disclosures (bench/portal.ts).
await import('./portal.js');
// One PDF stage by stage, against pdftotext, and `import --jobs 1|2` on ../shared/wild (bench/speed.ts).
await import('./speed.js');
