// Many machines, one database: a job list of publications in PostgreSQL that any number of
// `yusuan worker` / `yusuan import --queue` processes share. A worker claims one job at a time with
// FOR UPDATE SKIP LOCKED (no two claim the same row) and holds it under a lease it renews while it
// reads; a worker that dies stops renewing, its lease runs out and another worker takes the job again.
// Attempts are limited; a file that cannot be read fails at once with its zh-CN message (reading it
// again would give the same answer), a failure of yusuan or of the database is retried.
//
// Exactly once: the import itself is idempotent by content (a stored sha256 is skipped, and the import
// transaction finds an identical latest version unchanged), so a job taken over after its first worker
// wrote the document but died before marking the job done stores nothing twice.
//
// The table is created here, idempotently, not by the store's migrations: only PostgreSQL has it, and
// a queue is an operator's tool that the portal's schema does not depend on.

import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { Store } from './db.js';
import { candidateHashes, displayNameOf, readPublication, save, storedOutcome, type FileOutcome } from './files.js';

export class QueueError extends Error {
  override name = 'StoreError';
}

export interface QueueOptions {
  /** Lease of a claimed job, s: renewed every third of it while the worker is alive. */
  leaseS: number;
  /** Attempts before a job that keeps failing (or whose workers keep dying) is given up. */
  maxAttempts: number;
}

/** Defaults, overridable by YUSUAN_QUEUE_LEASE_S and YUSUAN_QUEUE_MAX_ATTEMPTS. */
export function queueOptions(env: NodeJS.ProcessEnv = process.env): QueueOptions {
  const lease = Number(env.YUSUAN_QUEUE_LEASE_S);
  const attempts = Number(env.YUSUAN_QUEUE_MAX_ATTEMPTS);
  return {
    leaseS: Number.isFinite(lease) && lease >= 1 ? lease : 60,
    maxAttempts: Number.isInteger(attempts) && attempts >= 1 ? attempts : 3,
  };
}

export interface Job {
  id: number;
  queue: string;
  files: string[];
  name: string;
  attempts: number;
  max_attempts: number;
}

function requirePostgres(store: Store): void {
  if (store.dialect !== 'postgres') throw new QueueError('任务队列需要 PostgreSQL：请设置 DATABASE_URL（多台机器共用一个数据库）');
}

/** Create the queue's table when missing; concurrent workers take turns (an advisory lock). */
export async function ensureQueue(store: Store): Promise<void> {
  requirePostgres(store);
  await store.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('yusuan_import_jobs'))`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS import_jobs (
      id bigserial PRIMARY KEY,
      queue text NOT NULL,
      files text[] NOT NULL,
      name text NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL,
      lease_until timestamptz,
      worker text,
      document_id integer,
      outcome text,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      UNIQUE (queue, files)
    )`.execute(trx);
    await sql`CREATE INDEX IF NOT EXISTS import_jobs_claim ON import_jobs (queue, state, id)`.execute(trx);
  });
}

/** Add publications to a job list; one already listed (same files) is not added again, so every
 *  machine may run the same `import --queue` command. Paths are stored absolute: the workers must see
 *  the files under the same paths (a shared folder). */
export async function enqueue(store: Store, queue: string, publications: string[][], roots: string[], options = queueOptions()): Promise<number> {
  let added = 0;
  for (let i = 0; i < publications.length; i += 500) {
    const batch = publications.slice(i, i + 500).map((p) => ({ files: p.map((f) => resolve(f)), name: displayNameOf(p, roots) }));
    const r = await sql<{ id: number }>`
      INSERT INTO import_jobs (queue, files, name, max_attempts)
      SELECT ${queue}, ARRAY(SELECT jsonb_array_elements_text(p.value -> 'files')), p.value ->> 'name', ${options.maxAttempts}
      FROM jsonb_array_elements(${JSON.stringify(batch)}::jsonb) AS p
      ON CONFLICT (queue, files) DO NOTHING RETURNING id`.execute(store.db);
    added += r.rows.length;
  }
  return added;
}

/** Claim the next job: a pending one, or a running one whose lease ran out (its worker died). Jobs
 *  that ran out of attempts that way are failed first. */
export async function claim(store: Store, queue: string, worker: string, options = queueOptions()): Promise<Job | null> {
  await sql`
    UPDATE import_jobs SET state = 'failed', finished_at = now(),
      error = coalesce(error || '；', '') || ${`处理进程中断 ${options.maxAttempts} 次（租约过期），不再重试`}
    WHERE queue = ${queue} AND state = 'running' AND lease_until < now() AND attempts >= max_attempts`.execute(store.db);
  const r = await sql<Job>`
    UPDATE import_jobs j SET state = 'running', attempts = j.attempts + 1, worker = ${worker},
      lease_until = now() + make_interval(secs => ${options.leaseS})
    FROM (
      SELECT id FROM import_jobs
      WHERE queue = ${queue} AND attempts < max_attempts
        AND (state = 'pending' OR (state = 'running' AND lease_until < now()))
      ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
    ) c
    WHERE j.id = c.id
    RETURNING j.id, j.queue, j.files, j.name, j.attempts, j.max_attempts`.execute(store.db);
  return r.rows[0] ?? null;
}

/** Conditions that the job is still this worker's (its lease may have run out and been taken over). */
const mine = (job: Job, worker: string) => sql`id = ${job.id} AND worker = ${worker} AND attempts = ${job.attempts} AND state = 'running'`;

export async function renew(store: Store, job: Job, worker: string, options = queueOptions()): Promise<boolean> {
  const r = await sql`UPDATE import_jobs SET lease_until = now() + make_interval(secs => ${options.leaseS}) WHERE ${mine(job, worker)}`.execute(store.db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Record a job's outcome: done, failed for good (the file cannot be read), or back to pending when
 *  a retriable failure leaves attempts. */
export async function finish(store: Store, job: Job, worker: string, outcome: FileOutcome): Promise<'done' | 'failed' | 'retry'> {
  if (outcome.ok) {
    await sql`UPDATE import_jobs SET state = 'done', finished_at = now(), lease_until = NULL, document_id = ${outcome.id},
      outcome = ${outcome.skipped ? 'skipped' : outcome.outcome}, error = NULL WHERE ${mine(job, worker)}`.execute(store.db);
    return 'done';
  }
  const retry = outcome.internal === true && job.attempts < job.max_attempts;
  await sql`UPDATE import_jobs SET state = ${retry ? 'pending' : 'failed'}, lease_until = NULL, error = ${outcome.error},
    finished_at = ${retry ? null : sql`now()`} WHERE ${mine(job, worker)}`.execute(store.db);
  return retry ? 'retry' : 'failed';
}

export interface QueueStatus {
  pending: number;
  running: number;
  done: number;
  failed: number;
  failures: { name: string; error: string; attempts: number }[];
}

export async function queueStatus(store: Store, queue: string): Promise<QueueStatus> {
  const counts = await sql<{ state: keyof Omit<QueueStatus, 'failures'>; n: number }>`
    SELECT state, count(*)::int AS n FROM import_jobs WHERE queue = ${queue} GROUP BY state`.execute(store.db);
  const failures = await sql<{ name: string; error: string; attempts: number }>`
    SELECT name, coalesce(error, '') AS error, attempts FROM import_jobs WHERE queue = ${queue} AND state = 'failed' ORDER BY id`.execute(store.db);
  const status: QueueStatus = { pending: 0, running: 0, done: 0, failed: 0, failures: failures.rows };
  for (const c of counts.rows) status[c.state] = c.n;
  return status;
}

export const workerId = () => `${hostname()}:${process.pid}`;

/**
 * Work on a job list until nothing is left to do: `jobs` lanes, each claiming, reading (a limited child
 * process, as `import` does) and storing one publication at a time. A lane that finds no claimable job
 * while others' jobs are still running waits: their lease may run out, and then the job is taken over.
 */
export async function work(
  store: Store,
  queue: string,
  onOutcome: (job: Job, outcome: FileOutcome, state: 'done' | 'failed' | 'retry') => void | Promise<void>,
  opts: { jobs?: number; worker?: string; options?: QueueOptions } = {},
): Promise<void> {
  const options = opts.options ?? queueOptions();
  const worker = opts.worker ?? workerId();
  const pollMs = Math.min(1000, (options.leaseS * 1000) / 2);
  const lane = async () => {
    for (;;) {
      const job = await claim(store, queue, worker, options);
      if (!job) {
        const s = await queueStatus(store, queue);
        if (s.pending + s.running === 0) return;
        await new Promise((r) => setTimeout(r, pollMs));
        continue;
      }
      const heartbeat = setInterval(() => void renew(store, job, worker, options).catch(() => {}), (options.leaseS * 1000) / 3);
      let outcome: FileOutcome;
      try {
        outcome = (await storedOutcome(store, candidateHashes(job.files))) ?? (await readAndSave(store, job));
      } catch (e) {
        outcome = { ok: false, internal: true, error: `内部错误：${e instanceof Error ? e.message : String(e)}` };
      } finally {
        clearInterval(heartbeat);
      }
      await onOutcome(job, outcome, await finish(store, job, worker, outcome));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.jobs ?? 1) }, lane));
}

async function readAndSave(store: Store, job: Job): Promise<FileOutcome> {
  const r = await readPublication(job.files, [], job.name);
  return r.ok ? save(store, r.disclosure, r.analysis) : r;
}
