import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import type { PositionedLine } from './types.js';
import { formatNumber, readXlsx } from './xlsx.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/pdf/', import.meta.url));
const NO_CORPUS = existsSync(CORPUS) ? false : `shared corpus not found at ${CORPUS}`;
const cells = (l: PositionedLine) => l.tokens.map((t) => [t.text, t.x0, t.x1]);

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('部门支出总表');
  ws.getCell('A1').value = '部门支出总表';
  ws.mergeCells('A1:E1');
  ws.getCell('E2').value = '单位：万元';
  ws.getCell('A3').value = '科目编码';
  ws.mergeCells('A3:B3');
  ws.getCell('C3').value = '科目名称';
  ws.mergeCells('C3:C4'); // rowspan 2: appears on row 3 only
  ws.getCell('D3').value = '合计';
  ws.mergeCells('D3:D4');
  ws.getCell('E3').value = { richText: [{ text: '基本' }, { text: '支出', font: { bold: true } }] };
  ws.getCell('A4').value = '类';
  ws.getCell('B4').value = '款';
  ws.getCell('A5').value = '201';
  ws.getCell('B5').value = '03';
  ws.getCell('C5').value = '政府办公厅（室）及相关机构事务';
  ws.getCell('D5').value = 80818.35;
  ws.getCell('D5').numFmt = '#,##0.00';
  ws.getCell('E5').value = 0.1 + 0.2;
  ws.getCell('A6').value = '合\n计';
  ws.getCell('D6').value = { formula: 'D5+E5', result: 80818.65 };
  ws.getCell('E6').value = 1234567;
  ws.getCell('B8').value = new Date(Date.UTC(2026, 0, 15));
  const hidden = wb.addWorksheet('草稿', { state: 'hidden' });
  hidden.getCell('A1').value = '不公开';
  const second = wb.addWorksheet('说明');
  second.getCell('B2').value = { text: '公开网址', hyperlink: 'https://example.org' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('xlsx: a page per visible sheet, a line per row, a token per cell; merges once with x1 at their right edge', async () => {
  const doc = await readXlsx(await workbook(), 'budget.xlsx');
  assert.equal(doc.format, 'xlsx');
  assert.deepEqual(doc.files, ['budget.xlsx']);
  assert.match(doc.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(
    doc.pages.map((p) => [p.number, p.file, p.lines.length]),
    [
      [1, 'budget.xlsx', 7],
      [2, 'budget.xlsx', 1],
    ],
  );
  const lines = doc.pages[0]!.lines;
  assert.deepEqual(
    lines.map((l) => [l.y, l.line, cells(l)]),
    [
      [0, 1, [['部门支出总表', 0, 5]]],
      [1, 2, [['单位：万元', 4, 5]]],
      [
        2,
        3,
        [
          ['科目编码', 0, 2],
          ['科目名称', 2, 3],
          ['合计', 3, 4],
          ['基本支出', 4, 5],
        ],
      ],
      [
        3,
        4,
        [
          ['类', 0, 1],
          ['款', 1, 2],
        ],
      ],
      [
        4,
        5,
        [
          ['201', 0, 1],
          ['03', 1, 2],
          ['政府办公厅（室）及相关机构事务', 2, 3],
          ['80818.35', 3, 4],
          ['0.3', 4, 5],
        ],
      ],
      [
        5,
        6,
        [
          ['合 计', 0, 1],
          ['80818.65', 3, 4],
          ['1234567', 4, 5],
        ],
      ],
      [7, 7, [['2026-01-15', 1, 2]]],
    ],
  );
  assert.deepEqual(
    doc.pages[1]!.lines.map((l) => [l.page, l.line, cells(l)]),
    [[2, 8, [['公开网址', 1, 2]]]],
  );
  assert.equal(doc.pages[0]!.width, 5);
  assert.ok(doc.pages.every((p) => !p.imageOnly));
});

test('formatNumber: exact as written, no float noise', () => {
  assert.equal(formatNumber(80818.35), '80818.35');
  assert.equal(formatNumber(0.1 + 0.2), '0.3');
  assert.equal(formatNumber(123456789012.35), '123456789012.35');
  assert.equal(formatNumber(-20766.6), '-20766.6');
  assert.equal(formatNumber(3), '3');
  assert.equal(formatNumber(1 / 3), '0.333333');
  assert.equal(formatNumber(1e-9), '0');
  assert.equal(formatNumber(12.5e6), '12500000');
});

test('xlsx errors: legacy .xls, encrypted, corrupt, empty — InputErrors naming the file', async () => {
  const expect = async (bytes: Uint8Array, reason: string) =>
    assert.rejects(readXlsx(bytes, 'x.xlsx'), (e: unknown) => e instanceof InputError && e.message.includes('x.xlsx') && e.message.includes(reason));
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await expect(ole, '暂不支持旧版 .xls，请另存为 .xlsx');
  const encrypted = new Uint8Array(ole);
  encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
  await expect(encrypted, '已加密');
  const good = await workbook();
  await expect(good.slice(0, good.length >> 1), 'XLSX 文件已损坏或不完整');
  await expect(new Uint8Array(0), '文件为空');
  await expect(new Uint8Array(Buffer.from('not a workbook')), '不是 XLSX 文件');
});

test('corpus 043: the inspection checklist reads, merged title once', { skip: NO_CORPUS }, async () => {
  const bytes = new Uint8Array(readFileSync(CORPUS + '043-putuo-sifaju-2026-budget-xlsx.xlsx'));
  const doc = await readXlsx(bytes, '043.xlsx');
  assert.equal(doc.pages.length, 1);
  const [first] = doc.pages[0]!.lines;
  assert.deepEqual(cells(first!), [['2026年度普陀区部门预算公开情况检查表', 0, 5]]);
  const texts = doc.pages[0]!.lines.flatMap((l) => l.tokens.map((t) => t.text));
  assert.equal(texts.filter((t) => t === '2026年度普陀区部门预算公开情况检查表').length, 1);
  assert.ok(texts.includes('符合要求'));
});
