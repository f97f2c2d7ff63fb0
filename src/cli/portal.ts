// `yusuan import`, `yusuan serve`, `yusuan export`: the store and the portal from the command line.
// main.ts dispatches here; messages are zh-CN.

import { statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CATEGORIES, SEVERITIES } from '../glossary.js';
import { openStore, type Store } from '../store/db.js';
import { collectPublications, importPublications, publicationName, type FileOutcome } from '../store/files.js';
import type { Category } from '../glossary.js';

export class PortalUsageError extends Error {
  override name = 'PortalUsageError';
}

type Out = (s: string) => void;

const OUTCOME = { created: '新建', newVersion: '新版本', unchanged: '未变化（与最新版本相同）' } as const;
const SKIPPED = '未变化（内容已导入，未重新读取）';

/** Seconds as 1分05秒 / 42秒. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒` : `${s}秒`;
}

/** The progress line: done/total, rate since the start and the time left at that rate. */
export function progressText(done: number, total: number, elapsedS: number, label: string, width = 24): string {
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const eta = rate > 0 ? `，剩余约 ${duration((total - done) / rate)}` : '';
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(2)} 份/秒${eta}  ${label}`;
}

/** A one-line progress bar on a terminal, redrawn after each outcome line; nothing when stderr is not a TTY. */
function progressBar(total: number, enabled: boolean) {
  const t0 = performance.now();
  return {
    draw(done: number, label: string) {
      if (!enabled) return;
      process.stderr.write(`\r\x1b[2K${progressText(done, total, (performance.now() - t0) / 1000, label).slice(0, (process.stderr.columns ?? 100) - 1)}`);
    },
    clear() {
      if (enabled) process.stderr.write('\r\x1b[2K');
    },
  };
}

/** --jobs N: a whole number from 1 to 64; default the machine's cores. */
export function jobsOption(value: string | true | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= 64)) throw new PortalUsageError('--jobs 需要 1 到 64 之间的整数');
  return n;
}

export async function importCommand(paths: string[], out: Out, options: { store?: Store; progress?: boolean; jobs?: number } = {}): Promise<number> {
  if (paths.length === 0) throw new PortalUsageError('命令 import 需要文件或目录参数');
  const publications = collectPublications(paths);
  if (publications.length === 0) throw new PortalUsageError(`在 ${paths.join('、')} 中没有找到可读取的文件（PDF、XLSX、HTML、文本）`);
  const store = options.store ?? (await openStore());
  const bar = progressBar(publications.length, options.progress ?? !!process.stderr.isTTY);
  const tally = { created: 0, newVersion: 0, unchanged: 0, failed: 0, internal: 0 };
  // Stored file names are relative to the folders named here (never the operator's absolute path).
  const roots = directories(paths);
  const severities = { error: 0, warning: 0, info: 0 };
  const byCategory = new Map<string, number>();
  const report = async (i: number, r: FileOutcome) => {
    const name = publicationName(publications[i]!);
    if (!r.ok) {
      tally.failed++;
      if (r.internal) tally.internal++;
      out(`✗ ${name}：导入失败 — ${r.error}\n`);
      return;
    }
    tally[r.outcome]++;
    if (r.outcome !== 'unchanged') {
      for (const s of ['error', 'warning', 'info'] as const) severities[s] += r.counts[s];
      const data = await store.db.selectFrom('document_data').select('check_json').where('document_id', '=', r.id).executeTakeFirst();
      for (const f of (JSON.parse(data?.check_json ?? '{"findings":[]}') as { findings: { category: Category; severity: string }[] }).findings)
        if (f.severity !== 'info') byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
    }
    out(
      `✓ ${name}：${r.skipped ? SKIPPED : OUTCOME[r.outcome]}，编号 ${r.id}，第 ${r.version} 版；${SEVERITIES.error} ${r.counts.error}，${SEVERITIES.warning} ${r.counts.warning}，${SEVERITIES.info} ${r.counts.info}\n`,
    );
  };
  const t0 = performance.now();
  let done = 0;
  try {
    await importPublications(
      store,
      publications,
      async (i, r) => {
        bar.clear();
        await report(i, r);
        bar.draw(++done, publicationName(publications[i]!));
      },
      { jobs: options.jobs ?? availableParallelism(), roots, skipStored: true },
    );
    bar.clear();
    const seconds = (performance.now() - t0) / 1000;
    out(
      `\n导入完成：共 ${publications.length} 份，新建 ${tally.created}，新版本 ${tally.newVersion}，未变化 ${tally.unchanged}，失败 ${tally.failed}（${seconds.toFixed(1)} 秒）\n`,
    );
    out(`新导入文件的检查结果：错误 ${severities.error} 项，警告 ${severities.warning} 项，提示 ${severities.info} 项\n`);
    if (byCategory.size) out(`按类别（错误与警告）：${[...byCategory].map(([c, n]) => `${CATEGORIES[c as Category] ?? c} ${n}`).join('，')}\n`);
    // `npm start` serves a fresh example database, not this one: say which serves what was imported.
    out(`数据库：${store.location}（用 npx yusuan serve 查看；npm start 每次启动另建示例数据库 example.sqlite，不含这里导入的文件）\n`);
    if (tally.internal) out(`其中 ${tally.internal} 份因 yusuan 内部错误未能导入，请附上这些文件报告缺陷\n`);
    return tally.internal ? 3 : tally.failed > 0 ? 2 : 0;
  } finally {
    if (!options.store) await store.close();
  }
}

export async function exportCommand(flags: Map<string, string | true>, out: Out): Promise<number> {
  if (flags.has('reviews')) return (await import('./reviews.js')).exportReviews(flags, out);
  const { exportFacts, EXPORT_FORMATS } = await import('../store/export.js');
  const format = typeof flags.get('format') === 'string' ? (flags.get('format') as string) : 'json';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new PortalUsageError(`--format 只能是 ${EXPORT_FORMATS.join('、')}`);
  const filters = documentFilterFlags(flags);
  const store = await openStore();
  try {
    const result = await exportFacts(store, format as (typeof EXPORT_FORMATS)[number], filters);
    const target = flags.get('out');
    if (typeof target === 'string') {
      writeFileSync(target, result.body);
      out(`已导出 ${result.rows} 条数据到 ${target}\n`);
    } else if (typeof result.body === 'string') out(result.body);
    else {
      if (process.stdout.isTTY) throw new PortalUsageError('XLSX 是二进制文件，请用 --out <文件> 指定输出文件');
      process.stdout.write(result.body);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * `yusuan import --queue <name> <paths…>` (enqueue, then work) and `yusuan worker --queue <name>` (work):
 * several processes on several machines share one job list in PostgreSQL (store/queue.ts).
 */
export async function queueCommand(queue: string, paths: string[], jobs: number, out: Out): Promise<number> {
  if (!queue.trim()) throw new PortalUsageError('--queue 需要一个队列名称');
  const { ensureQueue, enqueue, queueStatus, work } = await import('../store/queue.js');
  if (!process.env.DATABASE_URL) throw new PortalUsageError('任务队列需要 PostgreSQL：请设置 DATABASE_URL（多台机器共用一个数据库）');
  const store = await openStore();
  try {
    await ensureQueue(store);
    if (paths.length) {
      const publications = collectPublications(paths);
      if (publications.length === 0) throw new PortalUsageError(`在 ${paths.join('、')} 中没有找到可读取的文件（PDF、XLSX、HTML、文本）`);
      const added = await enqueue(store, queue, publications, directories(paths));
      out(`队列 ${queue}：加入 ${added} 份（${publications.length - added} 份已在队列中）\n`);
    }
    const t0 = performance.now();
    let handled = 0;
    await work(
      store,
      queue,
      (job, r, state) => {
        handled++;
        if (r.ok)
          out(
            `✓ ${job.name}：${r.skipped ? SKIPPED : OUTCOME[r.outcome]}，编号 ${r.id}，第 ${r.version} 版；${SEVERITIES.error} ${r.counts.error}，${SEVERITIES.warning} ${r.counts.warning}，${SEVERITIES.info} ${r.counts.info}\n`,
          );
        else if (state === 'retry') out(`↻ ${job.name}：第 ${job.attempts} 次尝试失败，稍后重试 — ${r.error}\n`);
        else out(`✗ ${job.name}：导入失败 — ${r.error}\n`);
      },
      { jobs },
    );
    const s = await queueStatus(store, queue);
    out(
      `\n队列 ${queue}：完成 ${s.done}，失败 ${s.failed}，待处理 ${s.pending}，处理中 ${s.running}（本进程处理 ${handled} 份，${((performance.now() - t0) / 1000).toFixed(1)} 秒）\n`,
    );
    for (const f of s.failures) out(`  ✗ ${f.name}：${f.error}（尝试 ${f.attempts} 次）\n`);
    out(`数据库：${store.location}\n`);
    return s.failed ? 2 : 0;
  } finally {
    await store.close();
  }
}

function directories(paths: string[]): string[] {
  return paths.filter((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
}

/** The document filters given on the command line (--region, --year, …), as the export takes them. */
export function documentFilterFlags(flags: Map<string, string | true>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const k of ['region', 'level', 'year', 'kind', 'department', 'status', 'q']) {
    const v = flags.get(k);
    if (typeof v === 'string') filters[k] = v;
  }
  return filters;
}
