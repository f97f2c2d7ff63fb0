// OLAP-style aggregates (like OpenSpending's babbage): the sum of one measure over the facts of
// the latest version of each document, grouped by any dimensions, with cuts (filters).
//
// Double counting: a table prints totals, unit subtotals and class/款 subtotals above its detail
// rows. Only leaf rows are summed (rows of kind `detail`, and the function-class lines of statement
// tables), and only those of one table (`table`, a profile role; default expenditureByFunction,
// 部门支出总表). Measure default: `total` (`amount` for the summary table 部门收支总表, whose only column it is).

import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { KINDS, measureName } from '../glossary.js';
import { catalogs } from '../reference/catalog.js';
import type { Store } from './db.js';
import type { DB } from './schema.js';
import { wan } from './repository.js';

export const DIMENSIONS = {
  department: 'documents.department',
  region: 'documents.region',
  level: 'documents.level',
  year: 'documents.year',
  kind: 'documents.kind',
  /** department (部门预算/决算) or unit (单位): summing both counts a unit's money twice. */
  scope: 'documents.scope',
  table: 'facts.role',
  measure: 'facts.measure',
  functionClass: 'facts.function_class',
  functionCode: 'facts.function_code',
  economicCode: 'facts.economic_code',
  unitCode: 'facts.unit_code',
  project: 'facts.project',
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export class QueryError extends Error {}

export interface AggregateQuery {
  measure?: string | undefined;
  table?: string | undefined;
  drilldown?: string | undefined;
  /** `dim:value|dim:value`; alternatives for one dimension with `;` (year:2023;2024). */
  cut?: string | undefined;
}

export interface AggregateCell {
  [dimension: string]: string | number | null;
  value: string;
  count: number;
}

const AMOUNT_ROLES = new Set(['summary']);

function dimension(name: string): Dimension {
  // Own properties only: `constructor`, `toString` and `__proto__` are "in" every object.
  if (!Object.hasOwn(DIMENSIONS, name)) throw new QueryError(`未知维度“${name}”；可用维度：${Object.keys(DIMENSIONS).join('、')}`);
  return name as Dimension;
}

export function parseCut(cut: string | undefined): [Dimension, string[]][] {
  if (!cut) return [];
  return cut
    .split('|')
    .filter(Boolean)
    .map((part) => {
      const i = part.indexOf(':');
      if (i <= 0) throw new QueryError(`筛选条件“${part}”格式不对，应为 维度:值`);
      return [dimension(part.slice(0, i)), part.slice(i + 1).split(';')];
    });
}

export async function aggregate(
  store: Store,
  q: AggregateQuery,
): Promise<{ cells: AggregateCell[]; total: string; count: number; table: string; measure: string | null }> {
  const drilldown = (q.drilldown ?? '').split(',').filter(Boolean).map(dimension);
  if (new Set(drilldown).size !== drilldown.length) throw new QueryError('drilldown 中有重复的维度');
  const cuts = parseCut(q.cut);
  const table = q.table ?? 'expenditureByFunction';
  // Summing several measures of one row double counts (合计 = 基本 + 项目): one measure unless the
  // caller drills down by measure or cuts it.
  const measureFree = drilldown.includes('measure') || cuts.some(([d]) => d === 'measure');
  const measure = q.measure ?? (measureFree ? null : AMOUNT_ROLES.has(table) ? 'amount' : 'total');
  const where = (eb: ExpressionBuilder<DB, 'facts' | 'documents'>) => {
    const and: Expression<SqlBool>[] = [eb('documents.latest', '=', 1), eb('facts.leaf', '=', 1), eb('facts.role', '=', table)];
    if (measure) and.push(eb('facts.measure', '=', measure));
    for (const [d, values] of cuts) {
      const col = DIMENSIONS[d];
      const vs = d === 'year' ? values.map((v) => Number(v)) : values;
      if (d === 'year' && vs.some((v) => !Number.isInteger(v))) throw new QueryError(`年份“${values.join(';')}”不是整数`);
      and.push(eb(col, 'in', vs as string[]));
    }
    return eb.and(and);
  };
  let query = store.db
    .selectFrom('facts')
    .innerJoin('documents', 'documents.id', 'facts.document_id')
    .where(where)
    .select([sql<string | number>`CAST(SUM(facts.fen) AS BIGINT)`.as('fen'), sql<number>`COUNT(*)`.as('n')]);
  for (const [i, d] of drilldown.entries())
    query = query
      .select(sql.ref(DIMENSIONS[d]).as(`d${i}`))
      .groupBy(DIMENSIONS[d])
      .orderBy(DIMENSIONS[d]);
  const rows = (await query.execute()) as unknown as Record<string, string | number | null>[];
  const fn = catalogs().functional;
  const eco = catalogs().economic;
  let totalFen = 0;
  let count = 0;
  const cells: AggregateCell[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    if (n === 0) continue;
    totalFen += Number(r.fen ?? 0);
    count += n;
    const cell: AggregateCell = { value: wan(r.fen), count: n };
    drilldown.forEach((d, i) => {
      const v = r[`d${i}`] ?? null;
      cell[d] = d === 'year' && v !== null ? Number(v) : v;
      if (v === null) return;
      if (d === 'functionClass' || d === 'functionCode') cell[`${d}Name`] = fn.get(String(v))?.name ?? null;
      if (d === 'economicCode') cell.economicCodeName = eco.get(String(v))?.name ?? null;
      if (d === 'measure') cell.measureName = measureName(String(v));
      if (d === 'kind') cell.kindName = KINDS[v as keyof typeof KINDS] ?? String(v);
    });
    cells.push(cell);
  }
  return { cells, total: wan(totalFen), count, table, measure };
}

/**
 * aggregate() with its answers kept (256 most recent queries) until the stored documents change. The
 * generation is read from the database (highest id and count), so imports by another process, such as
 * a CLI import into the server's SQLite file, are seen too. A repeated aggregate then costs one indexed
 * query instead of a scan of the facts that blocks the event loop (SQLite runs synchronously).
 */
export async function cachedAggregate(store: Store, q: AggregateQuery): Promise<Awaited<ReturnType<typeof aggregate>>> {
  const g = await store.db
    .selectFrom('documents')
    .select([sql<number>`MAX(id)`.as('max'), sql<number>`COUNT(*)`.as('n')])
    .executeTakeFirst();
  const key = JSON.stringify([g?.max ?? 0, g?.n ?? 0, q.measure, q.table, q.drilldown, q.cut]);
  let cache = CACHES.get(store);
  if (!cache) CACHES.set(store, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return structuredClone(hit);
  }
  const answer = await aggregateOffThread(store, q);
  cache.set(key, answer);
  if (cache.size > 256) cache.delete(cache.keys().next().value!);
  return structuredClone(answer);
}

type Answer = Awaited<ReturnType<typeof aggregate>>;
type Reply = { id: number; answer?: Answer; error?: string; queryError?: boolean };

/** One worker thread per SQLite file, started on the first cache miss; `null` once it failed to start. */
const WORKERS = new Map<string, { worker: Worker; pending: Map<number, (r: Reply) => void> } | null>();
let nextQuery = 1;
let offThread = 0;
/** How many aggregates a worker thread has answered (for tests). */
export const offThreadAnswers = () => offThread;

/**
 * A file-backed SQLite store answers in a worker thread with its own read-only connection, so the scan
 * does not block the event loop; PostgreSQL does the work in the database anyway, and an in-memory
 * SQLite store cannot be shared. Any failure of the worker falls back to answering here.
 */
async function aggregateOffThread(store: Store, q: AggregateQuery): Promise<Answer> {
  if (store.dialect !== 'sqlite' || store.location === ':memory:') return aggregate(store, q);
  let entry = WORKERS.get(store.location);
  if (entry === undefined) {
    entry = startWorker(store.location);
    WORKERS.set(store.location, entry);
  }
  if (!entry) return aggregate(store, q);
  const id = nextQuery++;
  const { worker, pending } = entry;
  const reply = await new Promise<Reply>((resolve) => {
    pending.set(id, resolve);
    worker.ref();
    worker.postMessage({ id, query: q });
  });
  if (!pending.size) worker.unref();
  if (reply.answer) {
    offThread++;
    return reply.answer;
  }
  if (reply.queryError) throw new QueryError(reply.error);
  return aggregate(store, q);
}

function startWorker(location: string): { worker: Worker; pending: Map<number, (r: Reply) => void> } | null {
  const ts = fileURLToPath(import.meta.url).endsWith('.ts');
  const pending = new Map<number, (r: Reply) => void>();
  let worker: Worker;
  try {
    const entry = new URL(ts ? './aggregate-worker.ts' : './aggregate-worker.js', import.meta.url).href;
    // From source (tests, tsx) the worker needs tsx's loader registered before it imports TypeScript.
    const tsx = ts ? `.then(() => import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).then((m) => m.register())` : '';
    worker = new Worker(`Promise.resolve()${tsx}.then(() => import(${JSON.stringify(entry)}));`, {
      eval: true,
      workerData: { dataDir: dirname(location), file: basename(location) },
    });
  } catch {
    return null;
  }
  worker.unref();
  worker.on('message', (r: Reply) => {
    pending.get(r.id)?.(r);
    pending.delete(r.id);
  });
  // A worker that dies (or never opens the file) answers every open query with "answer it yourself".
  const fail = () => {
    WORKERS.set(location, null);
    for (const [id, resolve] of pending) resolve({ id, error: 'worker stopped' });
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  return { worker, pending };
}

const CACHES = new WeakMap<Store, Map<string, Awaited<ReturnType<typeof aggregate>>>>();
