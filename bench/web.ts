// Benchmark of the portal's web UI (numbers, never asserts): first page load with ≥1,000 synthetic
// disclosures in the store. Loads them with the backend's scripts/load-synthetic.ts into a fresh
// SQLite data directory, starts `yusuan serve` as a user would, and loads pages in Debian's
// chromium (a new browser context each time, so nothing is cached). Skips when chromium is absent.
// `npm run bench` runs it after bench/run.ts; alone: `npx tsx bench/web.ts [documents]`.

import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../src/write/pdf.js';
import { startServe } from '../test/support/serve.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOCUMENTS = Number(process.argv[2] ?? 1000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

if (!existsSync(CHROMIUM)) {
  console.log(`门户首页加载：跳过（没有 ${CHROMIUM}）`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'web/dist/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
  console.log('门户首页加载：跳过（请先 npm run build）');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'yusuan-bench-web-'));
let server: ChildProcess | null = null;
try {
  // 1. The store: the backend's synthetic loader (scripts/load-synthetic.ts: departments × 5 years,
  // about one in ten with an injected error) into a fresh data directory.
  const t0 = performance.now();
  const load = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/load-synthetic.ts'), String(DOCUMENTS)], {
    cwd: ROOT,
    env: { ...process.env, YUSUAN_DATA_DIR: dir },
    encoding: 'utf8',
  });
  if (load.status !== 0) throw new Error(`scripts/load-synthetic.ts 失败：${load.stderr}`);
  const n = Number(/已导入 (\d+) 份/.exec(load.stdout)?.[1] ?? 0);
  console.log(`门户数据：${n} 份合成公开文件（scripts/load-synthetic.ts），导入 ${ms(performance.now() - t0)}`);

  // 2. The portal, started as a user starts it.
  const started = await startServe(dir);
  server = started.child;
  const base = started.base;

  // The API calls the home page makes, alone (median of 5, after one warm-up).
  const calls = ['/api/coverage', '/api/documents?limit=50&offset=0', '/api/aggregate?drilldown=year%2CfunctionClass'];
  const timings: string[] = [];
  for (const path of calls) {
    const t: number[] = [];
    let size = 0;
    for (let i = 0; i < 6; i++) {
      const s = performance.now();
      size = (await (await fetch(base + path)).arrayBuffer()).byteLength;
      t.push(performance.now() - s);
    }
    timings.push(`${path.split('?')[0]} ${ms(median(t.slice(1)))}（${(size / 1024).toFixed(0)} KB）`);
  }
  console.log(`首页调用的接口：${timings.join('，')}`);

  // 3. Page loads in fresh contexts: navigation start → the coverage grid and document list drawn.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const home: number[] = [];
  const domLoaded: number[] = [];
  const docPage: number[] = [];
  let bytes = 0;
  const some = (await (await fetch(`${base}/api/documents?limit=1`)).json()) as { items: { id: number }[] };
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    let transferred = 0;
    page.on('response', async (r) => {
      const len = Number((await r.allHeaders())['content-length'] ?? 0);
      transferred += len;
    });
    const s = performance.now();
    await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
    domLoaded.push(performance.now() - s);
    await page.locator('[data-testid="coverage"] tbody tr').first().waitFor();
    await page.locator('[data-testid="documents"] tbody tr').first().waitFor();
    home.push(performance.now() - s);
    bytes = transferred;
    const s2 = performance.now();
    await page.goto(`${base}/documents/${some.items[0]!.id}`);
    await page.locator('[data-testid="key-figures"]').waitFor();
    await page.locator('[data-testid="class-chart"] svg').first().waitFor();
    docPage.push(performance.now() - s2);
    await context.close();
  }
  await browser.close();
  const [first, ...warm] = home;
  console.log(
    `门户首页首次加载（${n} 份文件，新浏览器上下文，至覆盖表与文件列表显示）：首次 ${ms(first!)}，其后中位数 ${ms(median(warm))}；DOMContentLoaded 中位数 ${ms(median(domLoaded))}  目标 < 2000 ms`,
  );
  console.log(`文件页加载（至主要数据与功能分类图显示）：中位数 ${ms(median(docPage))}`);
  if (bytes) console.log(`首页传输（有 content-length 的响应）：${(bytes / 1024).toFixed(0)} KB`);
} finally {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
}
