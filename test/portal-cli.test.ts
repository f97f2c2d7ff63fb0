// `yusuan import`, `export` and `serve` as a user runs them, on a throw-away SQLite data directory.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { openStore } from '../src/store/db.js';
import { collectPublications } from '../src/store/files.js';
import { yusuan } from './support/cli.js';
import { SEED_PATH } from './support/seed.js';

const BIN = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'yusuan-data-'));

const local = { YUSUAN_DATA_DIR: data, DATABASE_URL: undefined };

test('import: per-file outcome and a summary; the same file again is unchanged; unreadable files exit 2', async () => {
  const first = await yusuan(local, 'import', SEED_PATH);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /✓ 000_33d948831ce53c8e\.txt：新建，编号 1，第 1 版；错误 9/);
  assert.match(first.stdout, /导入完成：共 1 份，新建 1，新版本 0，未变化 0，失败 0/);
  assert.match(first.stdout, /新导入文件的检查结果：错误 9 项/);
  // Which database was written, and that `npm start` does not serve it.
  assert.match(first.stdout, /数据库：.*yusuan\.sqlite（用 npx yusuan serve 查看；npm start 每次启动另建示例数据库/);
  assert.match(first.stdout, /按类别（错误与警告）：.*完整性/);
  const again = await yusuan(local, 'import', SEED_PATH);
  assert.match(again.stdout, /未变化/);
  const missing = join(data, 'missing.pdf');
  const bad = await yusuan(local, 'import', missing, SEED_PATH);
  assert.equal(bad.code, 2);
  assert.match(bad.stdout, /✗ missing\.pdf：导入失败 — .*missing\.pdf：文件不存在或无法读取/);
  assert.match(bad.stdout, /失败 1/);
  const usage = await yusuan(local, 'import');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /需要文件或目录参数/);
});

test('import of a folder: readable files only, parts of one publication together', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-folder-'));
  for (const f of ['a-part1.pdf', 'a-part2.pdf', 'b.txt', 'notes.md', 'c.xlsx']) writeFileSync(join(dir, f), 'x');
  assert.deepEqual(collectPublications([dir]), [[join(dir, 'a-part1.pdf'), join(dir, 'a-part2.pdf')], [join(dir, 'b.txt')], [join(dir, 'c.xlsx')]]);
});

test('export: CSV to a file, and a bad format is a usage error', async () => {
  const out = join(data, 'facts.csv');
  const r = await yusuan(local, 'export', '--format', 'csv', '--out', out, '--year', '2024');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /已导出 445 条数据/);
  const bytes = readFileSync(out);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for spreadsheet programs');
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  assert.equal(lines.length, 446);
  assert.match(lines[0]!, /^文档编号,部门,地区,级次,年度,类型,表号/);
  const none = await yusuan(local, 'export', '--format', 'csv', '--out', out, '--year', '2031');
  assert.match(none.stdout, /已导出 0 条数据/);
  assert.equal((await yusuan(local, 'export', '--format', 'pdf')).code, 2);
});

test('a database that cannot be opened is a clear error, not a crash', async () => {
  const r = await yusuan({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, 'import', SEED_PATH);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /无法打开数据库 PostgreSQL/);
  assert.doesNotMatch(r.stderr, /内部错误|\n\s+at /);
});

test('an internal error is answered with a zh-CN message and no stack trace', async () => {
  const store = await openStore({ file: ':memory:' });
  const app = await buildApp({ store });
  await store.close();
  const r = await app.inject({ method: 'GET', url: '/api/documents' });
  assert.equal(r.statusCode, 500);
  assert.deepEqual(r.json(), { error: '服务器内部错误' });
  await app.close();
});

test('serve: a real server on a free port answers the API and the page', async () => {
  // A copy, so this server's WAL files do not collide with the in-process store above.
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-serve-'));
  copyFileSync(join(data, 'yusuan.sqlite'), join(dir, 'yusuan.sqlite'));
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    env: { ...process.env, YUSUAN_DATA_DIR: dir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL in: ${out}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /已启动：(http:\/\/\S+?)\/\s/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const list = (await (await fetch(`${url}/api/documents`)).json()) as { total: number; items: { department: string }[] };
    assert.equal(list.total, 1);
    assert.equal(list.items[0]!.department, '四川省公安厅交通警察总队');
    const page = await (await fetch(`${url}/`)).text();
    assert.match(page, /yusuan 预算公开门户/);
  } finally {
    child.kill('SIGTERM');
  }
});
