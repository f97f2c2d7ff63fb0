// Render benchmark (called from `npm run bench`): the example rendered to HTML, XLSX and PDF
// in-process, warm (median after warm-up). The PDF reuses one Chromium (launch measured apart).
// Prints numbers; asserts nothing.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../src/profiles/registry.js';
import { readDisclosureFile } from '../src/read/index.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { CHROMIUM, launchBrowser } from '../src/write/pdf.js';
import { render, type RenderFormat } from '../src/write/render.js';

const SEED = fileURLToPath(new URL('../fixtures/seed/000_33d948831ce53c8e.txt', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const read = readDisclosureFile(SEED, { profiles: loadProfiles(IDENTITY_RULE_IDS) });

async function time(to: RenderFormat, runs: number, extra: Parameters<typeof render>[1] = { to }): Promise<{ median: number; first: number; bytes: number }> {
  const t0 = performance.now();
  const first = await render(read, { ...extra, to });
  const firstMs = performance.now() - t0;
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await render(read, { ...extra, to });
    xs.push(performance.now() - t);
  }
  return { median: median(xs), first: firstMs, bytes: first.bytes.length };
}

const html = await time('html', 20);
console.log(`生成 HTML（例子，含 3 张 SVG 图表）：中位数 ${ms(html.median)}，首次 ${ms(html.first)}，${(html.bytes / 1024).toFixed(0)} KB  目标 < 100 ms`);
const xlsx = await time('xlsx', 10);
console.log(`生成 XLSX（例子，12 张表）：中位数 ${ms(xlsx.median)}，首次 ${ms(xlsx.first)}，${(xlsx.bytes / 1024).toFixed(0)} KB  目标 < 300 ms`);
if (!existsSync(CHROMIUM)) console.log(`跳过 PDF：未找到 ${CHROMIUM}`);
else {
  const t0 = performance.now();
  const browser = await launchBrowser();
  const launch = performance.now() - t0;
  try {
    const pdf = await time('pdf', 5, { to: 'pdf', browser });
    console.log(
      `生成 PDF（例子，Chromium 已启动）：中位数 ${ms(pdf.median)}，首次 ${ms(pdf.first)}，${(pdf.bytes / 1024).toFixed(0)} KB；启动 Chromium ${ms(launch)}  目标 < 3 s`,
    );
    const draft = await time('pdf', 3, { to: 'pdf', browser, draft: true });
    console.log(`生成草稿 PDF（带水印）：中位数 ${ms(draft.median)}`);
  } finally {
    await browser.close();
  }
  // A whole `yusuan render --to pdf` as a user runs it: new process, Chromium launched and closed.
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const out = join(mkdtempSync(join(tmpdir(), 'yusuan-bench-')), 'x.pdf');
  const bin = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [bin, 'render', SEED, '--to', 'pdf', '--draft', '-o', out], { encoding: 'utf8' });
    cold.push(performance.now() - t);
  }
  console.log(`命令行 yusuan render --to pdf --draft（3 次，新进程，含启动 Chromium）：中位数 ${ms(median(cold))}`);
}
