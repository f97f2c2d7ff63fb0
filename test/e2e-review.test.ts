// End to end, the review workflow: a reviewer opens a document's findings in Chromium (1440 and
// 390 px), marks an error 误报 with a note, their name and the API token; the mark is shown, kept
// after a reload, counted on the home page and exported with the findings. Screenshots go to
// $YUSUAN_E2E_SHOTS (default: a temp directory, printed).

import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../src/write/pdf.js';
import { startServe } from './support/serve.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/yusuan.js');
const SEED = join(ROOT, 'fixtures/seed/000_33d948831ce53c8e.txt');
const TOKEN = 'e2e-review-token';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests`;
const dataDir = mkdtempSync(join(tmpdir(), 'yusuan-e2e-review-'));
const shots = process.env.YUSUAN_E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'yusuan-e2e-shots-'));
let server: ChildProcess | null = null;
let base = '';
let browser: Browser | null = null;
const pageErrors: string[] = [];

async function newPage(width: number): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // The refused save without a token (401) is part of the test.
    if (m.type() === 'error' && !/favicon|status of 401/.test(m.text())) pageErrors.push(m.text());
  });
  return page;
}

/** WCAG contrast of an element's text against its own background (both opaque rgb). */
async function contrastOf(page: Page, selector: string): Promise<number> {
  // Only the colours are read in the page (tsx would wrap named helpers in __name(), unknown there).
  const colours = await page
    .locator(selector)
    .first()
    .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
  const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const lum = (c: number[]) => {
    const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [a, b] = [lum(rgb(colours[0]!)), lum(rgb(colours[1]!))].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

before(async () => {
  if (skip) return;
  if (!existsSync(join(ROOT, 'dist/cli/main.js')) || !existsSync(join(ROOT, 'web/dist/index.html'))) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(b.status, 0, 'npm run build failed');
  }
  mkdirSync(shots, { recursive: true });
  const imported = spawnSync(process.execPath, [BIN, 'import', SEED], { cwd: ROOT, env: { ...process.env, YUSUAN_DATA_DIR: dataDir }, encoding: 'utf8' });
  assert.equal(imported.status, 0, `yusuan import failed:\n${imported.stdout}\n${imported.stderr}`);
  const started = await startServe(dataDir, { YUSUAN_API_TOKEN: TOKEN });
  server = started.child;
  base = started.base;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  console.log(`# e2e screenshots: ${shots}`);
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('a reviewer marks a finding 误报 in the findings tab; the mark is kept, counted on the home page and exported', { skip }, async () => {
  const list = (await (await fetch(`${base}/api/documents`)).json()) as { items: { id: number; counts: { error: number } }[] };
  const doc = list.items[0]!;
  const page = await newPage(1440);

  // Home: the document has errors nobody has reviewed.
  await page.goto(`${base}/`);
  const stats = page.getByTestId('review-stats');
  await stats.waitFor();
  assert.match(await stats.innerText(), /有错误的 1 份文件中，\s*1 份仍有未审核的错误/);

  await page.goto(`${base}/documents/${doc.id}?tab=findings`);
  const bar = page.getByTestId('review-bar');
  await bar.waitFor();
  assert.match(await bar.innerText(), /已审核 0 条/);
  const firstError = page.locator('.finding[data-severity="error"]').first();
  assert.equal(await firstError.getByTestId('review-state').locator('.review-badge').innerText(), '未审核');
  assert.ok((await contrastOf(page, '.review-badge')) >= 4.5, 'the 未审核 badge meets WCAG AA');

  // Without the token the server refuses, and the form says so in Chinese.
  await firstError.locator('.review-open').click();
  const form = firstError.getByTestId('review-form');
  await form.getByLabel('误报').check();
  await form.getByLabel('备注').fill('原表数字无误，读取错位');
  await form.getByLabel('审核人').fill('张三');
  await form.getByRole('button', { name: '保存审核' }).click();
  assert.match(await form.getByRole('alert').innerText(), /需要有效的 API 令牌/);
  // Keyboard focus is visible on the form's controls.
  await form.getByLabel('API 令牌').focus();
  const outline = await form.getByLabel('API 令牌').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  assert.ok(!/none|^\S+ 0px$/.test(outline), `focus outline: ${outline}`);
  await form.getByLabel('API 令牌').fill(TOKEN);
  await page.screenshot({ path: join(shots, 'review-1440-form.png'), fullPage: false });
  await form.getByRole('button', { name: '保存审核' }).click();
  await form.waitFor({ state: 'detached' });
  const badge = firstError.getByTestId('review-state');
  assert.match(await badge.innerText(), /误报\s*张三 · .*：原表数字无误，读取错位/);
  assert.ok((await contrastOf(page, '.review-badge.false-positive')) >= 4.5, 'the 误报 badge meets WCAG AA');
  await page.screenshot({ path: join(shots, 'review-1440-marked.png'), fullPage: true });

  // Kept after a reload; the filter shows only the marked one.
  await page.reload();
  await page.getByTestId('review-filter').selectOption('false-positive');
  assert.equal(await page.locator('.finding').count(), 1);
  assert.match(await page.locator('.finding').first().innerText(), /误报/);

  // The findings export carries the mark.
  const csv = await (await fetch(`${base}/api/documents/${doc.id}/findings/export?format=csv`)).text();
  assert.match(csv, /误报,原表数字无误，读取错位,张三,/);

  // Home: when every error is marked, no document is left with unreviewed errors.
  const { keys } = (await (await fetch(`${base}/api/documents/${doc.id}/reviews`)).json()) as { keys: string[] };
  const findings = (await (await fetch(`${base}/api/documents/${doc.id}/findings`)).json()) as { severity: string }[];
  for (const [i, f] of findings.entries())
    if (f.severity === 'error')
      await fetch(`${base}/api/documents/${doc.id}/findings/${keys[i]}/review`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: i === findings.findIndex((x) => x.severity === 'error') ? 'false-positive' : 'confirmed', reviewer: '李四', note: '' }),
      });
  await page.goto(`${base}/`);
  await stats.waitFor();
  assert.match(await stats.innerText(), /0 份仍有未审核的错误/);
  await page.close();
  assert.deepEqual(pageErrors, []);
});

test('390 px: the findings tab with a review form open does not scroll sideways', { skip }, async () => {
  const list = (await (await fetch(`${base}/api/documents`)).json()) as { items: { id: number }[] };
  const page = await newPage(390);
  await page.goto(`${base}/documents/${list.items[0]!.id}?tab=findings`);
  await page.getByTestId('review-bar').waitFor();
  await page.locator('.finding .review-open').first().click();
  await page.getByTestId('review-form').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the findings tab is ${width} px wide at 390 px`);
  const box = await page.getByTestId('review-form').boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, 'the form fits the screen');
  await page.screenshot({ path: join(shots, 'review-390-form.png'), fullPage: false });
  await page.goto(`${base}/`);
  await page.getByTestId('review-stats').waitFor();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'home fits at 390 px');
  await page.screenshot({ path: join(shots, 'review-390-home.png'), fullPage: false });
  await page.close();
  assert.deepEqual(pageErrors, []);
});
