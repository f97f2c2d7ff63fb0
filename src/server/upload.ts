// Uploaded disclosures: written to a private temp directory with a size limit, their type told
// from their content, then read and checked in a child process with a memory cap and a deadline
// (read/sandbox.ts): a refused upload's memory dies with the child. The temp files are removed
// whatever happens.

import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Analysis } from '../analysis.js';
import type { Disclosure } from '../model/types.js';
import { InputError } from '../read/errors.js';
import { sniffFormat } from '../read/sniff.js';
import { loadProfiles } from '../profiles/registry.js';
import { readSandboxed } from '../read/sandbox.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

// Characters that are special in file names on some systems; control characters go too.
const UNSAFE = new Set('<>:"|?*');

/** A file name safe to use inside our temp directory and to show back (no path, no control chars). */
export function safeName(name: string | undefined, i: number): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !UNSAFE.has(c))
    .join('')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return clean || `upload-${i + 1}`;
}

export interface UploadLimits {
  /** Largest accepted file, bytes. */
  maxBytes: number;
  /** Uploads one client (IP address) may be sending at once. */
  perClient: number;
  /** Uploads being received at once over all clients (each holds a temp file). */
  receiving: number;
  /** Reads (child processes) at once: CPU-bound, so a few; the rest are told to come back. */
  reading: number;
  /** A client that sends nothing for this long loses its upload, ms. */
  stallMs: number;
}

export const UPLOAD_LIMITS: UploadLimits = { maxBytes: 20 * 1024 * 1024, perClient: 1, receiving: 16, reading: 2, stallMs: 15_000 };

// Slots are counted per client while a body is received, and globally only while a file is read:
// a client trickling its upload holds its own slot, never one that other clients need.
const byClient = new Map<string, number>();
let receiving = 0;
let reading = 0;

export interface Uploaded {
  disclosure: Disclosure;
  analysis: Analysis;
  names: string[];
}

/** Errors of the multipart parser (no boundary, a truncated body) that have no fastify code. */
function badMultipart(e: unknown): boolean {
  return e instanceof Error && !(e instanceof HttpError) && !(e as { code?: string }).code?.startsWith('FST_');
}

/** Read the multipart `file` field(s) of a request as one publication and check it. */
export async function readUpload(req: FastifyRequest, limits: UploadLimits): Promise<Uploaded> {
  if (!req.isMultipart()) throw new HttpError(415, '请以 multipart/form-data 上传文件（字段名 file）');
  const client = req.ip;
  if ((byClient.get(client) ?? 0) >= limits.perClient) throw new HttpError(429, '同一客户端同时只能上传一份文件，请等上一份完成后再试');
  if (receiving >= limits.receiving) throw new HttpError(503, '服务器正忙，请稍后再试');
  byClient.set(client, (byClient.get(client) ?? 0) + 1);
  receiving++;
  let received = false;
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-upload-'));
  // A client that stops sending loses its upload (and its slot) after stallMs without a byte.
  let stall: NodeJS.Timeout | undefined;
  let onStall: (e: HttpError) => void = () => {};
  const stalled = new Promise<never>((_, reject) => (onStall = reject));
  const watch = () => {
    clearTimeout(stall);
    stall = setTimeout(() => onStall(new HttpError(408, `上传中断：超过 ${Math.round(limits.stallMs / 1000)} 秒没有收到数据`)), limits.stallMs);
  };
  try {
    const paths: string[] = [];
    const names: string[] = [];
    const receive = async () => {
      for await (const part of req.files({ limits: { fileSize: limits.maxBytes, files: 8 } })) {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new HttpError(400, `未知的上传字段“${safeName(part.fieldname, 0)}”，文件字段名应为 file`);
        }
        const name = safeName(part.filename, paths.length);
        const unique = names.includes(name) ? `${paths.length + 1}-${name}` : name;
        const path = join(dir, unique);
        part.file.on('data', watch);
        await pipeline(part.file, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
        if (part.file.truncated) throw new HttpError(413, `文件过大（上限 ${Math.floor(limits.maxBytes / 1048576)} MB）`);
        paths.push(path);
        names.push(unique);
      }
    };
    watch();
    const receiving = receive();
    // The loop of a stalled upload settles when its connection closes; nobody waits for it then.
    receiving.catch(() => {});
    try {
      await Promise.race([receiving, stalled]);
    } catch (e) {
      if (badMultipart(e)) throw new HttpError(400, '上传内容不是完整有效的 multipart/form-data（缺少分隔符或内容被截断）');
      throw e;
    } finally {
      clearTimeout(stall);
    }
    received = true;
    release(client);
    if (paths.length === 0) throw new HttpError(400, '没有收到文件（字段名 file）');
    for (const [i, p] of paths.entries()) {
      const fh = await open(p, 'r');
      const head = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      await fh.close();
      if (bytesRead === 0) throw new HttpError(422, `${names[i]}：文件为空`);
      const format = sniffFormat(head.subarray(0, bytesRead));
      if (format === 'xls') throw new HttpError(415, `${names[i]}：暂不支持旧版 .xls，请另存为 .xlsx`);
      if (format === 'binary') throw new HttpError(415, `${names[i]}：不支持的文件类型，请上传 PDF、XLSX、HTML 或文本文件`);
    }
    if (reading >= limits.reading) throw new HttpError(503, '服务器正忙，请稍后再试');
    reading++;
    try {
      const { result, analysis } = await readSandboxed({ paths, analyse: true, displayName: names.join('、') }, loadProfiles(IDENTITY_RULE_IDS));
      return { disclosure: result.disclosure, analysis: analysis!, names };
    } catch (e) {
      if (e instanceof InputError) throw new HttpError(422, `${e.file.split(`${dir}/`).join('')}：${e.reason}`);
      throw e;
    } finally {
      reading--;
    }
  } finally {
    if (!received) release(client);
    await rm(dir, { recursive: true, force: true });
  }
}

function release(client: string): void {
  receiving--;
  const n = (byClient.get(client) ?? 1) - 1;
  if (n > 0) byClient.set(client, n);
  else byClient.delete(client);
}
