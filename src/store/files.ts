// Files and folders → publications → imported versions. A folder contributes its readable files
// (PDF, XLSX, HTML, text by extension); files named `…-part1.pdf`, `…-part2.pdf` are the parts of
// one publication and are read together, as `yusuan check part1 part2` does.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import type { Analysis } from '../analysis.js';
import type { Disclosure } from '../model/types.js';
import { loadProfiles } from '../profiles/registry.js';
import { InputError } from '../read/errors.js';
import { readSandboxed } from '../read/sandbox.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import type { Store } from './db.js';
import { importAnalysed, TemplateNotImported, type ImportResult } from './import.js';

const READABLE = new Set(['.pdf', '.xlsx', '.html', '.htm', '.txt', '.text', '.tsv']);

/** Publications to import: each a list of files read as one disclosure. */
export function collectPublications(paths: string[]): string[][] {
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      files.push(p); // the reader reports the missing file with its name
      continue;
    }
    if (isDir) files.push(...walk(p));
    else files.push(p);
  }
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const m = /^(.*?)[-_]?part(\d+)(\.[^.]+)$/i.exec(f);
    const key = m ? `${m[1]}${m[3]}` : f;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (READABLE.has(extname(name).toLowerCase())) out.push(p);
  }
  return out;
}

export type FileOutcome = ({ ok: true; skipped?: true } & ImportResult) | { ok: false; error: string; internal?: boolean };
export type ReadOutcome = { ok: true; disclosure: Disclosure; analysis: Analysis } | { ok: false; error: string; internal?: boolean };

/**
 * The name a file is stored under: its path relative to the folder given on the command line that
 * holds it, or its bare name. The operator's own directories are nobody else's business, and the
 * API shows this name to everyone.
 */
export function sourceName(file: string, roots: string[] = []): string {
  const abs = resolve(file);
  for (const root of roots) {
    const r = resolve(root);
    if (abs.startsWith(r + sep)) return relative(r, abs).split(sep).join('/');
  }
  return basename(file);
}

/** The name a publication's files are stored and reported under. */
export const displayNameOf = (files: string[], roots: string[] = []) => files.map((f) => sourceName(f, roots)).join('、');

/** Read and check one publication in a limited child process (read/sandbox.ts). Input problems come
 *  back as a zh-CN message, not a throw; so do failures of yusuan itself (marked `internal`), so one
 *  bad file does not stop an import of many. */
export async function readPublication(files: string[], roots: string[] = [], displayName = displayNameOf(files, roots)): Promise<ReadOutcome> {
  try {
    const { result, analysis } = await readSandboxed({ paths: files, analyse: true, displayName }, loadProfiles(IDENTITY_RULE_IDS));
    return { ok: true, disclosure: result.disclosure, analysis: analysis! };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: `${e.file}：${e.reason}` };
    return { ok: false, internal: true, error: `内部错误：${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Store one read publication; a failure of the database is that publication's outcome, so the
 *  others of a folder are still tried. */
export async function save(store: Store, disclosure: Disclosure, analysis: Analysis): Promise<FileOutcome> {
  try {
    return { ok: true, ...(await importAnalysed(store, disclosure, analysis)) };
  } catch (e) {
    if (e instanceof TemplateNotImported) return { ok: false, error: e.message };
    return { ok: false, internal: true, error: `保存到数据库失败：${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Read, check and import one publication. */
export async function importPublication(store: Store, files: string[], roots: string[] = []): Promise<FileOutcome> {
  const r = await readPublication(files, roots);
  return r.ok ? save(store, r.disclosure, r.analysis) : r;
}

/** Hashes the stored version of these files may carry (meta.source.sha256), computed from the bytes
 *  without reading them: the hash of all bytes (PDF, XLSX, text, UTF-8 HTML) and, for a publication in
 *  several non-PDF parts, the parts' hashes joined. A file decoded before hashing (GBK text) matches
 *  neither and is read again; the import then finds it unchanged. */
export function candidateHashes(files: string[]): string[] {
  try {
    const all = createHash('sha256');
    const parts: string[] = [];
    for (const f of files) {
      const bytes = readFileSync(f);
      all.update(bytes);
      parts.push(createHash('sha256').update(bytes).digest('hex'));
    }
    return [...new Set([all.digest('hex'), parts.join('')])];
  } catch {
    return []; // the reader reports the missing file with its name
  }
}

/** The stored version with one of these hashes, as an import outcome; null when none is stored. */
export async function storedOutcome(store: Store, hashes: string[]): Promise<FileOutcome | null> {
  if (!hashes.length) return null;
  const row = await store.db
    .selectFrom('documents')
    .select(['id', 'version', 'status', 'errors', 'warnings', 'infos'])
    .where('sha256', 'in', hashes)
    .orderBy('latest', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const counts = { error: row.errors, warning: row.warnings, info: row.infos };
  return { ok: true, id: row.id, version: row.version, outcome: 'unchanged', status: row.status as ImportResult['status'], counts, skipped: true };
}

export interface ImportOptions {
  /** Reads (child processes) in flight at once; default 2. */
  jobs?: number;
  /** Folders named by the user: stored names are relative to them. */
  roots?: string[];
  /** Skip a publication whose bytes are already stored (sha256), without reading it. */
  skipStored?: boolean;
  /** A publication's read starts. */
  onStart?: (index: number) => void;
}

/**
 * Import many publications: `jobs` reads and checks in flight at once, each in its own limited child
 * process (every core busy), and one writer that stores them one at a time, each in one transaction
 * (all or nothing per publication). Outcomes are reported as they are stored; a file that cannot be
 * read is reported and the others are still imported.
 */
export async function importPublications(
  store: Store,
  publications: string[][],
  onOutcome: (index: number, outcome: FileOutcome) => void | Promise<void>,
  options: ImportOptions = {},
): Promise<void> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? 2));
  const roots = options.roots ?? [];
  let next = 0;
  // The single writer: saves and reports run strictly one after another.
  let writer: Promise<void> = Promise.resolve();
  const write = (task: () => Promise<void>) => (writer = writer.then(task));
  const lane = async () => {
    for (let i = next++; i < publications.length; i = next++) {
      const files = publications[i]!;
      if (options.skipStored) {
        const stored = await storedOutcome(store, candidateHashes(files));
        if (stored) {
          await write(async () => onOutcome(i, stored));
          continue;
        }
      }
      options.onStart?.(i);
      const r = await readPublication(files, roots);
      await write(async () => onOutcome(i, r.ok ? await save(store, r.disclosure, r.analysis) : r));
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, publications.length) }, lane));
  await writer;
}

export const publicationName = (files: string[]) => files.map((f) => basename(f)).join(' + ');
