// Bytes → text lines. Detects binary and unsupported formats from content (not the file name),
// decodes UTF-8 (with or without BOM) and GB18030/GBK, and strips markup that PDF-to-text
// converters leave in cells (<p>…</p>, **bold**).

import { InputError } from '../errors.js';

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

// Format detection moved to ../sniff.ts; re-exported here for existing callers.
export { sniffFormat, type DetectedFormat } from '../sniff.js';

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
