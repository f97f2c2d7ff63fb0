// The reference example as a department might print it: its own tables as plain HTML tables,
// printed to PDF by Chromium (not through yusuan's renderer), so the PDF reader meets a layout it
// did not produce.

import { writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';

const AMOUNT = /^-?[\d,]+\.\d+$/;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The seed text as an HTML page: tab-separated lines become table rows (a header cell followed by
 * empty cells spans them, as merged header cells do), other lines paragraphs.
 */
export function seedHtml(text: string): string {
  const out: string[] = [];
  let table: string[][] | null = null;
  const flush = () => {
    if (!table) return;
    const width = Math.max(...table.map((r) => r.length));
    out.push('<table>');
    for (const row of table) {
      const cells = [...row, ...new Array(width - row.length).fill('')];
      const header = !cells.some((c) => AMOUNT.test(c.trim()));
      out.push('<tr>');
      for (let i = 0; i < cells.length; i++) {
        let span = 1;
        if (header && cells[i]!.trim()) while (i + span < cells.length && !cells[i + span]!.trim()) span++;
        const numeric = AMOUNT.test(cells[i]!.trim());
        out.push(`<td${span > 1 ? ` colspan="${span}"` : ''}${numeric ? ' class="n"' : ''}>${esc(cells[i]!.trim())}</td>`);
        i += span - 1;
      }
      out.push('</tr>');
    }
    out.push('</table>');
    table = null;
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      (table ??= []).push(line.split('\t'));
      continue;
    }
    flush();
    const t = line.replace(/\*\*/g, '').trim();
    if (t) out.push(`<p>${esc(t)}</p>`);
  }
  flush();
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10pt; }
table { border-collapse: collapse; margin: 6pt 0; page-break-inside: auto; }
td { border: 0.5pt solid #000; padding: 2pt 4pt; }
td.n { text-align: right; }
</style></head><body>${out.join('\n')}</body></html>`;
}

/** Print the seed's HTML to a PDF file with a launched Chromium. */
export async function printSeedPdf(browser: Browser, text: string, path: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setContent(seedHtml(text), { waitUntil: 'load' });
    await writeFile(path, await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
  } finally {
    await page.close();
  }
}
