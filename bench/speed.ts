// Speed of one PDF and of a whole folder (`npm run bench`, or `npx tsx bench/speed.ts` alone after a build).
// Prints numbers; asserts nothing. Both wall-clock time and CPU time are given: on a shared machine the
// wall clock measures the neighbours too, CPU time (user + system, children included) what yusuan costs.
//  1. where the time of one `yusuan check` goes, for a typical and a large PDF (bench/check-split.mjs)
//  2. `yusuan check` and the in-process read + check against `pdftotext -layout`, alternating file by file
//  3. `yusuan import --jobs 1` and `--jobs 2` on ../shared/wild: throughput and peak RSS per process
// Options: --files N (PDFs of the corpus in part 2, default all), --wild N (PDFs of wild in part 3,
// default 30, evenly spread; --wild all for the 175), --skip-import.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/yusuan.js');
const PROBE = join(ROOT, 'bench/check-split.mjs');
const CORPUS = join(ROOT, '../shared/corpus/pdf');
const WILD = join(ROOT, '../shared/wild/pdf');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const f0 = (x: number) => x.toFixed(0);

/** CPU time (ms) of this process's waited-for children and their descendants, from /proc. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in ticks of 10 ms
}

/** Run a command to the end: wall and CPU milliseconds. */
function timed(cmd: string, args: string[]): { wall: number; cpu: number; stdout: string; status: number | null } {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
  return { wall: performance.now() - t0, cpu: childrenCpuMs() - c0, stdout: r.stdout, status: r.status };
}

interface Split {
  start: number;
  load: number;
  pdf: number;
  grid: number;
  interpret: number;
  rules: number;
  output: number;
  cpu: Record<string, number>;
  findings: number;
  peakRssMb: number;
}

function probe(file: string): Split & { wall: number; cpuTotal: number } {
  const r = timed(process.execPath, [PROBE, file]);
  if (r.status !== 0) throw new Error(`check-split failed on ${file}`);
  return { ...(JSON.parse(r.stdout) as Split), wall: r.wall, cpuTotal: r.cpu };
}

if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('先运行 npm run build（bench/speed.ts 测量编译后的代码）');
if (!existsSync(CORPUS)) {
  console.log(`跳过速度测量：找不到 ${CORPUS}`);
  process.exit(0);
}
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`\n== 速度（${new Date().toISOString().slice(0, 16)}Z，负载 ${load()}）==`);

// ---- 1. one check, stage by stage ----
const SAMPLES = [
  ['典型', '015-hangzhou-gonganju-2026-budget.pdf'],
  ['大型', '046-guangzhou-shengtaihuanjingju-2026-project-perf-targets.pdf'],
] as const;
const STAGES = [
  ['start', 'node 启动'],
  ['load', '模块加载（模板、规则、pdf.js）'],
  ['pdf', 'pdf.js 解析与文字提取'],
  ['grid', '分行分词、模板识别、表格网格'],
  ['interpret', '解释与读取评估'],
  ['rules', '规则与摘要'],
  ['output', '输出（文本报告与 JSON）'],
] as const;
const rows: string[][] = [];
const head = ['阶段'];
const columns: number[][] = [];
for (const [label, name] of SAMPLES) {
  const file = join(CORPUS, name);
  const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? '?';
  head.push(`${label}（${name.slice(0, 3)}，${pages} 页）墙钟 ms`, 'CPU ms');
  const runs = [0, 1, 2].map(() => probe(file));
  const cli = [0, 1, 2].map(() => timed(process.execPath, [BIN, 'check', file, '--format', 'json']));
  const version = [0, 1, 2].map(() => timed(process.execPath, [BIN, '--version']));
  const col: number[] = [];
  const cpuCol: number[] = [];
  for (const [key] of STAGES) {
    col.push(median(runs.map((r) => r[key])));
    cpuCol.push(median(runs.map((r) => r.cpu[key]!)));
  }
  const cliWall = median(cli.map((r) => r.wall));
  const cliCpu = median(cli.map((r) => r.cpu));
  const parentWall = median(version.map((r) => r.wall));
  const parentCpu = median(version.map((r) => r.cpu));
  const sumWall = col.reduce((a, b) => a + b, 0);
  const sumCpu = cpuCol.reduce((a, b) => a + b, 0);
  columns.push([parentWall, ...col, cliWall - parentWall - sumWall, cliWall], [parentCpu, ...cpuCol, cliCpu - parentCpu - sumCpu, cliCpu]);
  console.log(`${label}：${name}，${runs[0]!.findings} 条发现，读取子进程峰值 RSS ${runs[0]!.peakRssMb} MB`);
}
const labels = [
  '命令行进程启动与模块加载（yusuan --version）',
  ...STAGES.map(([, l]) => `读取子进程：${l}`),
  '其余（进程间传输、报告）',
  '整个 yusuan check 进程',
];
labels.forEach((l, i) => rows.push([l, ...columns.map((c) => f0(c[i]!))]));
console.log(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);

// ---- 2. against pdftotext, alternating ----
if (hasPdftotext) {
  const all = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  const n = Number(arg('files')) || all.length;
  const files = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / n)) === 0).slice(0, n);
  const ratios = { cliWall: [] as number[], cliCpu: [] as number[], inWall: [] as number[], inCpu: [] as number[] };
  const tmp = mkdtempSync(join(tmpdir(), 'yusuan-speed-'));
  for (const name of files) {
    const file = join(CORPUS, name);
    const p = timed('pdftotext', ['-layout', file, join(tmp, 'out.txt')]);
    const c = timed(process.execPath, [BIN, 'check', file, '--format', 'json']);
    const s = probe(file);
    const inWall = s.pdf + s.grid + s.interpret + s.rules;
    const inCpu = s.cpu.pdf! + s.cpu.grid! + s.cpu.interpret! + s.cpu.rules!;
    ratios.cliWall.push(c.wall / p.wall);
    ratios.cliCpu.push(c.cpu / Math.max(p.cpu, 10));
    ratios.inWall.push(inWall / p.wall);
    ratios.inCpu.push(inCpu / Math.max(p.cpu, 10));
  }
  rmSync(tmp, { recursive: true, force: true });
  const r = (xs: number[]) => `${median(xs).toFixed(1)}×（${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}）`;
  console.log(`\n相对 pdftotext -layout（语料 ${files.length} 个 PDF，逐个交替运行；中位数，括号内最小–最大；CPU 时间以 10 ms 计）：`);
  console.log(`  整个 yusuan check 进程：墙钟 ${r(ratios.cliWall)}，CPU ${r(ratios.cliCpu)}  目标 ≤ 5×`);
  console.log(`  进程内读取 + 检查：墙钟 ${r(ratios.inWall)}，CPU ${r(ratios.inCpu)}  目标 ≤ 3×`);
}

// ---- 3. import throughput ----
if (!process.argv.includes('--skip-import') && existsSync(WILD)) {
  const all = readdirSync(WILD)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  const want = arg('wild') === 'all' ? all.length : Number(arg('wild')) || 30;
  const step = all.length / want;
  const picked = Array.from({ length: want }, (_, i) => all[Math.floor(i * step)]!);
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-speed-wild-'));
  for (const f of picked) spawnSync('ln', ['-s', join(WILD, f), join(dir, f)]);
  console.log(`\n导入吞吐量（../shared/wild 中均匀选取的 ${picked.length} 个 PDF，SQLite，每次新数据库）：`);
  let base = 0;
  for (const jobs of [1, 2]) {
    const data = mkdtempSync(join(tmpdir(), 'yusuan-speed-data-'));
    const r = await importRun(dir, data, jobs);
    rmSync(data, { recursive: true, force: true });
    const rate = (picked.length / r.wall) * 60000;
    if (jobs === 1) base = rate;
    console.log(
      `  --jobs ${jobs}：${(r.wall / 1000).toFixed(1)} 秒，${rate.toFixed(1)} 份/分钟${jobs > 1 ? `（${(rate / base).toFixed(2)} 倍于 --jobs 1）` : ''}；CPU ${(r.cpu / 1000).toFixed(1)} 秒；峰值 RSS：写入进程 ${r.writerMb} MB，读取子进程最大 ${r.childMb} MB（中位 ${r.childMedianMb} MB）`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

/** One `yusuan import --jobs N` run; RSS of the process and its read children sampled from /proc. */
async function importRun(
  dir: string,
  data: string,
  jobs: number,
): Promise<{ wall: number; cpu: number; writerMb: number; childMb: number; childMedianMb: number }> {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'import', dir, '--jobs', String(jobs)], {
    env: { ...process.env, NODE_OPTIONS: '', YUSUAN_DATA_DIR: data, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const peak = new Map<number, number>();
  const sample = () => {
    const parentOf = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
        parentOf.set(Number(name), Number(stat[1]));
        rss.set(Number(name), (Number(stat[21]) * 4096) / 1048576);
      } catch {
        // gone meanwhile
      }
    }
    const mine = (pid: number): boolean => pid === child.pid || (parentOf.has(pid) && pid !== 1 && mine(parentOf.get(pid)!));
    for (const [pid, mb] of rss) if (mine(pid)) peak.set(pid, Math.max(peak.get(pid) ?? 0, mb));
  };
  const timer = setInterval(sample, 100);
  await new Promise((r) => child.once('exit', r));
  clearInterval(timer);
  const wall = performance.now() - t0;
  const writer = peak.get(child.pid!) ?? 0;
  // The read children: node processes of their own (a /bin/sh wrapper holds each for a moment at ~1 MB).
  const kids = [...peak].filter(([pid, mb]) => pid !== child.pid && mb > 20).map(([, mb]) => mb);
  return {
    wall,
    cpu: childrenCpuMs() - c0,
    writerMb: Math.round(writer),
    childMb: Math.round(Math.max(0, ...kids)),
    childMedianMb: Math.round(kids.length ? median(kids) : 0),
  };
}
