import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { minimalPdf } from './positioned/minimal-pdf.js';
import { isLayoutText, sniffFormat } from './sniff.js';
import { sniffFormat as sniffFromDecode } from './text/decode.js';

const SEED = fileURLToPath(new URL('../../fixtures/seed/000_33d948831ce53c8e.txt', import.meta.url));
const LAYOUT = fileURLToPath(new URL('../../fixtures/positioned/001-pages-5-6.layout.txt', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const NO_CORPUS = existsSync(CORPUS) ? false : `shared corpus not found at ${CORPUS}`;
const b = (s: string) => new Uint8Array(Buffer.from(s));

/** A stored (uncompressed) ZIP with the given entry names and empty contents. */
function zip(names: string[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const n of names) {
    const name = Buffer.from(n);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name);
    central.push(cd, name);
    offset += 30 + name.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cdBytes, eocd]));
}

test('sniffFormat: from content', () => {
  assert.equal(sniffFormat(minimalPdf([{}])), 'pdf');
  assert.equal(sniffFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...b('junk\n%PDF-1.4\n…\n%%EOF\n')])), 'pdf');
  assert.equal(sniffFormat(b('A note about the %PDF- header.\n')), 'text');
  assert.equal(sniffFormat(zip(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml'])), 'xlsx');
  assert.equal(sniffFormat(zip(['[Content_Types].xml', 'word/document.xml'])), 'binary');
  assert.equal(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'xls');
  assert.equal(sniffFormat(b('<!DOCTYPE html><html><body><table></table></body></html>')), 'html');
  assert.equal(sniffFormat(b('\ufeff  <?xml version="1.0"?>\n<!-- x --><html xmlns="http://www.w3.org/1999/xhtml"></html>')), 'html');
  assert.equal(sniffFormat(b('<table><tr><td>1</td></tr></table>')), 'html');
  assert.equal(sniffFormat(b('部门收支总表\t单位：万元\n')), 'text');
  assert.equal(sniffFormat(new Uint8Array([1, 2, 0, 4])), 'binary');
  assert.equal(sniffFromDecode, sniffFormat, 'text/decode.ts re-exports the same function');
});

test('isLayoutText: pdftotext -layout output yes, tab-separated disclosure text no', () => {
  assert.equal(isLayoutText(readFileSync(LAYOUT, 'utf8')), true);
  assert.equal(isLayoutText(readFileSync(SEED, 'utf8')), false);
  const noFormFeed = ['部门收支总表', '项   目      预算数', '一、收入     100.00', '二、支出      50.00', '合   计     150.00'].join('\n');
  assert.equal(isLayoutText(noFormFeed), true);
  assert.equal(isLayoutText('一段普通的说明文字。\n第二段。\n'), false);
  assert.equal(isLayoutText(''), false);
});

test('isLayoutText: every corpus text is layout text except the two xlsx dumps', { skip: NO_CORPUS }, () => {
  const dir = CORPUS + 'text/';
  for (const name of ['001-central-gjxfj-2026-budget.txt', '007-chongqing-qixiangju-2026-budget.txt', '045-shanghai-juesuan-template-2024-reference.txt'])
    assert.equal(isLayoutText(readFileSync(dir + name, 'utf8')), true, name);
  assert.equal(isLayoutText(readFileSync(dir + '043-putuo-sifaju-2026-budget-xlsx.txt', 'utf8')), false);
  assert.equal(sniffFormat(readFileSync(CORPUS + 'pdf/043-putuo-sifaju-2026-budget-xlsx.xlsx')), 'xlsx');
});
