// Reading untrusted files in a child process with hard limits. A file's parser can allocate without
// bound (a flate bomb in a PDF, a zip bomb in an XLSX, a huge HTML table), and V8's heap limit does not
// cover typed arrays. So every read the CLI, the import and the server do of a file someone gave runs
// in a separate node process whose data segment (RLIMIT_DATA: heap, typed arrays, every malloc; not the
// address space, which V8 and WebAssembly reserve without using) is capped, with a wall-clock
// deadline. When the child dies, its memory goes with it: the caller never keeps a refused file's.

import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../analysis.js';
import type { Disclosure } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { RenderInputs } from '../render/inputs.js';
import { InputError } from './errors.js';
import { NATIVES_PREAMBLE } from './positioned/pdfjs-natives.js';
import type { ReadResult } from './index.js';

export interface SandboxLimits {
  /** Cap of the child's data segment (everything it allocates), MB. */
  maxMemoryMb: number;
  /** Wall-clock limit of the whole read (start-up included), ms. */
  timeoutMs: number;
}

/** Defaults, overridable by YUSUAN_READ_MAX_MB and YUSUAN_READ_TIMEOUT_S. */
export function sandboxLimits(env: NodeJS.ProcessEnv = process.env): SandboxLimits {
  const mb = Number(env.YUSUAN_READ_MAX_MB);
  const s = Number(env.YUSUAN_READ_TIMEOUT_S);
  return {
    maxMemoryMb: Number.isFinite(mb) && mb >= 256 ? Math.floor(mb) : 2048,
    timeoutMs: Number.isFinite(s) && s > 0 ? Math.round(s * 1000) : 120_000,
  };
}

export interface SandboxRequest {
  paths: string[];
  profileId?: string | undefined;
  /** Run the rules and the summary in the child too (findings carry their pages). */
  analyse?: boolean;
  /** The name the files are shown under in the model and in messages (e.g. the uploaded name). */
  displayName?: string | undefined;
}

export type SandboxReply =
  | { ok: true; disclosure: Disclosure; profileId: string; inputs?: RenderInputs; analysis?: Analysis }
  | { ok: false; input: true; file: string; reason: string }
  | { ok: false; input: false; message: string };

export interface SandboxResult {
  result: ReadResult;
  analysis?: Analysis;
}

function isPdf(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(1024);
      const n = readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, n).includes('%PDF-', 0, 'latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The child's program: pdf.js loaded natively first when a PDF is read from source (tsx would
 *  transform 3 MB of it), then tsx's loader when running from source, then the child entry. */
function childSource(preloadPdf: boolean): string {
  const ts = fileURLToPath(import.meta.url).endsWith('.ts');
  const entry = new URL(ts ? './sandbox-child.ts' : './sandbox-child.js', import.meta.url).href;
  const steps: string[] = [];
  // pdf.js loaded before the natives are kept would keep its slow replacements (pdfjs-natives.ts).
  const preamble = ts && preloadPdf ? NATIVES_PREAMBLE : '';
  if (ts && preloadPdf)
    for (const m of ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'])
      steps.push(`.then(() => import(${JSON.stringify(import.meta.resolve(m))}))`);
  if (ts) steps.push(`.then(() => import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).then((m) => m.register())`);
  steps.push(`.then(() => import(${JSON.stringify(entry)}))`);
  return `${preamble}Promise.resolve()${steps.join('')};`;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}`;

/**
 * Read (and optionally check) one publication in a limited child process. Input problems, a file that
 * exceeds the memory or time limit, and a parser that breaks on a malformed file all come back as
 * InputError naming the file; only a failure of yusuan itself is a plain Error.
 */
export async function readSandboxed(request: SandboxRequest, profiles: Profile[], limits: SandboxLimits = sandboxLimits()): Promise<SandboxResult> {
  const label = request.displayName ?? request.paths.join('、');
  // The heap gets most of the budget; typed arrays and native memory count against the same cap.
  const heapMb = Math.max(128, Math.floor(limits.maxMemoryMb * 0.75));
  const node = [process.execPath, `--max-old-space-size=${heapMb}`, '--input-type=module', '-e', childSource(request.paths.some(isPdf))];
  const child = spawn('/bin/sh', ['-c', `ulimit -d ${limits.maxMemoryMb * 1024} && exec "$@"`, 'sh', ...node], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => {
    if (stderr.length < 8192) stderr += s;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limits.timeoutMs);
  try {
    const reply = await new Promise<SandboxReply | null>((resolve, reject) => {
      child.once('message', (m: SandboxReply) => resolve(m));
      child.once('error', reject);
      child.once('close', () => resolve(null));
      child.once('spawn', () => child.send(request));
    });
    if (timedOut) throw new InputError(label, `读取超时（超过 ${seconds(limits.timeoutMs)} 秒），文件可能过大或已损坏`);
    if (!reply)
      // The child died without answering: V8 aborted on its heap limit, or an allocation hit the cap.
      throw new InputError(label, `读取时超出内存上限（${limits.maxMemoryMb} MB），文件可能过大、被恶意构造或已损坏`);
    if (!reply.ok) throw reply.input ? new InputError(reply.file, reply.reason) : new Error(`${reply.message}${stderr ? `\n${stderr}` : ''}`);
    const profile = profiles.find((p) => p.id === reply.profileId);
    if (!profile) throw new Error(`sandbox read with unknown profile ${reply.profileId}`);
    const result: ReadResult = { disclosure: reply.disclosure, profile, ...(reply.inputs ? { inputs: reply.inputs } : {}) };
    return { result, ...(reply.analysis ? { analysis: reply.analysis } : {}) };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
