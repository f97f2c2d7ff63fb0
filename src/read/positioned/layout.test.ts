import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readLayoutText } from './layout.js';
import type { PositionedLine } from './types.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/text/', import.meta.url));
const NO_CORPUS = existsSync(CORPUS) ? false : `shared corpus not found at ${CORPUS}`;
const FIXTURE = fileURLToPath(new URL('../../../fixtures/positioned/001-pages-5-6.layout.txt', import.meta.url));

const texts = (l: PositionedLine) => l.tokens.map((t) => t.text);
const squash = (l: PositionedLine) => texts(l).join('').replace(/\s+/g, '');

test('layout text: pages at form feeds, x in character columns, y the line index in the page, line the file line', () => {
  const text = ['标题', '', '  合 计      1,234.50 一、一般公共服务支出   -5.00', '\f第二页  收入', '   ', '尾行\f'].join('\n');
  const doc = readLayoutText(text, 'a.txt');
  assert.equal(doc.format, 'layout');
  assert.deepEqual(doc.files, ['a.txt']);
  assert.match(doc.sha256, /^[0-9a-f]{64}$/);
  assert.equal(doc.pages.length, 2);
  const [p1, p2] = doc.pages;
  assert.deepEqual(
    p1!.lines.map((l) => [l.page, l.y, l.line, texts(l)]),
    [
      [1, 0, 1, ['标题']],
      [1, 2, 3, ['合 计', '1,234.50', '一、一般公共服务支出', '-5.00']],
    ],
  );
  assert.deepEqual(
    p1!.lines[1]!.tokens.map((t) => [t.x0, t.x1]),
    [
      [2, 5],
      [11, 19],
      [20, 30],
      [33, 38],
    ],
  );
  assert.deepEqual(
    p2!.lines.map((l) => [l.page, l.y, l.line, texts(l)]),
    [
      [2, 0, 4, ['第二页', '收入']],
      [2, 2, 6, ['尾行']],
    ],
  );
  assert.equal(p1!.file, 'a.txt');
  assert.equal(p1!.imageOnly, false);
});

test('layout text: an empty page between form feeds is imageOnly; CRLF and a BOM are accepted', () => {
  const doc = readLayoutText('\ufeff一\r\n\f\f二\r\n', 'b.txt');
  assert.deepEqual(
    doc.pages.map((p) => [p.number, p.imageOnly, p.lines.map((l) => texts(l).join('|'))]),
    [
      [1, false, ['一']],
      [2, true, []],
      [3, false, ['二']],
    ],
  );
  assert.equal(doc.pages[2]!.lines[0]!.line, 2);
});

test('layout text: radicals and full-width digits are normalised like the PDF reader; Chinese punctuation is kept', () => {
  const doc = readLayoutText('部⻔预算  单位：万元（１２３）', 'c.txt');
  assert.deepEqual(texts(doc.pages[0]!.lines[0]!), ['部门预算', '单位：万元（123）']);
});

test('layout fixture (001 pages 5–6): the merged number and label are separate tokens; 收入总计 50,616.94', () => {
  const doc = readLayoutText(readFileSync(FIXTURE, 'utf8'), '001-pages-5-6.layout.txt');
  assert.equal(doc.pages.length, 2);
  const lines = doc.pages[0]!.lines;
  const row = lines.find((l) => texts(l)[0] === '一、一般公共预算拨款收入')!;
  assert.deepEqual(texts(row), ['一、一般公共预算拨款收入', '16,474.82', '一、一般公共服务支出', '47,179.30']);
  const total = lines.find((l) => squash(l).startsWith('收入总计'))!;
  assert.deepEqual(texts(total), ['收', '入', '总', '计', '50,616.94', '支', '出', '总', '计', '50,616.94']);
  // Columns line up: the 47,179.30 and the 50,616.94 of 支出总计 end in the same column.
  assert.equal(row.tokens[3]!.x1, total.tokens[9]!.x1);
});

test('corpus 007 layout text: decimals pdftotext put on the next line stay there (reported, not merged)', { skip: NO_CORPUS }, () => {
  const doc = readLayoutText(readFileSync(CORPUS + '007-chongqing-qixiangju-2026-budget.txt', 'utf8'), '007.txt');
  assert.equal(doc.pages.length, 22);
  const all = doc.pages.flatMap((p) => p.lines);
  const i = all.findIndex((l) => squash(l).startsWith('合计') && texts(l).includes('14,770'));
  assert.ok(i >= 0);
  assert.ok(texts(all[i + 1]!).includes('.62'), texts(all[i + 1]!).join('|'));
  assert.equal(all[i + 1]!.line, all[i]!.line + 1);
});

test('corpus layout texts: page counts match the form feeds, no radicals', { skip: NO_CORPUS }, () => {
  for (const name of ['001-central-gjxfj-2026-budget.txt', '002-beijing-jiaoguanju-2026-budget.txt', '042-xian-weijianwei-huizong-2022-final.txt']) {
    const text = readFileSync(CORPUS + name, 'utf8');
    const doc = readLayoutText(text, name);
    assert.equal(doc.pages.length, text.split('\f').length - 1, name);
    const all = doc.pages.flatMap((p) => p.lines);
    assert.ok(all.every((l, k) => k === 0 || l.line > all[k - 1]!.line));
    assert.ok(!all.some((l) => /[\u2e80-\u2fdf]/.test(texts(l).join(''))));
  }
});
