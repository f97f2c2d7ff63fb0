// pdf.js side of the PDF reader: open each file, take every page's text items and put them in page
// coordinates (points, origin top-left, y down, page rotation applied). Runs inside a worker thread
// (pdf-worker.ts) so that the caller can bound its time and memory; nothing here touches the
// network: CMaps, standard fonts and wasm decoders are read from the pdfjs-dist package on disk.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// First: keeps the natives that pdf.js's bundled core-js replaces (pdfjs-natives.ts).
import { restoreNatives } from './pdfjs-natives.js';
import { getDocument, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Loaded here, not on the first getDocument (pdf.js's fake worker), so that its core-js too has run
// before the natives are put back. It sets globalThis.pdfjsWorker, which pdf.js then uses.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

restoreNatives();

export interface RawItem {
  str: string;
  /** Left and right edge, points from the page's left. */
  x0: number;
  x1: number;
  /** Baseline, top and bottom, points from the page's top (y down). */
  baseline: number;
  top: number;
  bottom: number;
  /** Font size in points (length of the glyph's up vector). */
  size: number;
  /** Left-to-right horizontal text (after page rotation). */
  horizontal: boolean;
}

export interface RawPage {
  width: number;
  height: number;
  items: RawItem[];
  /** Whether the page paints an image; only looked at for pages with (almost) no text, else null. */
  hasImage: boolean | null;
}

export interface RawFile {
  name: string;
  pages: RawPage[];
}

export type ExtractFailure = { code: 'encrypted' | 'corrupt'; file: string; detail: string } | { code: 'too-many-pages'; file: string; pages: number };

export class ExtractError extends Error {
  constructor(readonly failure: ExtractFailure) {
    super(failure.code);
  }
}

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
const asDir = (p: string) => join(PDFJS_ROOT, p) + '/';

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintInlineImageXObjectGroup,
]);

/** Pages with at most this many visible characters get their operator list checked for images. */
const FEW_CHARS = 12;

/** Read all files, in order. Stops with ExtractError on the first encrypted or corrupt file, or when the page total exceeds maxPages. */
export async function extractPdfFiles(files: { name: string; bytes: Uint8Array }[], maxPages: number): Promise<RawFile[]> {
  const out: RawFile[] = [];
  let total = 0;
  for (const f of files) {
    const raw = await extractOne(f, maxPages - total);
    total += raw.pages.length;
    out.push(raw);
  }
  return out;
}

async function extractOne(file: { name: string; bytes: Uint8Array }, pagesLeft: number): Promise<RawFile> {
  const task = getDocument({
    // pdf.js takes ownership of (and may detach) the buffer: give it a copy.
    data: new Uint8Array(file.bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: asDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asDir('standard_fonts'),
    wasmUrl: asDir('wasm'),
    iccUrl: asDir('iccs'),
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw new ExtractError(classify(e, file.name));
  }
  try {
    if (doc.numPages > pagesLeft) throw new ExtractError({ code: 'too-many-pages', file: file.name, pages: doc.numPages });
    const pages: RawPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await extractPage(await doc.getPage(n)));
      } catch (e) {
        if (e instanceof ExtractError) throw e;
        throw new ExtractError(classify(e, file.name, n));
      }
    }
    return { name: file.name, pages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function classify(e: unknown, file: string, page?: number): ExtractFailure {
  const name = e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return { code: 'encrypted', file, detail: msg };
  return { code: 'corrupt', file, detail: `${page ? `page ${page}: ` : ''}${name ? name + ': ' : ''}${msg}` };
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;

async function extractPage(page: PdfPage): Promise<RawPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ includeMarkedContent: false });
  const items: RawItem[] = [];
  let visible = 0;
  for (const it of content.items) {
    if (!('str' in it) || it.str === '') continue;
    const style = content.styles[it.fontName];
    const raw = place(it, viewport.transform, style?.ascent, style?.descent);
    if (raw) {
      items.push(raw);
      visible += it.str.replace(/\s/g, '').length;
    }
  }
  let hasImage: boolean | null = null;
  if (visible <= FEW_CHARS) {
    const ops = await page.getOperatorList();
    hasImage = ops.fnArray.some((fn) => IMAGE_OPS.has(fn));
  }
  page.cleanup();
  return { width: round(viewport.width), height: round(viewport.height), items, hasImage };
}

function place(it: TextItem, vt: number[], ascent: number | undefined, descent: number | undefined): RawItem | null {
  const m = Util.transform(vt, it.transform) as number[];
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  if (![a, b, c, d, e, f].every(Number.isFinite)) return null;
  const adv = Math.hypot(a, b);
  let size = Math.hypot(c, d);
  if (!(size > 0)) size = it.height > 0 ? it.height : adv > 0 ? adv : 10;
  const asc = ascent !== undefined && ascent > 0.3 && ascent < 1.5 ? ascent : 0.85;
  const desc = descent !== undefined && descent < 0 && descent > -0.6 ? descent : -0.15;
  // Unit vectors: along the text (advance) and up the glyphs, in viewport space (y down).
  const ux = adv > 0 ? a / adv : 1;
  const uy = adv > 0 ? b / adv : 0;
  const upLen = Math.hypot(c, d);
  const vx = upLen > 0 ? c / upLen : 0;
  const vy = upLen > 0 ? d / upLen : -1;
  const w = Math.max(0, Number.isFinite(it.width) ? it.width : 0);
  const corners: [number, number][] = [];
  for (const along of [0, w]) for (const up of [asc * size, desc * size]) corners.push([e + ux * along + vx * up, f + uy * along + vy * up]);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const horizontal = ux > 0.99;
  return {
    str: it.str,
    x0: round(Math.min(...xs)),
    x1: round(Math.max(...xs)),
    baseline: round(horizontal ? f : Math.max(...ys)),
    top: round(Math.min(...ys)),
    bottom: round(Math.max(...ys)),
    size: round(size),
    horizontal,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
