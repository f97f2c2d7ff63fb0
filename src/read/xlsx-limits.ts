// Limits on an XLSX before exceljs sees it. exceljs inflates and parses the whole workbook in memory:
// a zip bomb (a sheet that inflates to gigabytes) or a million-row sheet costs minutes and gigabytes
// before any reader can refuse it. So the zip is inflated here first, every entry with a hard cap on
// its output (the sizes the zip declares can lie), and the sheets' rows and cells are counted.

import { inflateRawSync } from 'node:zlib';
import { InputError } from './errors.js';

export const XLSX_LIMITS = {
  /** All entries together, inflated. */
  maxInflatedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  /** Over all sheets. */
  maxRows: 100_000,
  maxCells: 1_000_000,
};

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

/** Throws InputError when the workbook is larger than the limits (or not a readable zip: exceljs says so). */
export function checkXlsxLimits(bytes: Uint8Array, file: string, limits = XLSX_LIMITS): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: the last signature in the final 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) throw new InputError(file, `XLSX 包含的部件过多（${count} 个，上限 ${limits.maxEntries} 个）`);
  let inflated = 0;
  let rows = 0;
  let cells = 0;
  for (let k = 0; k < count && at + 46 <= buf.length && buf.readUInt32LE(at) === 0x02014b50; k++) {
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + compressed));
    const left = limits.maxInflatedBytes - inflated;
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8)
      try {
        content = inflateRawSync(data, { maxOutputLength: left + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(file, limits);
        continue; // a damaged entry: exceljs reports the file as damaged
      }
    else continue;
    inflated += content.length;
    if (inflated > limits.maxInflatedBytes) throw tooLarge(file, limits);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      rows += occurrences(content, '<row');
      cells += occurrences(content, '<c ') + occurrences(content, '<c>');
      if (rows > limits.maxRows) throw new InputError(file, `XLSX 行数过多（超过 ${limits.maxRows} 行），不像一份部门预算/决算公开表`);
      if (cells > limits.maxCells) throw new InputError(file, `XLSX 单元格过多（超过 ${limits.maxCells} 个），不像一份部门预算/决算公开表`);
    }
  }
}

function tooLarge(file: string, limits: typeof XLSX_LIMITS): InputError {
  return new InputError(file, `XLSX 解压后过大（超过 ${mb(limits.maxInflatedBytes)}），文件可能被恶意构造`);
}

function occurrences(buf: Buffer, needle: string): number {
  let n = 0;
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}
