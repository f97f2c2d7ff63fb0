// `yusuan import --jobs N`: parallel reads, one writer, a re-run that skips stored content, the progress line.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { jobsOption, progressText } from '../src/cli/portal.js';
import { openStore } from '../src/store/db.js';
import { yusuan } from './support/cli.js';
import { SEED_PATH } from './support/seed.js';
import { seedVariants } from './support/seed-variants.js';

test('import --jobs 2: every publication stored once; a re-run skips them without reading', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-jobs-'));
  const data = mkdtempSync(join(tmpdir(), 'yusuan-jobs-data-'));
  seedVariants(dir, 3);
  writeFileSync(join(dir, 'broken.html'), '<table></table>');
  const env = { YUSUAN_DATA_DIR: data, DATABASE_URL: undefined };
  const first = await yusuan(env, 'import', dir, '--jobs', '2');
  assert.equal(first.code, 2, first.stderr);
  assert.equal(first.stdout.match(/：新建，/g)?.length, 3);
  assert.match(first.stdout, /✗ broken\.html：导入失败 — .*broken\.html：/);
  assert.match(first.stdout, /共 4 份，新建 3，新版本 0，未变化 0，失败 1/);
  assert.equal(first.stderr, '', 'no progress line when stderr is not a terminal');
  const again = await yusuan(env, 'import', dir, '--jobs', '2');
  assert.equal(again.stdout.match(/未变化（内容已导入，未重新读取）/g)?.length, 3);
  assert.match(again.stdout, /新建 0，新版本 0，未变化 3，失败 1/);
  const store = await openStore({ dataDir: data });
  try {
    const rows = await store.db.selectFrom('documents').select(['department', 'version']).execute();
    assert.equal(rows.length, 3);
    assert.equal(new Set(rows.map((r) => r.department)).size, 3);
  } finally {
    await store.close();
  }
});

test('--jobs takes a whole number; the progress line shows rate and time left', async () => {
  assert.equal(jobsOption('3'), 3);
  assert.ok(jobsOption(undefined) >= 1);
  assert.throws(() => jobsOption('0'), /--jobs 需要 1 到 64 之间的整数/);
  assert.throws(() => jobsOption(true), /--jobs/);
  assert.equal(progressText(30, 120, 60, 'a.pdf', 8), '[██░░░░░░] 30/120  0.50 份/秒，剩余约 3分00秒  a.pdf');
  assert.equal(progressText(0, 5, 0, '', 4), '[░░░░] 0/5  0.00 份/秒  ');
  const usage = await yusuan({}, 'import', SEED_PATH, '--jobs', 'x');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--jobs 需要 1 到 64 之间的整数/);
});
