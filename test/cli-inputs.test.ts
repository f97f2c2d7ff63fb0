// The real entry point (`node bin/yusuan.js`, compiled by `npm test`) on what users actually pass it:
// published PDFs (one file or a publication in parts), an XLSX that is not a disclosure, and files
// it cannot read, each of which must end with exit 2 and a Chinese message naming the file. Then
// the PDF reader against the `pdftotext -layout` text of the same documents, in-process.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProfiles } from '../src/profiles/registry.js';
import { readDisclosureFiles } from '../src/read/index.js';
import { minimalPdf } from '../src/read/positioned/minimal-pdf.js';
import { MAX_INPUT_BYTES } from '../src/read/text/decode.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { summarize, type Summary } from '../src/summary.js';
import { SEED_TEXT } from './support/seed.js';

const BIN = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const HAVE_CORPUS = existsSync(join(CORPUS, 'pdf'));
const NO_CORPUS = HAVE_CORPUS ? false : `shared corpus not found at ${CORPUS}: corpus tests skipped`;
const pdf = (name: string) => join(CORPUS, 'pdf', name);

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-inputs-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

/** Every bad input must be answered well within this. */
const LIMIT_MS = 15_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function yusuan(...args: string[]): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: LIMIT_MS + 5_000, maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** Exit 2 in time, a Chinese message on stderr naming `path`, no stack trace, nothing on stdout. */
function assertRefused(r: Run, path: string, reason: RegExp, what: string) {
  assert.equal(r.code, 2, `${what}: exit ${r.code}, stderr ${r.stderr}`);
  assert.ok(r.ms < LIMIT_MS, `${what}: took ${r.ms.toFixed(0)} ms`);
  assert.ok(r.stderr.includes(path), `${what}: the message names ${path}: ${r.stderr}`);
  assert.match(r.stderr, /^错误：/, what);
  assert.match(r.stderr, reason, what);
  assert.doesNotMatch(r.stderr, /\n\s+at |内部错误|Error:/, `${what}: no stack trace or internal error`);
  assert.equal(r.stdout, '', what);
}

// ---- corpus PDFs and XLSX (figures hand-read in corpus/keyfigures.csv) ---------------------------

test('summary --json of a corpus PDF (001): the hand-read key figures', { skip: NO_CORPUS }, async () => {
  const r = await yusuan('summary', pdf('001-central-gjxfj-2026-budget.pdf'), '--json');
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as Summary;
  assert.equal(s.department, '国家信访局');
  assert.equal(s.year, 2026);
  assert.equal(s.kind, '预算');
  assert.deepEqual(
    {
      incomeTotal: s.figures.incomeTotal,
      expenditureTotal: s.figures.expenditureTotal,
      currentYearIncome: s.figures.currentYearIncome,
      gpbAppropriation: s.figures.gpbAppropriation,
      basic: s.figures.basic,
      project: s.figures.project,
      threePublic: s.figures.threePublic.total,
    },
    {
      incomeTotal: 50616.94,
      expenditureTotal: 50616.94,
      currentYearIncome: 48362.82,
      gpbAppropriation: 16474.82,
      basic: 11056.07,
      project: 39560.87,
      threePublic: 112.61,
    },
  );
});

test('a publication in two PDFs (002 说明 + 报表) given as two arguments reads as one document', { skip: NO_CORPUS }, async () => {
  const r = await yusuan('summary', pdf('002-beijing-jiaoguanju-2026-budget-part1.pdf'), pdf('002-beijing-jiaoguanju-2026-budget-part2.pdf'), '--json');
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as Summary;
  // The department and year are on part 1's cover, the tables in part 2.
  assert.equal(s.department, '北京市公安局交通管理局');
  assert.equal(s.year, 2026);
  assert.equal(s.figures.incomeTotal, 529260.342892);
  assert.equal(s.figures.expenditureTotal, 529260.342892);
});

test('a 决算 PDF (037) is summarised as 决算', { skip: NO_CORPUS }, async () => {
  const r = await yusuan('summary', pdf('037-central-gjxfj-2024-final.pdf'), '--json');
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as Summary;
  assert.equal(s.kind, '决算');
  assert.equal(s.year, 2024);
  assert.equal(s.figures.incomeTotal, 22066.59);
});

interface CheckJson {
  document: { file: string; kind: string };
  findings: { rule: string; locations: { line: number; page?: number }[] }[];
}

test('check --format json on a PDF: exit 0 or 1, and every finding location names its page', { skip: NO_CORPUS }, async () => {
  const path = pdf('001-central-gjxfj-2026-budget.pdf');
  const r = await yusuan('check', path, '--format', 'json');
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stderr, '');
  const json = JSON.parse(r.stdout) as CheckJson;
  assert.equal(json.document.file, path);
  assert.ok(json.findings.length > 0);
  const pageless = json.findings.flatMap((f) => f.locations.filter((l) => typeof l.page !== 'number').map((l) => `${f.rule} 第 ${l.line} 行`));
  assert.deepEqual(pageless, []);
  const pages = json.findings.flatMap((f) => f.locations.map((l) => l.page!));
  assert.ok(pages.every((p) => Number.isInteger(p) && p >= 1 && p <= 37));
});

test('check --format json on pdftotext layout text (001): locations name the page too (form feeds)', { skip: NO_CORPUS }, async () => {
  const r = await yusuan('check', join(CORPUS, 'text', '001-central-gjxfj-2026-budget.txt'), '--format', 'json');
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as CheckJson;
  assert.ok(json.findings.length > 0);
  assert.deepEqual(
    json.findings.flatMap((f) => f.locations.filter((l) => typeof l.page !== 'number').map((l) => `${f.rule} 第 ${l.line} 行`)),
    [],
  );
});

test('an XLSX that is not a disclosure (043, an inspection checklist) → exit 2 with a clear message', { skip: NO_CORPUS }, async () => {
  const path = pdf('043-putuo-sifaju-2026-budget-xlsx.xlsx');
  const runs = await Promise.all(['check', 'summary', 'extract'].map((c) => yusuan(c, path)));
  for (const [i, r] of runs.entries()) assertRefused(r, path, /未找到任何公开表|不像部门预算或决算公开文件/, ['check', 'summary', 'extract'][i]!);
});

// ---- inputs that cannot be read: exit 2, a Chinese message naming the file, in time ----------------

const text = (x: number, y: number, s: string) => ({ x, y, text: s, font: /[^\x20-\x7e]/.test(s) ? ('cjk' as const) : ('helv' as const) });

function corruptPdf(): Uint8Array {
  // A corpus PDF cut in half (its xref and trailer are lost); a hand-made one without the corpus.
  const whole = HAVE_CORPUS
    ? new Uint8Array(readFileSync(pdf('001-central-gjxfj-2026-budget.pdf')))
    : minimalPdf([{ lines: [text(72, 700, '2026年部门预算'), text(72, 680, '单位：万元')] }]);
  return whole.slice(0, whole.length >> 1);
}

function oversized(): string {
  // Sparse: takes no disk space. The size is refused before anything is read.
  const p = file('huge.pdf', '%PDF-1.7\n');
  truncateSync(p, MAX_INPUT_BYTES + 1);
  return p;
}

const BAD: { name: string; make: () => string[]; reason: RegExp; names?: number }[] = [
  {
    name: 'encrypted PDF',
    make: () => [file('locked.pdf', minimalPdf([{ lines: [text(72, 700, '2026年部门预算 单位：万元')] }], { encrypt: true }))],
    reason: /PDF 已加密/,
  },
  { name: 'corrupt PDF (cut in half)', make: () => [file('half.pdf', corruptPdf())], reason: /PDF 文件已损坏或不完整/ },
  {
    name: 'scanned PDF (image-only pages)',
    make: () => [file('scan.pdf', minimalPdf([{ image: true }, { image: true }, { image: true, lines: [text(290, 30, '- 3 -')] }]))],
    reason: /没有文字层（扫描件）/,
  },
  { name: 'empty file', make: () => [file('empty.pdf', '')], reason: /文件为空/ },
  {
    name: 'a PDF that is not a budget',
    make: () => [
      file(
        'letter.pdf',
        minimalPdf([
          {
            lines: [
              text(72, 760, 'Minutes of the reading club, March 2026'),
              text(72, 740, '读书会三月例会纪要'),
              text(72, 720, '本次例会讨论了《红楼梦》前二十回，共有十二人参加。'),
              text(72, 700, 'Next meeting: 12 April, room 305. Tea and biscuits provided.'),
              text(72, 680, '下次例会将于四月十二日在305室举行，欢迎新成员。'),
            ],
          },
        ]),
      ),
    ],
    reason: /内容不像部门预算或决算公开文件/,
  },
  { name: `file over the size limit (${MAX_INPUT_BYTES / 1048576} MB)`, make: () => [oversized()], reason: /文件过大（64\.1 MB，上限 64 MB）/ },
  {
    name: 'legacy .xls (OLE compound file)',
    make: () => [file('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]))],
    reason: /暂不支持旧版 \.xls/,
  },
  {
    // The text part is the one named.
    name: 'two parts of different formats (a PDF and a text file)',
    make: () => [file('part1.pdf', minimalPdf([{ lines: [text(72, 700, '2026年部门预算情况说明')] }])), file('part2.txt', SEED_TEXT)],
    reason: /多文件发布时每个文件都应是 PDF、XLSX 或 HTML/,
    names: 1,
  },
];

for (const bad of BAD) {
  test(`unreadable input: ${bad.name} → exit 2 within ${LIMIT_MS / 1000} s, a Chinese message naming the file`, async () => {
    const paths = bad.make();
    const named = paths[bad.names ?? 0]!;
    const commands = [['check'], ['check', '--format', 'json'], ['summary', '--json'], ['extract']];
    const runs = await Promise.all(commands.map(([c, ...flags]) => yusuan(c!, ...paths, ...flags)));
    runs.forEach((r, i) => assertRefused(r, named, bad.reason, `${commands[i]!.join(' ')}: ${bad.name}`));
  });
}

// ---- the PDF route and the layout-text route agree --------------------------------------------

const FIGURES = ['incomeTotal', 'expenditureTotal', 'currentYearIncome', 'gpbAppropriation', 'basic', 'project', 'threePublic.total'] as const;
type Figure = (typeof FIGURES)[number];
const figure = (s: Summary, k: Figure) => (k === 'threePublic.total' ? s.figures.threePublic.total : s.figures[k]);

/** Corpus documents with both PDFs (parts in order) and one `pdftotext -layout` text of the same base name. */
function pairs(): { base: string; pdfs: string[]; text: string }[] {
  if (!HAVE_CORPUS) return [];
  const groups = new Map<string, string[]>();
  for (const f of readdirSync(join(CORPUS, 'pdf')).sort()) {
    if (!f.endsWith('.pdf')) continue;
    const base = f.replace(/(-part\d+)?\.pdf$/, '');
    groups.set(base, [...(groups.get(base) ?? []), pdf(f)]);
  }
  return [...groups].map(([base, pdfs]) => ({ base, pdfs, text: join(CORPUS, 'text', `${base}.txt`) })).filter((p) => existsSync(p.text));
}

test(
  'the PDF route and the pdftotext-layout route: a key figure both read is the same (≥ 97%), and the text route reads ≥ 85% of those the PDF route reads',
  { skip: NO_CORPUS },
  async (t) => {
    const options = { profiles: loadProfiles(IDENTITY_RULE_IDS) };
    const read = async (paths: string[]): Promise<Summary | string> => {
      try {
        return summarize((await readDisclosureFiles(paths, options)).disclosure);
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    };
    const docs = pairs();
    assert.ok(docs.length >= 20, `${docs.length} documents with a PDF and a text`);
    // Two at a time: each PDF is read in its own worker thread.
    const results: { base: string; pdf: Summary | string; text: Summary | string }[] = [];
    const queue = [...docs];
    const lane = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) results.push({ base: d.base, pdf: await read(d.pdfs), text: await read([d.text]) });
    };
    await Promise.all([lane(), lane()]);
    results.sort((a, b) => a.base.localeCompare(b.base));

    // A figure the text route leaves unknown (its table not read reliably from pdftotext's layout) is
    // missing, not wrong; a figure both routes read must be the same.
    let compared = 0;
    let agreed = 0;
    const missing: string[] = [];
    const disagreements: string[] = [];
    for (const { base, pdf: p, text: x } of results) {
      if (typeof p === 'string') {
        t.diagnostic(`${base}: PDF 未读出（${p}），不计入`);
        continue;
      }
      for (const k of FIGURES) {
        const a = figure(p, k);
        if (a === null) continue;
        compared++;
        const b = typeof x === 'string' ? null : figure(x, k);
        if (a === b) agreed++;
        else if (b === null) missing.push(`${base} ${k}: PDF ${a}，文本${typeof x === 'string' ? `读取失败：${x}` : '未读出'}`);
        else disagreements.push(`${base} ${k}: PDF ${a}，文本 ${b}`);
      }
    }
    const both = compared - missing.length;
    t.diagnostic(`PDF 与 pdftotext 文本一致：${agreed}/${compared}，文本未读出 ${missing.length}，不一致 ${disagreements.length}；${docs.length} 份文件`);
    for (const d of [...disagreements, ...missing]) t.diagnostic(d);
    assert.ok(compared >= 100, `${compared} figures compared`);
    assert.ok(agreed >= both * 0.97, `read by both routes but different: ${disagreements.length} of ${both}:\n${disagreements.join('\n')}`);
    assert.ok(both >= compared * 0.85, `the text route reads ${both} of ${compared} figures the PDF route reads:\n${missing.join('\n')}`);
  },
);
