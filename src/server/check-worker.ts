// Worker thread entry: read and check uploaded files (check-isolated.ts starts it with a time and
// heap limit, so no upload, whatever its format, can hang the server or exhaust its memory).

import { parentPort, workerData } from 'node:worker_threads';
import { analyse, type Analysis } from '../analysis.js';
import type { Disclosure } from '../model/types.js';
import { loadProfiles } from '../profiles/registry.js';
import { InputError } from '../read/errors.js';
import { readDisclosureFiles } from '../read/index.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';

export interface CheckInput {
  paths: string[];
  /** The name each file is shown under (the uploaded name, not the temp path). */
  displayName: string;
}

export type CheckOutput =
  | { ok: true; disclosure: Disclosure; analysis: Omit<Analysis, 'findings'> & { findings: Analysis['findings'] } }
  | { ok: false; input: true; file: string; reason: string }
  | { ok: false; input: false; message: string };

async function main(input: CheckInput): Promise<CheckOutput> {
  try {
    const result = await readDisclosureFiles(input.paths, { profiles: loadProfiles(IDENTITY_RULE_IDS) });
    result.disclosure.meta.source.file = input.displayName;
    return { ok: true, disclosure: result.disclosure, analysis: analyse(result) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, input: true, file: e.file, reason: e.reason };
    return { ok: false, input: false, message: e instanceof Error ? e.message : String(e) };
  }
}

if (parentPort) parentPort.postMessage(await main(workerData as CheckInput));
