// Bounded fuzzing of the readers: fixed seeds, a fixed number of mutants per format, a time cap.
// Mutants of a text, an HTML and an XLSX disclosure are read and checked in-process (fast); every
// failure must be an InputError with a Chinese reason (the CLI's exit 2), never anything else (exit 3).
// PDFs, whose parser can allocate without bound, are fuzzed through the CLI in hostile.test.ts.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { analyse } from '../src/analysis.js';
import { InputError } from '../src/read/errors.js';
import { readDisclosureFiles } from '../src/read/index.js';
import { bitFlips } from './support/hostile.js';
import { profiles, SEED_TEXT } from './support/seed.js';

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-fuzz-'));
const CJK = /[\u4e00-\u9fff]/;
const MUTANTS = 12;
const CAP_MS = 60_000;

/** Text mutants: characters replaced by ones that matter to the readers (digits, separators, tabs,
 *  line breaks, brackets, CJK), so most mutants still decode and reach the table readers. */
function charMutants(text: string, count: number, edits: number, seed: number): Buffer[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = ['0', '9', '.', ',', '-', '\t', '\n', ' ', '(', ')', '<', '>', '合计', '其中', '一、', '单位：元', '%', '\u3000'];
  const chars = [...text];
  return Array.from({ length: count }, () => {
    const c = [...chars];
    for (let k = 0; k < edits; k++) c[Math.floor(rand() * c.length)] = alphabet[Math.floor(rand() * alphabet.length)]!;
    return Buffer.from(c.join(''));
  });
}

async function fuzz(name: string, mutants: Uint8Array[], t: { diagnostic: (s: string) => void }) {
  const t0 = performance.now();
  const outcomes = { read: 0, refused: 0 };
  for (const [i, m] of mutants.entries()) {
    if (performance.now() - t0 > CAP_MS) break;
    const path = join(tmp, `${i}-${name}`);
    writeFileSync(path, m);
    try {
      analyse(await readDisclosureFiles([path], { profiles: profiles() }));
      outcomes.read++;
    } catch (e) {
      assert.ok(e instanceof InputError, `${name} mutant ${i}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      assert.match(e.reason, CJK);
      outcomes.refused++;
    }
  }
  t.diagnostic(`${name}: ${outcomes.read} read, ${outcomes.refused} refused`);
  assert.ok(outcomes.read + outcomes.refused > 0);
  assert.ok(process.memoryUsage().rss < 2048 * 1048576, `rss ${process.memoryUsage().rss >> 20} MB`);
}

test('fuzz: text disclosure mutants are read or refused with a Chinese InputError', async (t) => {
  await fuzz('seed.txt', [...charMutants(SEED_TEXT, MUTANTS, 60, 1), ...bitFlips(Buffer.from(SEED_TEXT), 4, 20, 11)], t);
});

test('fuzz: HTML disclosure mutants', async (t) => {
  const rows = SEED_TEXT.split('\n')
    .slice(0, 400)
    .map(
      (l) =>
        `<tr>${l
          .split('\t')
          .map((c) => `<td>${c.replace(/[<&]/g, '')}</td>`)
          .join('')}</tr>`,
    );
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><table>${rows.join('\n')}</table></body></html>`;
  await fuzz('seed.html', [...charMutants(html, MUTANTS, 60, 2), ...bitFlips(Buffer.from(html), 4, 20, 12)], t);
});

test('fuzz: XLSX disclosure mutants (cells and container)', async (t) => {
  const book = async (text: string) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    for (const l of text.split('\n').slice(0, 300)) ws.addRow(l.split('\t'));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };
  const cells = await Promise.all(charMutants(SEED_TEXT, 8, 60, 3).map((m) => book(m.toString())));
  await fuzz('seed.xlsx', [...cells, ...bitFlips(await book(SEED_TEXT), 6, 1, 13)], t);
});
