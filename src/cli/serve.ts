// `yusuan serve`: the portal on the configured store. `--example` (what `npm start` runs) starts
// from a fresh embedded database (data/example.sqlite) loaded with the reference example, then
// imports ../shared/corpus in the background once the server is listening.

import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.js';
import { envStoreOptions, openStore } from '../store/db.js';
import { collectPublications, importPublication, importPublications, publicationName } from '../store/files.js';
import { PortalUsageError } from './portal.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE = join(ROOT, 'fixtures/seed/000_33d948831ce53c8e.txt');
const CORPUS = resolve(ROOT, '../shared/corpus');

type Out = (s: string) => void;

export async function serveCommand(flags: Map<string, string | true>, out: Out): Promise<number> {
  const portFlag = flags.get('port');
  const port = portFlag === undefined ? 8080 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PortalUsageError('--port 应为 0–65535 之间的整数');
  const host = typeof flags.get('host') === 'string' ? (flags.get('host') as string) : '127.0.0.1';
  const example = flags.has('example');
  const env = envStoreOptions();
  let options = env;
  if (example && !env.databaseUrl) {
    const dir = resolve(env.dataDir ?? join(process.cwd(), 'data'));
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `example.sqlite${suffix}`), { force: true });
    options = { ...env, dataDir: dir, file: 'example.sqlite' };
  }
  const store = await openStore(options);
  if (example) {
    const r = await importPublication(store, [EXAMPLE], [ROOT]);
    out(r.ok ? `已导入例子：编号 ${r.id}（错误 ${r.counts.error}，警告 ${r.counts.warning}）\n` : `例子导入失败：${r.error}\n`);
  }
  const app = await buildApp({
    store,
    token: process.env.YUSUAN_API_TOKEN || undefined,
    webDir: join(ROOT, 'web/dist'),
    uploadMaxBytes: uploadLimit(),
    trustProxy: trustProxy(process.env.YUSUAN_TRUST_PROXY),
    logErrors: true,
  });
  let address: string;
  try {
    address = await app.listen({ port, host });
  } catch (e) {
    await store.close();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new PortalUsageError(`端口 ${port} 已被占用，请用 --port 指定其他端口`);
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new PortalUsageError(`无法在 ${host}:${port} 上监听（${code}）`);
    throw e;
  }
  const url = address.replace('://127.0.0.1', '://localhost');
  out(`yusuan 门户已启动：${url}/  （接口文档 ${url}/api/docs；数据库 ${store.location}）\n`);
  if (example && !env.databaseUrl)
    out(
      '这是每次启动都重新建立的示例数据库；yusuan import 导入的文件在 data/yusuan.sqlite（或 YUSUAN_DATA_DIR、DATABASE_URL 指定的数据库），用 npx yusuan serve 查看\n',
    );
  if (!process.env.YUSUAN_API_TOKEN) out('未设置 YUSUAN_API_TOKEN：只读（导入、删除已关闭）\n');
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) out('网页界面尚未构建（web/dist），首页显示文档列表\n');
  if (example && existsSync(CORPUS)) void importCorpus(store, out);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Keep running until stopped.
  await new Promise(() => {});
  return 0;
}

/** YUSUAN_TRUST_PROXY: `true` (any proxy), a number of proxy hops, or addresses/CIDRs separated by commas. */
export function trustProxy(value: string | undefined): boolean | number | string | undefined {
  const v = value?.trim();
  if (!v || v === 'false' || v === '0') return undefined;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const parts = v.split(',').map((p) => p.trim());
  if (parts.every((p) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p) || p === 'loopback' || p === 'linklocal' || p === 'uniquelocal')) return parts.join(',');
  throw new PortalUsageError(`YUSUAN_TRUST_PROXY 应为 true、代理层数或以逗号分隔的地址（如 127.0.0.1,10.0.0.0/8），而不是“${v}”`);
}

function uploadLimit(): number | undefined {
  const mb = Number(process.env.YUSUAN_UPLOAD_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1048576) : undefined;
}

/** The corpus's published files (PDF, XLSX), two reads in flight, while the portal already serves. */
async function importCorpus(store: Awaited<ReturnType<typeof openStore>>, out: Out): Promise<void> {
  const dir = existsSync(join(CORPUS, 'pdf')) ? join(CORPUS, 'pdf') : CORPUS;
  const pubs = collectPublications([relative(process.cwd(), dir)]);
  out(`后台导入 ${dir} 中的 ${pubs.length} 份公开文件…\n`);
  const t0 = performance.now();
  let ok = 0;
  await importPublications(
    store,
    pubs,
    (i, r) => {
      if (r.ok) ok++;
      else out(`  未导入 ${publicationName(pubs[i]!)}：${r.error}\n`);
    },
    { roots: [dir], skipStored: true },
  ).catch((e: unknown) => out(`  后台导入中止：${e instanceof Error ? e.message : String(e)}\n`));
  out(`后台导入完成：${ok}/${pubs.length} 份，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒\n`);
}
