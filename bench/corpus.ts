// Corpus benchmark (`npm run bench:corpus`): read every document in ../shared/corpus (the
// published PDFs; `--text` reads the pdftotext -layout text instead), compare `summary` with the
// hand-read key figures in corpus/keyfigures.csv, count the tables recognised, the findings by
// severity, and the time per document. Prints numbers; asserts nothing.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/reference/catalog.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { readDisclosureFiles } from '../src/read/index.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { runRules } from '../src/rules/engine.js';
import { summarize, type Summary } from '../src/summary.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
if (!existsSync(CORPUS)) {
  console.log(`跳过：找不到语料目录 ${CORPUS}（../shared 不存在）`);
  process.exit(0);
}
const useText = process.argv.includes('--text');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const FIGURES: [string, (s: Summary) => number | null, boolean][] = [
  ['收入总计', (s) => s.figures.incomeTotal, false],
  ['支出总计', (s) => s.figures.expenditureTotal, false],
  ['本年收入合计', (s) => s.figures.currentYearIncome, false],
  ['一般公共预算拨款收入', (s) => s.figures.gpbAppropriation, false],
  ['基本支出', (s) => s.figures.basic, false],
  ['项目支出', (s) => s.figures.project, false],
  ['三公经费合计_万元', (s) => s.figures.threePublic.total, true],
];

/** Exact comparison at the printed precision of the hand-read figure (in its unit). */
function same(expected: string, actualWan: number | null, unit: string, alwaysWan: boolean): boolean {
  if (actualWan === null) return false;
  const decimals = (expected.split('.')[1] ?? '').length;
  const inUnit = !alwaysWan && unit === '元' ? actualWan * 10000 : actualWan;
  return Number(expected).toFixed(decimals) === inUnit.toFixed(decimals);
}

const [header, ...rows] = parseCsv(readFileSync(join(CORPUS, 'keyfigures.csv'), 'utf8'));
const col = (name: string) => header!.indexOf(name);
const expected = new Map(rows.filter((r) => r.length > 3).map((r) => [r[0]!.replace(/\.txt$/, ''), r]));

const pdfs = readdirSync(join(CORPUS, 'pdf')).filter((f) => f.endsWith('.pdf') || f.endsWith('.xlsx'));
const documents = new Map<string, string[]>();
for (const f of pdfs) {
  const id = f.replace(/-part\d\.pdf$/, '').replace(/\.(pdf|xlsx)$/, '');
  documents.set(id, [...(documents.get(id) ?? []), join(CORPUS, 'pdf', f)]);
}
const profiles = loadProfiles(IDENTITY_RULE_IDS);
let exact = 0;
let total = 0;
const times: number[] = [];
const misses: string[] = [];
const tableCounts = { recognised: 0, printed: 0 };
const unrecognised: string[] = [];
console.log(`语料：${documents.size} 份文件（${useText ? 'pdftotext 文本' : '原始 PDF/XLSX'}）\n`);
console.log('文件\t关键数字\t识别表格\t错误/警告/提示\t耗时');
for (const [id, files] of [...documents].sort()) {
  if (only.length && !only.some((o) => id.includes(o))) continue;
  const inputs = useText ? [join(CORPUS, 'text', `${id}.txt`)] : files.sort();
  const t0 = performance.now();
  let line = `${id}\t`;
  try {
    const { disclosure, profile } = await readDisclosureFiles(inputs, { profiles });
    const findings = runRules(disclosure, profile);
    const ms = performance.now() - t0;
    times.push(ms);
    const s = summarize(disclosure);
    const exp = expected.get(id);
    let ok = 0;
    let n = 0;
    if (exp) {
      const unit = exp[col('amount_unit')]!;
      for (const [name, get, wan] of FIGURES) {
        const e = exp[col(name)]?.trim();
        if (!e) continue;
        n++;
        if (same(e, get(s), unit, wan)) ok++;
        else misses.push(`${id} ${name}: 应为 ${e}，读到 ${get(s) ?? '无'}`);
      }
    }
    exact += ok;
    total += n;
    const present = disclosure.tables.filter((t) => t.present).length;
    const unknown = disclosure.readerNotes.filter((n) => n.message.startsWith('未识别的表格标题')).map((n) => n.message.replace(/^未识别的表格标题/, ''));
    tableCounts.recognised += present;
    tableCounts.printed += present + unknown.length;
    for (const u of unknown) unrecognised.push(`${id} ${u}`);
    const sev = (x: string) => findings.filter((f) => f.severity === x).length;
    line += `${exp ? `${ok}/${n}` : '—'}\t${present}/${present + unknown.length} 张（${profile.id}）\t${sev('error')}/${sev('warning')}/${sev('info')}\t${ms.toFixed(0)} ms`;
  } catch (e) {
    times.push(performance.now() - t0);
    line += `读取失败：${e instanceof Error ? e.message : String(e)}`;
  }
  console.log(line);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`\n识别表格：${tableCounts.recognised}/${tableCounts.printed}（正文中印出的表，按表名和金额单位判断）`);
console.log(`关键数字：${exact}/${total} 完全一致（${total ? ((exact / total) * 100).toFixed(1) : '0'}%）`);
console.log(`每份耗时：中位数 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms，最慢 ${sorted[sorted.length - 1]?.toFixed(0)} ms  目标中位数 < 1000 ms`);
if (unrecognised.length) console.log(`\n未识别的表（${unrecognised.length}）：\n  ${unrecognised.join('\n  ')}`);
if (misses.length) console.log(`\n不一致的关键数字（${misses.length}）：\n  ${misses.join('\n  ')}`);
