// Format detection from content, never from the file name: PDF, XLSX (an OOXML workbook), legacy
// XLS (an OLE compound file), HTML, plain text, or unrecognised binary. And, for text, whether it is
// `pdftotext -layout` output (columns by runs of spaces) or tab-separated disclosure text.

export type DetectedFormat = 'text' | 'pdf' | 'xlsx' | 'xls' | 'html' | 'binary';

export function sniffFormat(bytes: Uint8Array): DetectedFormat {
  const head = Buffer.from(bytes.subarray(0, 1024));
  const pdfAt = head.indexOf('%PDF-', 0, 'latin1');
  // Some producers put a few bytes before the header; readers accept it within the first 1 KB.
  if (pdfAt === 0 || (pdfAt > 0 && Buffer.from(bytes.subarray(-2048)).includes('%%EOF', 0, 'latin1'))) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return isWorkbookZip(bytes) ? 'xlsx' : 'binary';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  const start = head
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 300)
    .toLowerCase()
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^(<!--[\s\S]*?-->\s*)+/, '');
  if (/^<(!doctype html|html|head|body|meta|table)\b/.test(start)) return 'html';
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'binary';
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  return controls > sample.length / 100 ? 'binary' : 'text';
}

/**
 * A ZIP whose central directory lists workbook parts (xl/…). A .docx or any other complete ZIP is
 * not one; a ZIP without a readable central directory (truncated) is left to the XLSX reader.
 */
function isWorkbookZip(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), Math.max(0, buf.length - 22));
  if (eocd < 0 || eocd < buf.length - 22 - 65535) return true;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (at === 0xffffffff) return true; // ZIP64: not worth parsing here
  for (let i = 0; i < count && at + 46 <= buf.length; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) return true;
    const nameLen = buf.readUInt16LE(at + 28);
    const name = buf.toString('latin1', at + 46, at + 46 + nameLen);
    if (name.startsWith('xl/')) return true;
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return false;
}

/**
 * `pdftotext -layout` style: form feeds between pages and/or many lines with runs of three or more
 * spaces between words, and (almost) no tabs. Tab-separated disclosure text is not.
 */
export function isLayoutText(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  if (tabbed > lines.length * 0.05) return false;
  if (text.includes('\f')) return true;
  const spaced = lines.filter((l) => /\S {3,}\S/.test(l)).length;
  return spaced >= 3 && spaced >= lines.length * 0.1;
}
