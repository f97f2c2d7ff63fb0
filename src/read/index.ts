// Entry point for reading a published file into a Disclosure: detect the format from content,
// decode, pick the profile (or take the forced one), read, interpret.

import { readFileSync, statSync } from 'node:fs';
import { interpretDocument } from '../interpret/interpret.js';
import { assessReadings } from '../reading/assess.js';
import type { Disclosure } from '../model/types.js';
import type { RawDocument } from './raw.js';
import { detectProfile } from '../profiles/registry.js';
import type { Profile } from '../profiles/types.js';
import { InputError } from './errors.js';
import { decodeText, MAX_INPUT_BYTES, sniffFormat } from './text/decode.js';
import { looksLikeDisclosure, readTextDocument } from './text/reader.js';
import { readLayoutText } from './positioned/layout.js';
import { segmentPositioned } from './positioned/segment.js';
import { tabTextToPositioned } from './positioned/tab.js';
import { isLayoutText as looksLikeLayoutText } from './sniff.js';
import type { PositionedDocument } from './positioned/types.js';

export interface ReadResult {
  disclosure: Disclosure;
  profile: Profile;
  /** Page of a source line, for paged input (PDF, `pdftotext -layout` text); undefined otherwise. */
  pageOf?: (line: number) => number | undefined;
  /** What people supplied in a yusuan workbook (reasons, notes, last year's figures), for render. */
  inputs?: import('../render/inputs.js').RenderInputs;
}

export interface ReadOptions {
  profiles: Profile[];
  /** Force a profile by id instead of detecting it. */
  profileId?: string;
}

/**
 * Read one disclosure from one or more files (a 说明 PDF + a 报表 PDF are one publication). PDF,
 * XLSX, HTML and text are told apart by content.
 */
export async function readDisclosureFiles(paths: string[], options: ReadOptions): Promise<ReadResult> {
  if (paths.length === 0) throw new InputError('（无）', '没有给出文件');
  const inputs = paths.map((p) => ({ name: p, bytes: readChecked(p) }));
  const formats = inputs.map((i) => sniffFormat(i.bytes));
  if (inputs.length === 1 && (formats[0] === 'text' || formats[0] === 'binary')) return readDisclosureBytes(inputs[0]!.bytes, paths[0]!, options);
  formats.forEach((f, i) => {
    if (f === 'binary' || f === 'text')
      throw new InputError(paths[i]!, f === 'binary' ? '不是可识别的 PDF/XLSX/HTML 文件' : '多文件发布时每个文件都应是 PDF、XLSX 或 HTML');
    if (f === 'xls') throw new InputError(paths[i]!, '暂不支持旧版 .xls，请另存为 .xlsx');
  });
  if (new Set(formats).size > 1) throw new InputError(paths.join('、'), '同一份公开文件的各部分格式不一致');
  const format = formats[0]!;
  let doc: PositionedDocument;
  // Readers load on demand: a text check should not pay for pdf.js or exceljs at start-up.
  if (format === 'pdf') doc = await (await import('./positioned/pdf.js')).readPdf(inputs);
  else if (format === 'xlsx') {
    const { checkXlsxLimits } = await import('./xlsx-limits.js');
    for (const i of inputs) checkXlsxLimits(i.bytes, i.name);
    // yusuan's own workbooks (rendered, or a filled-in template) are read cell for cell.
    if (inputs.length === 1) {
      const own = await (await import('./workbook.js')).readWorkbook(inputs[0]!.bytes, inputs[0]!.name, options);
      if (own) return own;
    }
    const { readXlsx } = await import('./positioned/xlsx.js');
    doc = mergeDocuments(await Promise.all(inputs.map((i) => readXlsx(i.bytes, i.name))));
  } else {
    const { readHtml } = await import('./positioned/html.js');
    doc = mergeDocuments(inputs.map((i) => readHtml(decodeText(i.bytes, i.name), i.name)));
  }
  return readPositioned(doc, paths.join('、'), options);
}

export function readPositioned(doc: PositionedDocument, file: string, options: ReadOptions): ReadResult {
  const text = doc.pages.flatMap((p) => p.lines.map((l) => l.tokens.map((t) => t.text).join(' '))).join('\n');
  if (!looksLikeDisclosure(text)) throw new InputError(file, '内容不像部门预算或决算公开文件（未找到预算/决算、收支和金额单位）');
  const profile = pickProfile(text, file, options);
  const raw = segmentPositioned(doc, profile);
  const disclosure = interpretRaw(raw, profile, file);
  for (const p of doc.pages)
    if (p.imageOnly) disclosure.readerNotes.push({ message: `第 ${p.number} 页只有图像，没有文字层，未读取`, source: { line: 0, page: p.number } });
  if (doc.format !== 'pdf') return { disclosure, profile };
  const pageOf = pageIndex(doc);
  completePages(disclosure, pageOf);
  return { disclosure, profile, pageOf };
}

/**
 * Interpret a segmented document, or refuse it when it holds nothing to read. A publication split
 * over several files (说明.pdf + 报表.pdf) may be given one part at a time: a file with no table but
 * a budget 情况说明 is that narrative part, read and checked for what it can be.
 */
function interpretRaw(raw: RawDocument, profile: Profile, file: string): Disclosure {
  const narrativeOnly = raw.tables.length === 0 && isBudgetNarrative(raw.narrative.map((l) => l.text).join('\n'));
  // Neither tables nor a budget 说明 (a 绩效评价报告, a notice, a price list published under a budget
  // title): say it is no disclosure rather than blame the template.
  if (raw.tables.length === 0 && !narrativeOnly)
    throw new InputError(file, `未找到任何公开表，也没有预算或决算情况说明：内容不像部门预算或决算公开文件（已按模板“${profile.name}”查找）`);
  const disclosure = assessReadings(interpretDocument(raw, profile), profile);
  const hasNarrative = disclosure.narrative.sentences.length > 0 || disclosure.narrative.sections.length > 0;
  if (narrativeOnly) disclosure.meta.part = 'narrative';
  // Tables without any 情况说明 or 名词解释 around them: the tables part of a split publication.
  else if (!hasNarrative && disclosure.glossary.length === 0) disclosure.meta.part = 'tables';
  return disclosure;
}

/**
 * Prose that is a budget or final-accounts 情况说明: it states the income and the expenditure of the
 * year in amounts, and covers at least one more of the topics every 说明 has.
 */
export function isBudgetNarrative(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  const amount = '[\\d,.]+万?元';
  const income = new RegExp(`收入(预算|决算)?[^。]{0,40}?${amount}`).test(t);
  const expenditure = new RegExp(`支出(预算|决算)?[^。]{0,40}?${amount}`).test(t);
  const topics = [/三公/, /机关运行经费/, /政府采购/, /国有资产/, /绩效/, /名词解释/, /基本支出/, /项目支出/].filter((re) => re.test(t)).length;
  return income && expenditure && topics >= 2;
}

/** Page of each line of a paged document (line numbers are unique across its pages and files). */
function pageIndex(doc: PositionedDocument): (line: number) => number | undefined {
  const pages = new Map<number, number>();
  for (const p of doc.pages) for (const l of p.lines) pages.set(l.line, p.number);
  return (line) => pages.get(line);
}

/**
 * Give every source reference of the model its page. Tables and amounts record theirs; titles, the
 * contents, prose and notes record only the line, and a finding pointing there would lack the page.
 */
function completePages(disclosure: Disclosure, pageOf: (line: number) => number | undefined): void {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.line === 'number' && o.page === undefined) {
        const page = pageOf(o.line);
        if (page !== undefined) o.page = page;
      }
      Object.values(o).forEach(visit);
    }
  };
  visit(disclosure);
}

function mergeDocuments(docs: PositionedDocument[]): PositionedDocument {
  let page = 0;
  let line = 0;
  const pages = docs.flatMap((d) =>
    d.pages.map((p) => {
      page++;
      const lines = p.lines.map((l) => ({ ...l, page, line: ++line }));
      return { ...p, number: page, lines };
    }),
  );
  return { files: docs.flatMap((d) => d.files), format: docs[0]!.format, pages, sha256: docs.map((d) => d.sha256).join('') };
}

function readChecked(path: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(path, '这是一个目录，请给出文件');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, '文件不存在或无法读取');
  }
  if (size === 0) throw new InputError(path, '文件为空');
  // Rounded up, so a file just over the limit does not read as "64.0 MB, limit 64 MB".
  if (size > MAX_INPUT_BYTES)
    throw new InputError(path, `文件过大（${(Math.ceil((size / 1048576) * 10) / 10).toFixed(1)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB）`);
  return readFileSync(path);
}

/** Synchronous read of a text disclosure (tests and tools; the CLI uses readDisclosureFiles). */
export function readDisclosureFile(path: string, options: ReadOptions): ReadResult {
  return readDisclosureBytes(readChecked(path), path, options);
}

export function readDisclosureBytes(bytes: Uint8Array, file: string, options: ReadOptions): ReadResult {
  const format = sniffFormat(bytes);
  if (format === 'binary') throw new InputError(file, '不是文本文件，也不是可识别的 PDF/XLSX/HTML 文件');
  if (format !== 'text') throw new InputError(file, `暂不支持 ${format.toUpperCase()} 格式，请先转换为文本（pdftotext）`);
  const text = decodeText(bytes, file);
  if (!looksLikeDisclosure(text)) throw new InputError(file, '内容不像部门预算或决算公开文件（未找到预算/决算、收支和金额单位）');
  const profile = pickProfile(text, file, options);
  // Tab-separated text in a template whose column indexes describe it is read cell by cell;
  // anything else is read by position and header words, like a PDF. Layout text keeps the PDF's
  // pages (form feeds).
  const layout = looksLikeLayoutText(text) ? readLayoutText(text, file) : null;
  const raw =
    profile.tabColumns && !layout ? readTextDocument(text, file, bytes, profile) : segmentPositioned(layout ?? tabTextToPositioned(text, file), profile);
  const disclosure = interpretRaw(raw, profile, file);
  if (!layout) return { disclosure, profile };
  const pageOf = pageIndex(layout);
  completePages(disclosure, pageOf);
  return { disclosure, profile, pageOf };
}

function pickProfile(text: string, file: string, options: ReadOptions): Profile {
  if (options.profileId) {
    const p = options.profiles.find((x) => x.id === options.profileId);
    if (!p) throw new InputError(file, `未知模板“${options.profileId}”；可用模板：${options.profiles.map((x) => x.id).join('、')}`);
    return p;
  }
  // A disclosure yusuan rendered names its template in its colophon: 按“…”模板生成（id）.
  const named = /模板生成[（(]([a-z0-9-]+)[)）]/.exec(text.replace(/\s+/g, ''));
  const own = named ? options.profiles.find((x) => x.id === named[1]) : undefined;
  if (own) return own;
  const p = detectProfile(text, options.profiles);
  if (!p) throw new InputError(file, `无法识别公开模板；可用 --profile 指定（可用模板：${options.profiles.map((x) => x.id).join('、')}）`);
  return p;
}
