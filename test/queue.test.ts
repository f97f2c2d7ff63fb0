// The PostgreSQL job queue (store/queue.ts): claims that never overlap, leases that expire, limited
// retries, failures kept with their message; and three `yusuan import --queue` processes sharing one
// list while one is killed mid-way: every document imported exactly once. A fresh database per test.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openStore, type Store } from '../src/store/db.js';
import { collectPublications } from '../src/store/files.js';
import { claim, enqueue, ensureQueue, finish, queueStatus, renew, type QueueOptions } from '../src/store/queue.js';
import { createTestDatabase } from './support/postgres.js';
import { seedVariants } from './support/seed-variants.js';

const BIN = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));

async function withDatabase(t: { skip: (m: string) => void }, body: (url: string, store: Store) => Promise<void>): Promise<void> {
  const db = await createTestDatabase();
  if ('skip' in db) return t.skip(db.skip);
  const store = await openStore({ databaseUrl: db.url });
  try {
    await ensureQueue(store);
    await body(db.url, store);
  } finally {
    await store.close();
    await db.drop();
  }
}

test('claims never overlap; an expired lease is taken over; attempts are limited; an unreadable file fails with its message', async (t) => {
  await withDatabase(t, async (_url, store) => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-queue-'));
    seedVariants(dir, 2);
    const pubs = collectPublications([dir]);
    const options: QueueOptions = { leaseS: 1, maxAttempts: 2 };
    assert.equal(await enqueue(store, 'q', pubs, [dir], options), 2);
    assert.equal(await enqueue(store, 'q', pubs, [dir], options), 0, 'listed once whoever enqueues');
    const a = await claim(store, 'q', 'A', options);
    const b = await claim(store, 'q', 'B', options);
    assert.ok(a && b);
    assert.notEqual(a.id, b.id);
    assert.equal(a.name, 'd00.txt');
    assert.equal(await claim(store, 'q', 'C', options), null);
    // A dies holding its job; B renews its lease. After the lease, C takes A's job, and A may no longer record it.
    await new Promise((r) => setTimeout(r, 1100));
    assert.ok(await renew(store, b, 'B', options));
    const c = await claim(store, 'q', 'C', options);
    assert.equal(c?.id, a.id);
    assert.equal(c?.attempts, 2);
    assert.equal(await renew(store, a, 'A', options), false);
    assert.equal(await finish(store, c!, 'C', { ok: false, internal: true, error: '内部错误：测试' }), 'failed', 'no attempts left');
    assert.equal(await finish(store, b, 'B', { ok: false, internal: true, error: '内部错误：测试' }), 'retry');
    const again = await claim(store, 'q', 'B', options);
    assert.equal(again?.id, b.id);
    assert.equal(await finish(store, again!, 'B', { ok: false, error: 'd01.txt：文件内容过少，不是一份预算公开文件' }), 'failed');
    const s = await queueStatus(store, 'q');
    assert.deepEqual(
      { ...s, failures: s.failures.map((f) => f.error) },
      {
        pending: 0,
        running: 0,
        done: 0,
        failed: 2,
        failures: ['内部错误：测试', 'd01.txt：文件内容过少，不是一份预算公开文件'],
      },
    );
    // A job whose workers keep dying is given up once its attempts are spent.
    await enqueue(store, 'dying', [pubs[0]!], [dir], options);
    for (const w of ['X', 'Y']) {
      assert.ok(await claim(store, 'dying', w, options));
      await new Promise((r) => setTimeout(r, 1100));
    }
    assert.equal(await claim(store, 'dying', 'Z', options), null);
    assert.match((await queueStatus(store, 'dying')).failures[0]!.error, /处理进程中断 2 次（租约过期），不再重试/);
  });
});

function exited(p: ChildProcess): Promise<number | null> {
  return new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(p.exitCode) : p.once('exit', (code) => r(code))));
}

test('three workers on one list, one killed mid-way: every document imported exactly once', async (t) => {
  await withDatabase(t, async (url, store) => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-queue-'));
    seedVariants(dir, 8);
    writeFileSync(join(dir, 'broken.html'), '<table></table>');
    const env = { ...process.env, DATABASE_URL: url, YUSUAN_QUEUE_LEASE_S: '2', NODE_OPTIONS: '' };
    const outputs: string[] = [];
    const workers = [0, 1, 2].map((i) => {
      const p = spawn(process.execPath, [BIN, 'import', '--queue', 'wild', dir, '--jobs', '1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      outputs[i] = '';
      p.stdout.on('data', (d: Buffer) => (outputs[i] += d.toString()));
      p.stderr.on('data', (d: Buffer) => (outputs[i] += d.toString()));
      return p;
    });
    const victim = workers[0]!;
    // Kill the first worker while it holds a job.
    const deadline = Date.now() + 60_000;
    let heldName: string;
    for (;;) {
      const held = await sql<{ name: string }>`SELECT name FROM import_jobs WHERE worker LIKE ${`%:${victim.pid}`} AND state = 'running'`
        .execute(store.db)
        .catch(() => ({ rows: [] as { name: string }[] }));
      heldName = held.rows[0]?.name ?? '';
      if (heldName) break;
      assert.ok(Date.now() < deadline && victim.exitCode === null, `the first worker never held a job:\n${outputs[0]}`);
      await new Promise((r) => setTimeout(r, 30));
    }
    victim.kill('SIGKILL');
    const codes = await Promise.all(workers.slice(1).map(exited));
    assert.deepEqual(codes, [2, 2], `survivors end with the failure reported:\n${outputs.join('\n---\n')}`);
    const docs = await store.db.selectFrom('documents').select(['department', 'sha256', 'version']).execute();
    assert.equal(docs.length, 8, outputs.join('\n---\n'));
    assert.equal(new Set(docs.map((d) => d.sha256)).size, 8);
    assert.ok(docs.every((d) => d.version === 1));
    const jobs = await sql<{ name: string; state: string; attempts: number; error: string | null }>`
      SELECT name, state, attempts, error FROM import_jobs ORDER BY name`.execute(store.db);
    assert.equal(jobs.rows.length, 9);
    assert.deepEqual(
      jobs.rows.filter((j) => j.state !== 'done').map((j) => [j.name, j.state, j.attempts]),
      // A job the killed worker held was claimed once more after its lease ran out.
      [['broken.html', 'failed', heldName === 'broken.html' ? 2 : 1]],
    );
    assert.match(jobs.rows.find((j) => j.name === 'broken.html')!.error!, /HTML 中没有任何文字/);
    assert.ok(
      jobs.rows.some((j) => j.attempts === 2),
      'the killed worker’s job was taken over',
    );
    for (const o of outputs.slice(1)) assert.match(o, /队列 wild：完成 8，失败 1，待处理 0，处理中 0/);
  });
});
