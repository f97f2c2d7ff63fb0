// Bytes → text lines. Detects binary and unsupported formats from content (not the file name),
// decodes UTF-8 (with or without BOM) and GB18030/GBK, and strips markup that PDF-to-text
// converters leave in cells (<p>…</p>, **bold**).

import { InputError } from '../errors.js';

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type DetectedFormat = 'text' | 'pdf' | 'xlsx' | 'xls' | 'html' | 'binary';

export function sniffFormat(bytes: Uint8Array): DetectedFormat {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  const start = head.toString('utf8').trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'binary';
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  return controls > sample.length / 100 ? 'binary' : 'text';
}

export function decodeText(bytes: Uint8Array, file: string): string {
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new InputError(file, '文本编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）');
    }
  }
}

/** Clean one line: drop markup and normalise full-width spaces; cells stay tab-separated. */
export function cleanLine(line: string): string {
  return line
    .replace(/\r$/, '')
    .replace(/<\/?(p|span|div|br|b|strong|td|th|tr)\b[^>]*>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/\u3000/g, ' ')
    .replace(/&nbsp;/g, ' ');
}
