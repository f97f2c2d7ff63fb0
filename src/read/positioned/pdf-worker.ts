// Worker-thread entry of the PDF reader (started by pdf.ts). Receives the files, posts back either
// the raw pages or the reason for failing; pdf.ts bounds its time and memory and terminates it.

import { parentPort, workerData } from 'node:worker_threads';
import { ExtractError, extractPdfFiles, type ExtractFailure, type RawFile } from './pdf-extract.js';

export interface WorkerInput {
  files: { name: string; bytes: Uint8Array }[];
  maxPages: number;
}

export type WorkerOutput = { ok: true; files: RawFile[] } | { ok: false; failure: ExtractFailure };

async function main(): Promise<void> {
  const input = workerData as WorkerInput;
  let out: WorkerOutput;
  try {
    out = { ok: true, files: await extractPdfFiles(input.files, input.maxPages) };
  } catch (e) {
    if (!(e instanceof ExtractError)) throw e;
    out = { ok: false, failure: e.failure };
  }
  parentPort!.postMessage(out);
}

await main();
