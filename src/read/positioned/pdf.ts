// PDF → positioned text. pdf.js (pdfjs-dist 5.6.205, legacy build) runs in a worker thread with a
// wall-clock timeout and a heap limit, so a hostile or broken file can neither hang the caller nor
// exhaust its memory. The worker returns text items in page coordinates; this module groups them
// into lines by baseline and cuts the lines into tokens (tokens.ts).

import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { inSandbox } from '../isolation.js';
import { NATIVES_PREAMBLE } from './pdfjs-natives.js';
import type { ExtractFailure, RawFile, RawItem, RawPage } from './pdf-extract.js';
import type { WorkerInput, WorkerOutput } from './pdf-worker.js';
import { isNumberText, isSpace, isWide, normalizeText, splitTokens } from './tokens.js';
import type { PositionedDocument, PositionedLine, PositionedPage, Token } from './types.js';

export interface ReadPdfOptions {
  /** Most pages accepted over all files (default 400). */
  maxPages?: number;
  /** Wall-clock limit for the whole read, in ms (default 60 000). */
  timeoutMs?: number;
  /** Heap limit of the pdf.js worker, in MB (default 1024). */
  maxMemoryMb?: number;
}

export const PDF_DEFAULTS = { maxPages: 400, timeoutMs: 60_000, maxMemoryMb: 1024 } as const;

const REASON = {
  empty: '文件为空（0 字节）',
  notPdf: '不是 PDF 文件（缺少 %PDF 文件头）',
  encrypted: 'PDF 已加密，无法读取',
  corrupt: 'PDF 文件已损坏或不完整',
  noPages: 'PDF 文件已损坏或不完整（没有页面）',
  scanned: 'PDF 没有文字层（扫描件），无法读取，请提供带文字层的 PDF',
} as const;

/** Read one PDF, or the parts of one multi-part publication (pages concatenated in order). */
export async function readPdf(files: { name: string; bytes: Uint8Array }[], opts: ReadPdfOptions = {}): Promise<PositionedDocument> {
  const maxPages = opts.maxPages ?? PDF_DEFAULTS.maxPages;
  const timeoutMs = opts.timeoutMs ?? PDF_DEFAULTS.timeoutMs;
  const maxMemoryMb = opts.maxMemoryMb ?? PDF_DEFAULTS.maxMemoryMb;
  if (files.length === 0) throw new InputError('（无文件）', '没有给出 PDF 文件');
  for (const f of files) {
    if (f.bytes.length === 0) throw new InputError(f.name, REASON.empty);
    const head = Buffer.from(f.bytes.subarray(0, 1024)).toString('latin1');
    if (!head.includes('%PDF-')) throw new InputError(f.name, REASON.notPdf);
  }
  const label = files.map((f) => f.name).join('、');
  const raw = await runWorker({ files: files.map((f) => ({ name: f.name, bytes: f.bytes })), maxPages }, label, timeoutMs, maxMemoryMb);

  const hash = createHash('sha256');
  for (const f of files) hash.update(f.bytes);
  return buildDocument(raw, hash.digest('hex'));
}

/** Raw pages → PositionedDocument; throws for a file whose pages all lack a text layer. */
export function buildDocument(raw: RawFile[], sha256: string): PositionedDocument {
  const pages: PositionedPage[] = [];
  let line = 1;
  for (const f of raw) {
    if (f.pages.length === 0) throw new InputError(f.name, REASON.noPages);
    const first = pages.length;
    for (const rp of f.pages) {
      const number = pages.length + 1;
      const lines = pageLines(rp, number, line);
      line += lines.length;
      pages.push({ number, file: f.name, width: rp.width, height: rp.height, lines, imageOnly: isImageOnly(rp, lines) });
    }
    if (pages.slice(first).every((p) => p.imageOnly)) throw new InputError(f.name, REASON.scanned);
  }
  return { files: raw.map((f) => f.name), format: 'pdf', pages, sha256 };
}

/** No text at all, or an image with nothing but a page number on it. */
function isImageOnly(rp: RawPage, lines: PositionedLine[]): boolean {
  if (lines.length === 0) return true;
  if (!rp.hasImage) return false;
  const text = lines.flatMap((l) => l.tokens.map((t) => t.text)).join('');
  return /^[\s\d\-—–_/|.·第页共]*$/.test(text);
}

function failure(f: ExtractFailure, maxPages: number): InputError {
  switch (f.code) {
    case 'encrypted':
      return new InputError(f.file, REASON.encrypted);
    case 'corrupt':
      return new InputError(f.file, REASON.corrupt);
    case 'too-many-pages':
      return new InputError(f.file, `PDF 页数超过上限（本文件 ${f.pages} 页，全部文件合计上限 ${maxPages} 页）`);
  }
}

function workerSource(): string {
  const self = fileURLToPath(import.meta.url);
  const ts = self.endsWith('.ts');
  const entry = new URL(ts ? './pdf-worker.ts' : './pdf-worker.js', import.meta.url).href;
  // Load pdf.js natively first (it also sets globalThis.pdfjsWorker, so no fake-worker import later).
  // Running from source (tests, tsx), the worker then needs tsx's loader to import TypeScript; loading
  // pdf.js before registering it keeps tsx from transforming 3 MB of pdf.js (0.7 s).
  const steps = [import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'), import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')].map(
    (u) => `.then(() => import(${JSON.stringify(u)}))`,
  );
  if (ts) steps.push(`.then(() => import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).then((m) => m.register())`);
  steps.push(`.then(() => import(${JSON.stringify(entry)}))`);
  return `${NATIVES_PREAMBLE}Promise.resolve()${steps.join('')};`;
}

async function runWorker(input: WorkerInput, label: string, timeoutMs: number, maxMemoryMb: number): Promise<RawFile[]> {
  // A read sandbox (../sandbox.ts) already bounds this process: extract here, without a thread.
  if (inSandbox()) {
    const { ExtractError, extractPdfFiles } = await import('./pdf-extract.js');
    try {
      return await extractPdfFiles(input.files, input.maxPages);
    } catch (e) {
      if (e instanceof ExtractError) throw failure(e.failure, input.maxPages);
      throw e;
    }
  }
  const worker = new Worker(workerSource(), {
    eval: true,
    workerData: input,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const out = await new Promise<WorkerOutput>((resolve, reject) => {
      timer = setTimeout(() => reject(new InputError(label, `读取 PDF 超时（超过 ${Math.round(timeoutMs / 100) / 10} 秒），文件可能过大或已损坏`)), timeoutMs);
      worker.once('message', (m: WorkerOutput) => resolve(m));
      worker.once('error', (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new InputError(label, `读取 PDF 时超出内存上限（${maxMemoryMb} MB），文件可能过大或已损坏`));
        else reject(e);
      });
      worker.once('exit', (code) => reject(new Error(`PDF worker exited with code ${code} before answering`)));
    });
    if (!out.ok) throw failure(out.failure, input.maxPages);
    return out.files;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

// ---- lines and tokens -------------------------------------------------------------------------

/** A new token starts where the gap between text items exceeds this many font sizes. */
export const TOKEN_GAP_EM = 0.5;
/** A space is assumed between joined items when their gap exceeds this many font sizes. */
const SPACE_GAP_EM = 0.15;
/**
 * … or this many, between a number item and Chinese text: cells with little padding (011, 027 print
 * "0.00" 0.08 em before the next column's text; 023 a label 0.07 em before its amount).
 */
const NUMBER_SPACE_GAP_EM = 0.05;

function spaceGap(a: RawItem, b: RawItem): number {
  const wideAt = (s: string, end: boolean) => {
    const cps = [...s.trim()];
    const c = end ? cps[cps.length - 1] : cps[0];
    return c !== undefined && isWide(c.codePointAt(0)!);
  };
  const numberToText = isNumberText(a.str.trim()) && wideAt(b.str, false);
  const textToNumber = wideAt(a.str, true) && isNumberText(b.str.trim());
  return numberToText || textToNumber ? NUMBER_SPACE_GAP_EM : SPACE_GAP_EM;
}
/** Items whose baselines differ by at most this many font sizes share a line. */
const BASELINE_TOLERANCE_EM = 0.4;

/** Control characters and soft hyphens carry no text; a tab counts as a space. */
const stripControls = (s: string) => s.replace(/\p{Cc}/gu, (c) => (c === '\t' ? ' ' : '')).replace(/\u00ad/g, '');
const isBlank = (s: string) => [...s].every(isSpace);

interface Run {
  chars: string[];
  xs0: number[];
  xs1: number[];
  right: number;
}

/** Group a page's items into lines (by baseline), then cut each line into tokens. */
export function pageLines(rp: RawPage, page: number, firstLine: number): PositionedLine[] {
  const items = rp.items
    .map((it) => ({ ...it, str: stripControls(it.str) }))
    .filter((it) => it.str !== '')
    .sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: { ref: number; size: number; n: number; members: RawItem[] }[] = [];
  for (const it of items) {
    const blank = isBlank(it.str);
    const g = groups[groups.length - 1];
    if (g && it.baseline - g.ref <= BASELINE_TOLERANCE_EM * Math.min(it.size, g.size)) {
      g.members.push(it);
      if (!blank) {
        g.ref = (g.ref * g.n + it.baseline) / (g.n + 1);
        g.n++;
      }
    } else if (!blank) {
      groups.push({ ref: it.baseline, size: it.size, n: 1, members: [it] });
    }
  }
  const out: PositionedLine[] = [];
  for (const g of groups) {
    const members = g.members.sort((a, b) => a.x0 - b.x0);
    const visible = members.filter((m) => !isBlank(m.str));
    const tokens = lineTokens(members);
    if (tokens.length === 0) continue;
    const top = Math.min(...visible.map((m) => m.top));
    const bottom = Math.max(...visible.map((m) => m.bottom));
    const x0 = Math.min(...tokens.map((t) => t.x0));
    const x1 = Math.max(...tokens.map((t) => t.x1));
    out.push({
      page,
      y: r2(top),
      height: r2(bottom - top),
      tokens,
      line: firstLine + out.length,
      box: [r2(x0), r2(rp.height - bottom), r2(x1), r2(rp.height - top)],
    });
  }
  return out;
}

function lineTokens(members: RawItem[]): Token[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  let last: RawItem | null = null;
  let spaceBetween = false;
  for (const m of members) {
    if (isBlank(m.str)) {
      if (last) spaceBetween = true;
      continue;
    }
    // Fake bold: the same text drawn twice, slightly shifted.
    if (last && last.str === m.str && Math.abs(last.x0 - m.x0) < 0.3 * m.size) continue;
    const size = last ? Math.min(last.size, m.size) : m.size;
    if (run && last) {
      const gap = m.x0 - run.right;
      if (gap > TOKEN_GAP_EM * size) {
        runs.push(run);
        run = null;
      } else if ((spaceBetween || gap > spaceGap(last, m) * size) && !isSpace(run.chars[run.chars.length - 1]!) && !isSpace(m.str[0]!)) {
        run.chars.push(' ');
        run.xs0.push(run.right);
        run.xs1.push(Math.max(run.right, m.x0));
      }
    }
    run ??= { chars: [], xs0: [], xs1: [], right: -Infinity };
    appendItem(run, m);
    last = m;
    spaceBetween = false;
  }
  if (run) runs.push(run);
  const tokens: Token[] = [];
  for (const r of runs) {
    fixOverlaps(r);
    for (const { start, end } of splitTokens(r.chars)) {
      const text = normalizeText(r.chars.slice(start, end).join('')).trim();
      if (text) tokens.push({ text, x0: r2(r.xs0[start]!), x1: r2(r.xs1[end - 1]!) });
    }
  }
  return tokens;
}

/**
 * Some fonts report every glyph as 1 em wide while the text advances by half that (007 prints digits
 * as one-character items 9.2 pt wide, 4.6 pt apart). A character that runs past the start of the next
 * one ends there; the last character of the run gets the typical width of its kind.
 */
function fixOverlaps(r: Run): void {
  const n = r.chars.length;
  for (let i = 0; i + 1 < n; i++) if (r.xs1[i]! > r.xs0[i + 1]! && r.xs0[i + 1]! > r.xs0[i]!) r.xs1[i] = r.xs0[i + 1]!;
  if (n < 3) return;
  const wide = (c: string) => isWide(c.codePointAt(0)!);
  const last = r.chars[n - 1]!;
  const same = r.xs1
    .slice(0, n - 1)
    .map((x1, i) => ({ w: x1 - r.xs0[i]!, c: r.chars[i]! }))
    .filter((x) => !isSpace(x.c) && wide(x.c) === wide(last))
    .map((x) => x.w)
    .sort((a, b) => a - b);
  if (same.length < 2) return;
  const typical = same[Math.floor(same.length / 2)]!;
  if (r.xs1[n - 1]! - r.xs0[n - 1]! > 1.5 * typical) r.xs1[n - 1] = r.xs0[n - 1]! + typical;
}

/** Spread the item's width over its characters: wide (CJK) ≈ 1 em, others ≈ 0.5 em. */
function appendItem(run: Run, m: RawItem): void {
  const chars = [...m.str];
  if (!m.horizontal) {
    for (const c of chars) {
      run.chars.push(c);
      run.xs0.push(m.x0);
      run.xs1.push(m.x1);
    }
  } else {
    const weights = chars.map((c) => (c === '\u3000' || isWide(c.codePointAt(0)!) ? 1 : 0.5));
    const total = weights.reduce((s, w) => s + w, 0);
    const scale = total > 0 ? (m.x1 - m.x0) / total : 0;
    let x = m.x0;
    chars.forEach((c, i) => {
      const w = weights[i]! * scale;
      run.chars.push(c);
      run.xs0.push(x);
      run.xs1.push(x + w);
      x += w;
    });
  }
  run.right = Math.max(run.right, m.x1);
}

const r2 = (x: number) => Math.round(x * 100) / 100;
