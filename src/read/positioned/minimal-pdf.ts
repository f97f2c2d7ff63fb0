// Writes small, valid PDFs byte by byte (with a correct xref table) for tests that must run without
// the shared corpus: text lines in Helvetica, in a non-embedded Chinese CID font (STSong-Light with
// the predefined UniGB-UCS2-H CMap, which pdf.js loads from pdfjs-dist's cmaps folder), or in a font
// whose ToUnicode maps to CJK radical code points; image-only pages; an /Encrypt dictionary.

export interface MinimalLine {
  /** Left edge and baseline in points, origin bottom-left. */
  x: number;
  y: number;
  text: string;
  size?: number;
  /** helv: WinAnsi Helvetica (ASCII). cjk: STSong-Light, UniGB-UCS2-H. radicals: bytes 1.. of `text` are mapped by ToUnicode to RADICAL_CODES. */
  font?: 'helv' | 'cjk' | 'radicals';
}

export interface MinimalPage {
  lines?: MinimalLine[];
  /** Paint a 1×1 grey image over the page. */
  image?: boolean;
  width?: number;
  height?: number;
}

/** Code points the 'radicals' font maps its codes 1, 2, 3 … to (⻔ ⽀ ⻚ ⻋ ⽬). */
export const RADICAL_CODES = [0x2ed4, 0x2f40, 0x2eda, 0x2ecb, 0x2f6c];

export function minimalPdf(pages: MinimalPage[], opts: { encrypt?: boolean } = {}): Uint8Array {
  const objs: string[] = [];
  const add = (body: string) => {
    objs.push(body);
    return objs.length;
  };
  const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

  const catalog = add('');
  const pagesObj = add('');
  const helv = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const desc = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${desc} 0 R /DW 1000 /W [1 95 500] >>`,
  );
  const cjk = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${RADICAL_CODES.length} beginbfchar`,
    ...RADICAL_CODES.map((cp, i) => `<${hex2(i + 1)}> <${cp.toString(16).toUpperCase().padStart(4, '0')}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(stream('', cmap));
  const rad = add(
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar ${RADICAL_CODES.length} /Widths [${RADICAL_CODES.map(() => 1000).join(' ')}] /ToUnicode ${toUnicode} 0 R >>`,
  );
  const image = add(stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8', '\x80'));

  const kids: number[] = [];
  for (const p of pages) {
    const w = p.width ?? 595;
    const h = p.height ?? 842;
    let content = '';
    if (p.image) content += `q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q\n`;
    for (const l of p.lines ?? []) {
      const font = l.font ?? 'helv';
      const name = font === 'helv' ? '/F1' : font === 'cjk' ? '/F2' : '/F3';
      content += `BT ${name} ${l.size ?? 10} Tf ${l.x} ${l.y} Td ${encodeText(l.text, font)} Tj ET\n`;
    }
    const contents = add(stream('', content));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w} ${h}] /Contents ${contents} 0 R /Resources << /Font << /F1 ${helv} 0 R /F2 ${cjk} 0 R /F3 ${rad} 0 R >> /XObject << /Im1 ${image} 0 R >> >> >>`,
      ),
    );
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const id = '0123456789ABCDEF0123456789ABCDEF';
  let encrypt = '';
  if (opts.encrypt) {
    // Standard security handler, RC4 40-bit; the /U entry matches no password, so a reader must ask for one.
    const o = 'A1'.repeat(32);
    const u = '5C'.repeat(32);
    encrypt = ` /Encrypt ${add(`<< /Filter /Standard /V 1 /R 2 /O <${o}> /U <${u}> /P -44 >>`)} 0 R`;
  }

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R /ID [<${id}> <${id}>]${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

function encodeText(text: string, font: 'helv' | 'cjk' | 'radicals'): string {
  if (font === 'helv') return `(${text.replace(/[\\()]/g, (c) => '\\' + c)})`;
  if (font === 'radicals') return `<${[...text].map((c) => hex2(Number(c))).join('')}>`;
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}
