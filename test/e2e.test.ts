// End to end: the portal started the way a user starts it (`yusuan import` into a fresh data
// directory, then `yusuan serve`), driven in Debian's chromium through playwright-core. Opens the
// home page, navigates to the example, reads its figures and findings, drills into the function
// class chart, follows a finding to its highlighted cell, compares two documents, and uploads a
// corpus PDF to read and download its report. Screenshots go to $YUSUAN_E2E_SHOTS (default: a
// temp directory, printed) so they can be looked at.

import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyse } from '../src/analysis.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { openStore } from '../src/store/db.js';
import { importAnalysed } from '../src/store/import.js';
import { syntheticDisclosure } from '../src/synthetic/generate.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../src/write/pdf.js';
import { startServe } from './support/serve.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/yusuan.js');
const SEED = join(ROOT, 'fixtures/seed/000_33d948831ce53c8e.txt');
const CORPUS = join(ROOT, '../shared/corpus/pdf');
const PAIR = join(CORPUS, '029-putuo-wanlijiedao-2024-budget.pdf');
const UPLOAD = join(CORPUS, '016-wuxi-tongjiju-2026-budget.pdf');
const HAVE_CORPUS = existsSync(PAIR) && existsSync(UPLOAD);
// A department name that is markup: it must be shown as text, never run.
const HOSTILE = '<img src=x onerror="window.__pwned=1">局';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests`;
const noCorpus = HAVE_CORPUS ? false : `corpus PDFs not found in ${CORPUS}: upload and compare-with-corpus steps skipped`;

const dataDir = mkdtempSync(join(tmpdir(), 'yusuan-e2e-data-'));
const shots = process.env.YUSUAN_E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'yusuan-e2e-shots-'));
let server: ChildProcess | null = null;
let base = '';
let browser: Browser | null = null;
const pageErrors: string[] = [];

function yusuan(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, YUSUAN_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 180_000 });
}

async function startServer(): Promise<string> {
  const started = await startServe(dataDir);
  server = started.child;
  return started.base;
}

async function newPage(): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // The rejected upload (422) is expected; favicon requests may 404.
    if (m.type() === 'error' && !/favicon|status of 422/.test(m.text())) pageErrors.push(m.text());
  });
  return page;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, `${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

before(async () => {
  if (skip) return;
  if (!existsSync(join(ROOT, 'dist/cli/main.js')) || !existsSync(join(ROOT, 'web/dist/index.html'))) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(b.status, 0, 'npm run build failed');
  }
  mkdirSync(shots, { recursive: true });
  const imported = yusuan(['import', SEED, ...(HAVE_CORPUS ? [PAIR] : [])]);
  assert.equal(imported.status, 0, `yusuan import failed:\n${imported.stdout}\n${imported.stderr}`);
  // Two years of a synthetic department whose name is markup (consistent figures by construction).
  const store = await openStore({ dataDir });
  const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;
  for (const year of [2023, 2024]) {
    const doc = syntheticDisclosure({ seed: 40 + year, department: HOSTILE, region: '测试省', year });
    await importAnalysed(store, doc, analyse({ disclosure: doc, profile }));
  }
  await store.close();
  base = await startServer();
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

interface Item {
  id: number;
  department: string;
}
const seedId = async () => (await api<{ items: Item[] }>(`/api/documents?q=${encodeURIComponent('交通警察总队')}`)).items[0]!.id;

test('home shows coverage; the example opens with its key figures, charts and findings', { skip }, async () => {
  const page = await newPage();
  await page.goto(base + '/');
  const coverage = page.getByTestId('coverage');
  await coverage.getByText('四川省公安厅交通警察总队').waitFor();
  assert.match(await page.getByTestId('coverage-stats').innerText(), /收录 \d+ 个部门/);
  await shot(page, '01-home');

  // The example's 2024 cell links to its document page.
  await coverage.locator('tr', { hasText: '四川省公安厅交通警察总队' }).getByRole('link').first().click();
  await page.waitForURL(/\/documents\/\d+$/);
  await page.getByTestId('doc-title').waitFor();
  assert.equal(await page.getByTestId('doc-title').innerText(), '四川省公安厅交通警察总队2024年部门预算');
  // The header is for readers: no internal profile id, no source path.
  const header = await page.locator('main .panel').first().innerText();
  assert.doesNotMatch(header, /sichuan-province|000_33d948831ce53c8e|\.txt|模板/);
  const figures = page.getByTestId('key-figures');
  assert.match(await figures.locator('[data-figure="expenditureTotal"]').innerText(), /80,818\.35/);
  assert.match(await figures.locator('[data-figure="basic"]').innerText(), /45,412\.74[\s\S]*56\.19%/);
  assert.match(await figures.locator('[data-figure="threePublic"]').innerText(), /3,387\.50/);
  // Charts are drawn (SVG) with their Chinese labels.
  await page.locator('[data-testid="class-chart"] svg text', { hasText: '公共安全支出' }).first().waitFor();
  assert.ok((await page.locator('.chart svg').count()) >= 4, 'charts drawn');
  await shot(page, '02-document');

  // Findings: 9 errors in the example, each category listed.
  await page.getByRole('link', { name: /检查发现/ }).click();
  await page.waitForURL(/tab=findings/);
  const findings = page.getByTestId('findings');
  assert.match(await findings.locator('.summary-line').innerText(), /错误 9/);
  assert.ok((await findings.getByText('完整性（', { exact: false }).count()) > 0);
  await findings.getByText('一般行政管理事务', { exact: false }).first().waitFor();
  await shot(page, '03-findings');
  await page.close();
});

test('the function class chart drills down 类 → 款 → 项 and the state is in the URL', { skip }, async () => {
  const id = await seedId();
  const page = await newPage();
  await page.goto(`${base}/documents/${id}`);
  const chart = page.getByTestId('class-chart');
  await chart.locator('svg text', { hasText: '公共安全支出' }).first().click();
  await page.waitForURL(/fc=204/);
  await chart.locator('.breadcrumb', { hasText: '204 公共安全支出' }).waitFor();
  assert.deepEqual(await chart.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))), ['20402']);
  await chart.locator('svg text', { hasText: '公安' }).first().click();
  await page.waitForURL(/fc=20402/);
  await chart.locator('tr[data-code="2040202"]').waitFor();
  assert.match(await chart.locator('tr[data-code="2040202"]').innerText(), /30,893\.25/);
  // The same address, opened fresh, shows the same drill-down; the sunburst is one click away.
  const url = page.url();
  await page.goto(url);
  await chart.locator('tr[data-code="2040201"]').waitFor();
  await page.getByRole('button', { name: '旭日图' }).click();
  await page.waitForURL(/chart=sunburst/);
  await chart.locator('svg path').first().waitFor();
  await shot(page, '04-drilldown-sunburst');
  // Back to the top through the breadcrumb.
  await chart.getByRole('button', { name: '全部功能分类' }).click();
  await chart.locator('tr[data-code="221"]').waitFor();
  await page.close();
});

test('a finding leads to its highlighted numbers in the published table', { skip }, async () => {
  const id = await seedId();
  const page = await newPage();
  await page.goto(`${base}/documents/${id}?tab=findings`);
  const item = page.locator('li.finding', { hasText: '其下 16 行明细之和为 26,371.19' });
  await item.getByRole('button', { name: '在表中查看' }).click();
  await page.waitForURL(/tab=tables&table=3-2&finding=\d+/);
  const table = page.locator('[data-table="3-2"]');
  await table.waitFor();
  const current = table.locator('td.current');
  assert.ok((await current.count()) >= 17, 'the total and its 16 detail cells are marked');
  assert.equal((await current.first().innerText()).trim(), '26,371.20');
  assert.match((await current.first().getAttribute('class')) ?? '', /sev-warning/);
  // Every table as published: 1-2 has its printed columns.
  await page.getByRole('link', { name: /表1-2 部门支出总表/ }).click();
  await page.waitForURL(/table=1-2/);
  const headers = await page.locator('[data-table="1-2"] thead th').allInnerTexts();
  assert.deepEqual(headers, ['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  await page.goBack();
  await page.locator('[data-table="3-2"] td.current').first().waitFor();
  await shot(page, '05-table-highlight');
  await page.close();
});

test('compare two documents, absolute and shares', { skip: skip || noCorpus }, async () => {
  const id = await seedId();
  const page = await newPage();
  await page.goto(`${base}/compare?a=${id}`);
  await page.getByTestId('picked-甲').waitFor();
  await page.getByLabel('查找乙').fill('万里');
  await page
    .getByRole('button', { name: /万里街道办事处/ })
    .first()
    .click();
  await page.waitForURL(/b=\d+/);
  const table = page.getByTestId('compare-table');
  const total = table.locator('tr[data-key="expenditureTotal"]');
  await total.waitFor();
  const cells = await total.locator('td').allInnerTexts();
  assert.equal(cells[0], '支出总计');
  assert.equal(cells[1], '80,818.35');
  assert.match(cells[2]!, /^\d{1,3}(,\d{3})*\.\d{2}$/);
  assert.match(cells[3]!, /^-/);
  assert.match(await table.locator('tr[data-key="functionClass:204"]').innerText(), /85\.44%/);
  await page.getByRole('button', { name: '占比', exact: true }).click();
  await page.waitForURL(/mode=share/);
  await page.getByText('支出功能分类（占比 %）').waitFor();
  await shot(page, '06-compare');
  await page.close();
});

test('upload a corpus PDF, read its report and download it', { skip: skip || noCorpus }, async () => {
  const page = await newPage();
  await page.goto(`${base}/check`);
  await page.getByTestId('upload').setInputFiles(UPLOAD);
  await page.getByRole('button', { name: '开始检查' }).click();
  const report = page.getByTestId('check-report');
  await report.waitFor({ timeout: 120_000 });
  assert.match(await report.locator('h2').innerText(), /无锡市统计局/);
  assert.match(await report.locator('[data-figure="expenditureTotal"]').innerText(), /3,210\.10/);
  await page.getByTestId('findings').locator('li.finding').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  assert.match(download.suggestedFilename(), /检查报告\.json$/);
  const saved = join(shots, download.suggestedFilename());
  await download.saveAs(saved);
  const body = JSON.parse(readFileSync(saved, 'utf8')) as { findings: unknown[]; summary: { figures: { expenditureTotal: number } } };
  assert.equal(body.summary.figures.expenditureTotal, 3210.1);
  assert.match(await page.getByTestId('findings').locator('.summary-line').innerText(), new RegExp(`共 ${body.findings.length} 条`));
  await shot(page, '07-check-report');

  // A file that is not a disclosure gets the server's Chinese message.
  await page.getByTestId('upload').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是预算公开文件。\n') });
  await page.getByRole('button', { name: '开始检查' }).click();
  await page.getByTestId('check-error').waitFor();
  assert.match(await page.getByTestId('check-error').innerText(), /notes\.txt/);
  await page.close();
});

test('names that are markup are shown as text on every page, never run', { skip }, async () => {
  const page = await newPage();
  await page.goto(`${base}/?q=${encodeURIComponent('onerror')}`);
  const row = page.getByTestId('coverage').locator('tr', { hasText: 'onerror' });
  await row.waitFor();
  assert.equal(await page.locator('main img').count(), 0);
  assert.match(await row.innerText(), /<img src=x onerror="window\.__pwned=1">局/);
  // Its document page (2024), the year-over-year link, the comparison and the search.
  await row.getByRole('link').last().click();
  await page.getByTestId('doc-title').waitFor();
  await page.getByTestId('class-chart').locator('svg').first().waitFor();
  await page.getByTestId('compare-previous').click();
  await page.getByTestId('compare-table').waitFor();
  assert.match(await page.getByTestId('picked-甲').innerText(), /<img src=x/);
  await page.goto(`${base}/search?q=${encodeURIComponent('onerror')}`);
  await page.getByRole('heading', { name: /部门/ }).waitFor();
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  await shot(page, '08-hostile-name');
  await page.close();
});

test('390 px: no page scrolls sideways and the header wraps', { skip }, async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const id = await seedId();
  const other = (await api<{ items: Item[] }>('/api/documents')).items.find((d) => d.id !== id)!.id;
  const pages = [
    '/',
    `/documents/${id}`,
    `/documents/${id}?tab=tables`,
    `/documents/${id}?tab=findings`,
    `/documents/${id}?tab=narrative`,
    `/compare?a=${other}&b=${id}`,
    '/check',
    `/search?q=${encodeURIComponent('公共安全')}`,
  ];
  for (const [i, path] of pages.entries()) {
    await page.goto(base + path);
    await page.locator('main .panel').first().waitFor();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${path}: the page is ${width} px wide at 390 px`);
    await shot(page, `390-${String(i).padStart(2, '0')}`);
  }
  // The header's search sits on a line of its own under the brand and the links.
  const brand = await page.locator('.brand').boundingBox();
  const search = await page.locator('.topsearch').boundingBox();
  assert.ok(brand && search && search.y >= brand.y + brand.height - 1, 'the header wraps');
  await page.close();
});

test('no script errors on any page', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
