// Read and check files in a worker thread with a wall-clock and a heap limit. PDFs already get
// this inside the reader; XLSX (a small zip can unpack to a huge sheet), HTML and text get it here.

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../analysis.js';
import type { Disclosure } from '../model/types.js';
import { InputError } from '../read/errors.js';
import type { CheckInput, CheckOutput } from './check-worker.js';

export const CHECK_LIMITS = { timeoutMs: 90_000, maxMemoryMb: 1536 };

function workerSource(): string {
  const ts = fileURLToPath(import.meta.url).endsWith('.ts');
  const entry = new URL(ts ? './check-worker.ts' : './check-worker.js', import.meta.url).href;
  // From source (tests, tsx) the worker needs tsx's loader to import TypeScript.
  const steps = ts ? [`.then(() => import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).then((m) => m.register())`] : [];
  steps.push(`.then(() => import(${JSON.stringify(entry)}))`);
  return `Promise.resolve()${steps.join('')};`;
}

export async function checkIsolated(input: CheckInput, limits = CHECK_LIMITS): Promise<{ disclosure: Disclosure; analysis: Analysis }> {
  const worker = new Worker(workerSource(), { eval: true, workerData: input, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });
  let timer: NodeJS.Timeout | undefined;
  try {
    const out = await new Promise<CheckOutput>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new InputError(input.displayName, `读取超时（超过 ${limits.timeoutMs / 1000} 秒），文件可能过大或已损坏`)),
        limits.timeoutMs,
      );
      worker.once('message', resolve);
      worker.once('error', (e: Error & { code?: string }) =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new InputError(input.displayName, `读取时超出内存上限（${limits.maxMemoryMb} MB），文件可能过大或已损坏`) : e,
        ),
      );
      worker.once('exit', (code) => reject(new Error(`check worker exited with code ${code} before answering`)));
    });
    if (!out.ok) throw out.input ? new InputError(out.file, out.reason) : new Error(out.message);
    return { disclosure: out.disclosure, analysis: out.analysis };
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
