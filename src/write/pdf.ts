// HTML → PDF with Debian's Chromium (/usr/bin/chromium) through playwright-core: A4, tables with
// repeated header rows, 第 X 页 共 Y 页 in the footer, fonts embedded (Noto Sans CJK from
// fonts-noto-cjk). A draft's 草稿 watermark is a PNG drawn by the same browser, so it adds no
// text to the pages and the PDF reads back exactly like the final one. Nothing is downloaded.

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { watermarkSvg } from './html.js';

export const CHROMIUM = process.env.YUSUAN_CHROMIUM ?? '/usr/bin/chromium';
/** The flags Debian's chromium needs here (root, no GPU, no network of its own). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export class RenderError extends Error {
  override name = 'RenderError';
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new RenderError(`未找到 Chromium（${CHROMIUM}），生成 PDF 需要安装 chromium 与 fonts-noto-cjk（apt-get install chromium fonts-noto-cjk）`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

const FOOTER = `<div style="width:100%;font-size:8pt;text-align:center;color:#333;font-family:'Noto Sans CJK SC',sans-serif;">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`;

/** The watermark drawn once as a transparent PNG (data URL). */
async function watermarkPng(browser: Browser): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  try {
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${watermarkSvg().replace('<svg ', '<svg width="800" height="600" ')}</body></html>`,
    );
    // A busy machine's Chromium sometimes refuses one capture ("Unable to capture screenshot"): once more.
    const shot = () => page.screenshot({ omitBackground: true, type: 'png' });
    const png = await shot().catch(() => shot());
    return `data:image/png;base64,${png.toString('base64')}`;
  } finally {
    await page.close();
  }
}

export interface PdfOptions {
  browser?: Browser;
  /** Called with the watermark image when the document is a draft: the HTML is rebuilt with it. */
  draftHtml?: (watermarkImage: string) => string;
}

/** Print an HTML document to PDF bytes. The HTML is loaded from a temporary file (file:// so fonts load). */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const own = !options.browser;
  const browser = options.browser ?? (await launchBrowser());
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-pdf-'));
  try {
    const source = options.draftHtml ? options.draftHtml(await watermarkPng(browser)) : html;
    const file = join(dir, 'disclosure.html');
    await writeFile(file, source, 'utf8');
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: FOOTER,
        margin: { top: '16mm', bottom: '18mm', left: '12mm', right: '12mm' },
        preferCSSPageSize: false,
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (own) await browser.close();
  }
}
