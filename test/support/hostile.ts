// Hostile inputs built at run time (nothing large is kept in the repository): a PDF whose content
// stream inflates far beyond its size, an XLSX whose sheet does the same, a huge HTML table, and
// bit-flipped copies of a valid file. Each is small on disk and cheap to build.

import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/**
 * Raw deflate of `prefix`, `size` bytes of `fill`, `suffix`, built in milliseconds: one 16 MB chunk
 * compressed up to a full-flush point (byte-aligned, dictionary reset) is a block sequence that can be
 * repeated as it is.
 */
function deflateRepeated(size: number, fill: string, prefix = '', suffix = ''): Buffer {
  const CHUNK = 16 * 1024 * 1024;
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const parts = [deflateRawSync(Buffer.from(prefix), flush)];
  const whole = deflateRawSync(Buffer.alloc(CHUNK, fill), flush);
  for (let left = size; left > 0; left -= CHUNK) parts.push(left >= CHUNK ? whole : deflateRawSync(Buffer.alloc(left, fill), flush));
  parts.push(deflateRawSync(Buffer.from(suffix)));
  return Buffer.concat(parts);
}

/** A one-page PDF whose page content is one string of `inflatedBytes` characters (a flate bomb). */
export function flateBombPdf(inflatedBytes: number): Buffer {
  // zlib wrapper around the raw stream; pdf.js does not verify the Adler-32 trailer.
  const content = Buffer.concat([Buffer.from([0x78, 0xda]), deflateRepeated(inflatedBytes, 'a', 'BT /F1 12 Tf 72 720 Td (', ') Tj ET'), Buffer.alloc(4)]);
  return pdfWithContent(content, '/Filter /FlateDecode');
}

/** A PDF with one page painting `content` (already encoded with `filter`). */
export function pdfWithContent(content: Buffer, filter = ''): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  const put = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    at += buf.length;
  };
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = at;
    put(`${n} 0 obj\n`);
    body.forEach(put);
    put('\nendobj\n');
  };
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  obj(3, ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>']);
  obj(4, [`<< /Length ${content.length} ${filter} >>\nstream\n`, content, '\nendstream']);
  obj(5, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
  const xref = at;
  put(
    `xref\n0 6\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}`,
  );
  put(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** An HTML page with one table of `rows` rows (a disclosure-looking title, so it is read as one). */
export function hugeHtmlTable(rows: number): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) body.push(`<tr><td>2010${String(i % 100).padStart(2, '0')}</td><td>项目${i}</td><td>${i}.00</td></tr>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>2024年部门预算</title></head><body><h1>某部门2024年部门预算</h1><p>单位：万元</p><h2>部门收支总表</h2><table><tr><th>科目编码</th><th>项目</th><th>金额</th></tr>${body.join('')}</table></body></html>`;
}

/** Copies of `bytes` with `flips` random bits flipped each, from a fixed seed (the same every run). */
export function bitFlips(bytes: Uint8Array, count: number, flips: number, seed: number): Buffer[] {
  let s = seed >>> 0 || 1;
  const rand = () => {
    // xorshift32: fixed seeds, the same mutants on every machine.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  const out: Buffer[] = [];
  for (let k = 0; k < count; k++) {
    const b = Buffer.from(bytes);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(rand() * b.length);
      b[at]! ^= 1 << Math.floor(rand() * 8);
    }
    out.push(b);
  }
  return out;
}

// ---- zip (XLSX) ------------------------------------------------------------------------------

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Raw-deflated bytes and the real size, when given (the entry is then stored compressed). */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** Size written in the headers (a lying header), default the real one. */
  declaredSize?: number;
}

export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const d = e.deflated ?? { bytes: deflateSync(e.data, { level: 9 }).subarray(2, -4), size: e.data.length, crc: crc32(e.data) };
    const size = e.declaredSize ?? d.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(d.crc, 14);
    local.writeUInt32LE(d.bytes.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, d.bytes);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(d.crc, 16);
    c.writeUInt32LE(d.bytes.length, 20);
    c.writeUInt32LE(size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + d.bytes.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

function workbook(sheet: ZipEntry): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    sheet,
  ]);
}

/** A workbook of `rows` rows of `cols` small numeric cells. */
export function manyRowsXlsx(rows: number, cols = 1): Buffer {
  const xml: string[] = [SHEET_HEAD];
  for (let r = 1; r <= rows; r++) {
    xml.push(`<row r="${r}">`);
    for (let c = 0; c < cols; c++) xml.push(`<c><v>${r}</v></c>`);
    xml.push('</row>');
  }
  xml.push(SHEET_TAIL);
  return workbook({ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(xml.join('')) });
}

/** A workbook whose one sheet inflates to `inflatedBytes` (whitespace inside the XML), its headers
 *  claiming a small size when `lie` is set. */
export function zipBombXlsx(inflatedBytes: number, lie = false): Buffer {
  const bytes = deflateRepeated(inflatedBytes, ' ', SHEET_HEAD, SHEET_TAIL);
  const size = SHEET_HEAD.length + inflatedBytes + SHEET_TAIL.length;
  return workbook({ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: { bytes, size, crc: 0 }, ...(lie ? { declaredSize: 4096 } : {}) });
}
