// PDF reader timings: every PDF of the shared corpus (../shared/corpus/pdf), read one file at a
// time with readPdf (worker start-up included). Prints numbers, never asserts.
//   npx tsx bench/pdf.ts            all corpus PDFs
//   npx tsx bench/pdf.ts 001 007    only files whose name contains one of the arguments

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../src/read/positioned/pdf.js';

const DIR = fileURLToPath(new URL('../../shared/corpus/pdf', import.meta.url));

if (!existsSync(DIR)) {
  console.log(`skipped: corpus not found at ${DIR} (the shared corpus sits beside the repository)`);
  process.exit(0);
}

const filter = process.argv.slice(2);
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

const rows: { name: string; ms: number; pages: number }[] = [];
for (const name of names) {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)));
  const t0 = performance.now();
  let note: string;
  let pages = 0;
  try {
    const doc = await readPdf([{ name, bytes }]);
    pages = doc.pages.length;
    const lines = doc.pages.reduce((s, p) => s + p.lines.length, 0);
    const tokens = doc.pages.reduce((s, p) => s + p.lines.reduce((t, l) => t + l.tokens.length, 0), 0);
    const images = doc.pages.filter((p) => p.imageOnly).map((p) => p.number);
    note = `${lines} lines, ${tokens} tokens${images.length ? `, image-only pages ${images.join(',')}` : ''}`;
  } catch (e) {
    note = `error: ${(e as Error).message}`;
  }
  const ms = performance.now() - t0;
  rows.push({ name, ms, pages });
  console.log(`${name.padEnd(64)} ${ms.toFixed(0).padStart(6)} ms ${String(pages).padStart(4)} pages  ${note}`);
}

if (rows.length) {
  const times = rows.map((r) => r.ms).sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  const max = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  const perPage = rows.map((r) => r.ms / Math.max(1, r.pages)).sort((a, b) => a - b);
  console.log(`\n${rows.length} PDFs, ${rows.reduce((s, r) => s + r.pages, 0)} pages`);
  console.log(`median ${median.toFixed(0)} ms per PDF, max ${max.ms.toFixed(0)} ms (${max.name})`);
  console.log(`median ${perPage[Math.floor(perPage.length / 2)]!.toFixed(1)} ms per page`);
}
