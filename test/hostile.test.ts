// Hostile and broken input through the CLI and the import: a flate bomb, bit-flipped PDFs, a huge
// HTML table, zip bombs. Each is built at run time in a temp directory and kept small; the read
// sandbox's memory cap is lowered so that a bomb hits it within seconds. Exit codes are 0/1/2 only,
// never 3, and every refusal is a Chinese message naming the file.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { minimalPdf } from '../src/read/positioned/minimal-pdf.js';
import { bitFlips, flateBombPdf, hugeHtmlTable, manyRowsXlsx, zipBombXlsx } from './support/hostile.js';
import { yusuan } from './support/cli.js';
import { SEED_PATH } from './support/seed.js';

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-hostile-'));
const CJK = /[\u4e00-\u9fff]/;

function file(name: string, content: string | Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

test('a flate bomb (1 MB of PDF inflating to 1 GB) is refused at the memory cap: exit 2, Chinese message naming the file', async () => {
  const bomb = file('bomb.pdf', flateBombPdf(1 << 30));
  assert.ok(bomb.length < 2 << 20);
  const t0 = performance.now();
  const r = await yusuan({ YUSUAN_READ_MAX_MB: '320' }, 'check', bomb);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /bomb\.pdf：读取时超出内存上限（320 MB）/);
  assert.ok(performance.now() - t0 < 30_000);
});

test('a read that exceeds its deadline is stopped: exit 2 with a Chinese message', async () => {
  const r = await yusuan({ YUSUAN_READ_TIMEOUT_S: '0.05' }, 'summary', SEED_PATH);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /000_33d948831ce53c8e\.txt：读取超时（超过 0\.1 秒）/);
});

test('bit-flipped PDFs (fixed seeds): exit 0, 1 or 2 only, a Chinese message when refused', async () => {
  const lines = [
    { x: 72, y: 740, text: '某部门2024年部门预算', font: 'cjk' as const },
    { x: 72, y: 700, text: '部门收支总表 单位：万元', font: 'cjk' as const },
    { x: 72, y: 680, text: '收入 支出 合计 1,234.00', font: 'cjk' as const },
  ];
  const valid = minimalPdf([{ lines }, { lines }]);
  const mutants = bitFlips(valid, 8, 6, 20261205);
  for (const [i, m] of mutants.entries()) {
    const r = await yusuan({}, 'check', file(`flip-${i}.pdf`, m));
    assert.ok([0, 1, 2].includes(r.code), `flip-${i}: exit ${r.code} ${r.stderr}`);
    if (r.code === 2) assert.ok(r.stderr.includes(`flip-${i}.pdf`) && CJK.test(r.stderr), r.stderr);
  }
});

test('an HTML table of 70,000 rows: no stack overflow, exit 0, 1 or 2', async () => {
  const r = await yusuan({}, 'check', file('huge.html', hugeHtmlTable(70_000)));
  assert.ok([0, 1, 2].includes(r.code), `${r.code} ${r.stderr}`);
  if (r.code === 2) assert.match(r.stderr, /huge\.html：/);
  assert.doesNotMatch(r.stderr, /结构过深/);
});

test('import of a folder goes on after a file that cannot be read; names are stored relative to the folder', async () => {
  const dir = join(tmp, 'folder');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'a-bomb.pdf'), flateBombPdf(1 << 30));
  writeFileSync(join(dir, 'b-broken.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >>\n');
  writeFileSync(join(dir, 'sub', 'seed.txt'), await import('node:fs').then((fs) => fs.readFileSync(SEED_PATH)));
  const data = mkdtempSync(join(tmpdir(), 'yusuan-hostile-data-'));
  const r = await yusuan({ YUSUAN_DATA_DIR: data, DATABASE_URL: '', YUSUAN_READ_MAX_MB: '320' }, 'import', dir);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /✗ a-bomb\.pdf：导入失败 — .*读取时超出内存上限/);
  assert.match(r.stdout, /✗ b-broken\.pdf：导入失败 — .*PDF/);
  assert.match(r.stdout, /✓ seed\.txt：新建/);
  assert.match(r.stdout, /失败 2/);
  const { openStore } = await import('../src/store/db.js');
  const store = await openStore({ dataDir: data });
  try {
    const rows = await store.db.selectFrom('documents').select('source_file').execute();
    assert.deepEqual(
      rows.map((x) => x.source_file),
      ['sub/seed.txt'],
    );
  } finally {
    await store.close();
  }
});

test('XLSX limits: a zip bomb (honest or lying headers) and a 150,000-row sheet → exit 2 in seconds, Chinese message naming the file', async () => {
  for (const [name, bytes, message] of [
    ['bomb.xlsx', zipBombXlsx(1 << 30), /bomb\.xlsx：XLSX 解压后过大（超过 100 MB）/],
    ['liar.xlsx', zipBombXlsx(1 << 30, true), /liar\.xlsx：XLSX 解压后过大（超过 100 MB）/],
    ['rows.xlsx', manyRowsXlsx(150_000), /rows\.xlsx：XLSX 行数过多（超过 100000 行）/],
  ] as const) {
    const t0 = performance.now();
    const r = await yusuan({}, 'check', file(name, bytes));
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.ok(performance.now() - t0 < 15_000, `${name}: ${performance.now() - t0} ms`);
  }
});
