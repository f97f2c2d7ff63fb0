import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { minimalPdf } from './minimal-pdf.js';
import { pageLines, readPdf } from './pdf.js';
import type { PositionedDocument, PositionedLine } from './types.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/pdf/', import.meta.url));
const HAVE_CORPUS = existsSync(CORPUS);
const NO_CORPUS = HAVE_CORPUS ? false : `shared corpus not found at ${CORPUS}`;
const corpus = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(CORPUS, name))) });

const squash = (s: string) => s.replace(/\s+/g, '');
const lineText = (l: PositionedLine) => l.tokens.map((t) => t.text).join(' ');
const texts = (l: PositionedLine) => l.tokens.map((t) => t.text);
const allLines = (d: PositionedDocument) => d.pages.flatMap((p) => p.lines);

/** Expect an InputError naming the file, with a Chinese reason containing `reason`, within `withinMs`. */
async function rejectsWith(p: Promise<unknown>, file: string, reason: string | RegExp, withinMs = 5000): Promise<void> {
  const t0 = performance.now();
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    assert.ok(e.message.includes(file), `message names the file: ${e.message}`);
    if (typeof reason === 'string') assert.ok(e.message.includes(reason), e.message);
    else assert.match(e.message, reason);
    return true;
  });
  const ms = performance.now() - t0;
  assert.ok(ms < withinMs, `took ${ms.toFixed(0)} ms`);
}

// ---- fixtures written by hand (no corpus needed) --------------------------------------------------

test('minimal PDF: lines, tokens split at gaps and runs of spaces, coordinates', async () => {
  const bytes = minimalPdf([
    {
      lines: [
        { x: 72, y: 700, text: 'Hello World   Total 123.45' },
        { x: 72, y: 680, text: '16,474.82 一、一般公共服务支出', font: 'cjk' },
        { x: 300, y: 680, text: '47,179.30', font: 'cjk' },
        { x: 72, y: 660, text: '合 计', font: 'cjk' },
      ],
    },
  ]);
  const doc = await readPdf([{ name: 'mini.pdf', bytes }]);
  assert.equal(doc.format, 'pdf');
  assert.deepEqual(doc.files, ['mini.pdf']);
  assert.match(doc.sha256, /^[0-9a-f]{64}$/);
  assert.equal(doc.pages.length, 1);
  const [page] = doc.pages;
  assert.equal(page!.width, 595);
  assert.equal(page!.height, 842);
  assert.equal(page!.imageOnly, false);
  const [l1, l2, l3] = page!.lines;
  assert.deepEqual(texts(l1!), ['Hello World', 'Total', '123.45']);
  assert.equal(l1!.line, 1);
  assert.equal(l1!.page, 1);
  assert.equal(l1!.tokens[0]!.x0, 72);
  // Top of the line: page height − baseline − ascent (Helvetica ascent ≈ 0.7–0.9 em at 10 pt).
  assert.ok(l1!.y > 842 - 700 - 10 && l1!.y < 842 - 700 - 6, `y ${l1!.y}`);
  const [bx0, by0, bx1, by1] = l1!.box!;
  assert.equal(bx0, 72);
  assert.ok(by0 < 700 && by0 > 695 && by1 > 706 && by1 < 710 && bx1 > 180, JSON.stringify(l1!.box));
  // One text item holding a number and a label is cut in two; the CJK text decodes via the
  // predefined UniGB-UCS2-H CMap, loaded from disk.
  assert.deepEqual(texts(l2!), ['16,474.82', '一、一般公共服务支出', '47,179.30']);
  const [num, label, right] = l2!.tokens;
  assert.equal(num!.x0, 72);
  assert.ok(Math.abs(num!.x1 - 117) < 1, `number ends at ${num!.x1}`); // 9 half-width glyphs at 10 pt
  assert.ok(Math.abs(label!.x0 - 122) < 1, `label starts at ${label!.x0}`); // after one half-width space
  assert.ok(Math.abs(label!.x1 - 222) < 1, `label ends at ${label!.x1}`);
  assert.equal(right!.x0, 300);
  assert.deepEqual(texts(l3!), ['合 计']);
  assert.deepEqual(
    allLines(doc).map((l) => l.line),
    [1, 2, 3],
  );
});

test('minimal PDF: CJK radical code points from ToUnicode are normalised', async () => {
  const doc = await readPdf([{ name: 'radicals.pdf', bytes: minimalPdf([{ lines: [{ x: 72, y: 700, text: '12345', font: 'radicals' }] }]) }]);
  assert.deepEqual(texts(doc.pages[0]!.lines[0]!), ['门支页车目']);
});

test('minimal PDF: image pages and blank pages are imageOnly with no lines', async () => {
  const doc = await readPdf([
    {
      name: 'mixed.pdf',
      bytes: minimalPdf([{ lines: [{ x: 72, y: 700, text: 'Text page' }] }, { image: true }, {}, { image: true, lines: [{ x: 290, y: 30, text: '- 3 -' }] }]),
    },
  ]);
  assert.deepEqual(
    doc.pages.map((p) => p.imageOnly),
    [false, true, true, true],
  );
  assert.equal(doc.pages[1]!.lines.length, 0);
  assert.equal(doc.pages[2]!.lines.length, 0);
});

test('minimal PDFs: several files are one document, pages in order, each records its file', async () => {
  const a = { name: 'part1.pdf', bytes: minimalPdf([{ lines: [{ x: 72, y: 700, text: 'A1' }] }, { lines: [{ x: 72, y: 700, text: 'A2' }] }]) };
  const b = {
    name: 'part2.pdf',
    bytes: minimalPdf([
      {
        lines: [
          { x: 72, y: 700, text: 'B1' },
          { x: 72, y: 600, text: 'B1 second' },
        ],
      },
    ]),
  };
  const doc = await readPdf([a, b]);
  assert.deepEqual(doc.files, ['part1.pdf', 'part2.pdf']);
  assert.deepEqual(
    doc.pages.map((p) => [p.number, p.file, lineText(p.lines[0]!)]),
    [
      [1, 'part1.pdf', 'A1'],
      [2, 'part1.pdf', 'A2'],
      [3, 'part2.pdf', 'B1'],
    ],
  );
  assert.deepEqual(
    allLines(doc).map((l) => [l.page, l.line]),
    [
      [1, 1],
      [2, 2],
      [3, 3],
      [3, 4],
    ],
  );
  const single = await readPdf([a]);
  assert.notEqual(single.sha256, doc.sha256);
});

test('errors: encrypted PDF', async () => {
  const bytes = minimalPdf([{ lines: [{ x: 72, y: 700, text: 'secret' }] }], { encrypt: true });
  await rejectsWith(readPdf([{ name: 'locked.pdf', bytes }]), 'locked.pdf', 'PDF 已加密，无法读取');
});

test('errors: corrupt and truncated PDFs', async () => {
  const good = minimalPdf([{ lines: [{ x: 72, y: 700, text: 'hello' }] }]);
  await rejectsWith(readPdf([{ name: 'half.pdf', bytes: good.slice(0, good.length >> 1) }]), 'half.pdf', 'PDF 文件已损坏或不完整');
  const random = new Uint8Array(8192);
  let seed = 42;
  for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  random.set(Buffer.from('%PDF-1.7\n'));
  await rejectsWith(readPdf([{ name: 'random.pdf', bytes: random }]), 'random.pdf', 'PDF 文件已损坏或不完整');
  await rejectsWith(readPdf([{ name: 'not-a.pdf', bytes: new Uint8Array(Buffer.from('hello, world')) }]), 'not-a.pdf', '不是 PDF 文件');
});

test('errors: empty file, and a PDF whose pages have no text (scan)', async () => {
  await rejectsWith(readPdf([{ name: 'empty.pdf', bytes: new Uint8Array(0) }]), 'empty.pdf', '文件为空');
  const scan = minimalPdf([{ image: true }, { image: true }]);
  await rejectsWith(readPdf([{ name: 'scan.pdf', bytes: scan }]), 'scan.pdf', 'PDF 没有文字层（扫描件），无法读取，请提供带文字层的 PDF');
  await rejectsWith(readPdf([{ name: 'blank.pdf', bytes: minimalPdf([{}]) }]), 'blank.pdf', '没有文字层');
  // One scanned part of a multi-part publication is named.
  const text = minimalPdf([{ lines: [{ x: 72, y: 700, text: 'ok' }] }]);
  await rejectsWith(
    readPdf([
      { name: 'text.pdf', bytes: text },
      { name: 'scan.pdf', bytes: scan },
    ]),
    'scan.pdf',
    '没有文字层',
  );
});

test('errors: more pages than maxPages (over all files)', async () => {
  const three = minimalPdf([1, 2, 3].map((n) => ({ lines: [{ x: 72, y: 700, text: `page ${n}` }] })));
  await rejectsWith(readPdf([{ name: 'long.pdf', bytes: three }], { maxPages: 2 }), 'long.pdf', /页数超过上限.*上限 2 页/);
  const one = minimalPdf([{ lines: [{ x: 72, y: 700, text: 'x' }] }]);
  await rejectsWith(
    readPdf(
      [
        { name: 'a.pdf', bytes: one },
        { name: 'b.pdf', bytes: one },
        { name: 'c.pdf', bytes: one },
      ],
      { maxPages: 2 },
    ),
    'c.pdf',
    '页数超过上限',
  );
  assert.equal((await readPdf([{ name: 'long.pdf', bytes: three }], { maxPages: 3 })).pages.length, 3);
});

test('errors: wall-clock timeout ends the read', async () => {
  const many = minimalPdf(Array.from({ length: 50 }, (_, n) => ({ lines: [{ x: 72, y: 700, text: `page ${n}` }] })));
  await rejectsWith(readPdf([{ name: 'slow.pdf', bytes: many }], { timeoutMs: 1 }), 'slow.pdf', '读取 PDF 超时', 3000);
});

test('errors: a worker over its heap limit is stopped and reported', async () => {
  const bytes = minimalPdf([{ lines: [{ x: 72, y: 700, text: 'x' }] }]);
  await rejectsWith(readPdf([{ name: 'big.pdf', bytes }], { maxMemoryMb: 4 }), 'big.pdf', '超出内存上限');
});

test('pageLines: items on one baseline form a line; gaps over half an em start a token; overlapping glyph boxes are trimmed', () => {
  const item = (str: string, x0: number, x1: number, baseline = 100, size = 10) => ({
    str,
    x0,
    x1,
    baseline,
    top: baseline - 8.6,
    bottom: baseline + 1.4,
    size,
    horizontal: true,
  });
  const digits = [...'1,234.56'].map((c, i) => item(c, 100 + 4.6 * i, 109.2 + 4.6 * i, 100.2));
  const lines = pageLines(
    {
      width: 600,
      height: 800,
      hasImage: false,
      items: [
        item('计', 30, 40, 100.3),
        item('合', 10, 20),
        item(' ', 20, 4000), // pdf.js space items can carry absurd widths: only their position counts
        ...digits, // 007: one-character digit items reported 1 em wide but advancing half an em
        item('下一行', 10, 40, 120),
        item('A', 200, 205),
        item('B', 206, 211),
        item('C', 213, 218),
      ],
    },
    3,
    7,
  );
  assert.deepEqual(
    lines.map((l) => [l.page, l.line, texts(l)]),
    [
      [3, 7, ['合', '计', '1,234.56', 'AB C']],
      [3, 8, ['下一行']],
    ],
  );
  const num = lines[0]!.tokens[2]!;
  assert.equal(num.x0, 100);
  assert.ok(Math.abs(num.x1 - (100 + 4.6 * 8)) < 0.01, `number ends at ${num.x1}`);
  assert.equal(lines[0]!.y, 100 - 8.6);
  assert.deepEqual(lines[0]!.box, [10, 800 - 101.7, 218, 800 - 91.4]);
});

test('pageLines: a number touching Chinese text (cell padding under 0.15 em) is its own token', () => {
  const item = (str: string, x0: number, x1: number) => ({ str, x0, x1, baseline: 100, top: 91.4, bottom: 101.4, size: 10, horizontal: true });
  const [line] = pageLines(
    {
      width: 600,
      height: 800,
      hasImage: false,
      items: [
        item('职业年金缴费支出', 10, 90),
        item('43608.96', 90.7, 126.7), // 0.07 em: 023
        item('0.00', 200, 220),
        item('计指标体系', 220.8, 270.8), // 0.08 em: 011
        item('比', 300, 310),
        item('2025', 310.2, 330.2), // 0.02 em: narrative, one token
        item('年', 330.2, 340.2),
      ],
    },
    1,
    1,
  );
  assert.deepEqual(texts(line!), ['职业年金缴费支出', '43608.96', '0.00', '计指标体系', '比2025年']);
});

// ---- the shared corpus (skipped when ../shared is absent) -----------------------------------------

test('corpus 001: 部门收支总表 — the merged "16,474.82 一、一般公共服务支出" item is split; 收入总计 50,616.94', { skip: NO_CORPUS }, async () => {
  const doc = await readPdf([corpus('001-central-gjxfj-2026-budget.pdf')]);
  assert.equal(doc.pages.length, 37);
  const page = doc.pages.find((p) => p.lines.some((l) => squash(lineText(l)) === '部门收支总表'));
  assert.ok(page, 'page with the 部门收支总表 title');
  const row = page.lines.find((l) => texts(l).includes('一、一般公共预算拨款收入'));
  assert.ok(row);
  assert.deepEqual(texts(row), ['一、一般公共预算拨款收入', '16,474.82', '一、一般公共服务支出', '47,179.30']);
  const [, num, label] = row.tokens;
  assert.ok(num!.x1 < label!.x0, 'number ends before the label starts');
  // The label column starts at the same x as the other 支出 labels (within a point or two).
  const other = page.lines.flatMap((l) => l.tokens).find((t) => t.text === '二、教育支出');
  assert.ok(other && Math.abs(other.x0 - label!.x0) < 3, `label x0 ${label!.x0} vs ${other?.x0}`);
  const total = page.lines.find((l) => squash(lineText(l)).startsWith('收入总计'));
  assert.ok(total, '收入总计 line');
  assert.ok(texts(total).includes('50,616.94'), lineText(total));
  assert.ok(doc.pages.every((p) => !p.imageOnly));
});

test('corpus 007: the table amounts read whole on one line (pdftotext splits "14,770" / ".62"; pdf.js does not)', { skip: NO_CORPUS }, async () => {
  const doc = await readPdf([corpus('007-chongqing-qixiangju-2026-budget.pdf')]);
  const page = doc.pages.find((p) => p.lines.some((l) => squash(lineText(l)).endsWith('部门收入总体情况表')));
  assert.ok(page);
  const total = page.lines.find((l) => squash(lineText(l)).startsWith('合计'));
  assert.ok(total);
  assert.deepEqual(texts(total), ['合', '计', '14,770.62', '12,672.73', '579.89', '388.00', '1,130.00']);
  // No token is a bare decimal tail anywhere in the tables.
  const tails = allLines(doc).flatMap((l) => l.tokens.filter((t) => /^\.\d+$/.test(t.text)));
  assert.deepEqual(tails, []);
});

test(
  'corpus 020: every page has a text layer (INDEX.md mentions two blank pages; pdf.js and pdftotext both find text on all 40)',
  { skip: NO_CORPUS },
  async () => {
    const doc = await readPdf([corpus('020-fuzhou-jiaoguanzhidui-2026-unit-budget.pdf')]);
    assert.equal(doc.pages.length, 40);
    assert.deepEqual(
      doc.pages.filter((p) => p.imageOnly).map((p) => p.number),
      [],
    );
  },
);

test('corpus 042 / 035 / 038: blank and image pages are imageOnly with no lines', { skip: NO_CORPUS }, async () => {
  const cases: [string, number[]][] = [
    ['042-xian-weijianwei-huizong-2022-final.pdf', [8, 167]],
    ['035-putuo-sifaju-2026-budget.pdf', [3]],
    ['038-putuo-caizhengju-2024-final.pdf', [14]],
  ];
  for (const [name, expected] of cases) {
    const doc = await readPdf([corpus(name)]);
    const image = doc.pages.filter((p) => p.imageOnly);
    assert.deepEqual(
      image.map((p) => p.number),
      expected,
      name,
    );
    assert.ok(image.every((p) => p.lines.length === 0));
  }
});

test('corpus 002: part 1 and part 2 read as one document', { skip: NO_CORPUS }, async () => {
  const doc = await readPdf([corpus('002-beijing-jiaoguanju-2026-budget-part1.pdf'), corpus('002-beijing-jiaoguanju-2026-budget-part2.pdf')]);
  assert.deepEqual(doc.files, ['002-beijing-jiaoguanju-2026-budget-part1.pdf', '002-beijing-jiaoguanju-2026-budget-part2.pdf']);
  assert.equal(doc.pages.length, 8 + 60);
  assert.ok(doc.pages.slice(0, 8).every((p) => p.file === doc.files[0]));
  assert.ok(doc.pages.slice(8).every((p) => p.file === doc.files[1]));
  assert.deepEqual(
    doc.pages.map((p) => p.number),
    doc.pages.map((_, i) => i + 1),
  );
  const lines = allLines(doc);
  assert.ok(lines.every((l, i) => l.line === i + 1));
  assert.ok(lines.every((l) => doc.pages[l.page - 1]!.lines.includes(l)));
});

test('corpus: every PDF reads, with no radical code points (U+2E80–U+2FDF) left', { skip: NO_CORPUS }, async () => {
  const names = HAVE_CORPUS ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')) : [];
  const queue = [...names];
  const bad: string[] = [];
  const work = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const doc = await readPdf([corpus(name)]);
      assert.ok(doc.pages.length > 0, name);
      const text = allLines(doc)
        .map((l) => lineText(l))
        .join('\n');
      if (/[\u2e80-\u2fdf]/.test(text)) bad.push(name);
      assert.ok(text.length > 1000, name);
    }
  };
  await Promise.all([work(), work()]);
  assert.deepEqual(bad, []);
});

test('corpus: a corpus PDF cut in half is reported as damaged', { skip: NO_CORPUS }, async () => {
  const { name, bytes } = corpus('001-central-gjxfj-2026-budget.pdf');
  await rejectsWith(readPdf([{ name, bytes: bytes.slice(0, bytes.length >> 1) }]), name, 'PDF 文件已损坏或不完整');
});
