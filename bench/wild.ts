// Unseen-documents benchmark (`npm run bench:wild`): reads the real PDFs of ../shared/wild that
// nobody tuned yusuan on and prints, per document and overall, whether it was read or refused (and
// why), the tables found and how sure their reading is, error and warning counts, whether the key
// figures are present and satisfy the summary identities, and the time. Prints numbers; asserts
// nothing.
//
//   npm run bench:wild                       the development set (every document not held out)
//   npm run bench:wild -- --holdout          the held-out set (bench/wild-holdout.txt), for the final measure
//   npm run bench:wild -- w062 w078          some documents only
//   npm run bench:wild -- --out run.json     also write every finding, for comparing runs

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analysis.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { InputError } from '../src/read/errors.js';
import { readDisclosureFiles } from '../src/read/index.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import type { Summary } from '../src/summary.js';
import { auditPrecision, loadAudit } from './wild-audit.js';

const WILD = fileURLToPath(new URL('../../shared/wild/', import.meta.url));
if (!existsSync(WILD)) {
  console.log(`跳过：找不到 ${WILD}（../shared 不存在）`);
  process.exit(0);
}
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const outAt = args.indexOf('--out');
const outFile = outAt >= 0 ? args[outAt + 1] : undefined;
const only = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));

const holdout = new Set(
  readFileSync(new URL('./wild-holdout.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);
const index = readFileSync(join(WILD, 'INDEX.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map(([id, city, published]) => ({ id: id!, city: city!, published: published! }));
const docs = index.filter((d) => (only.length ? only.includes(d.id) : flag('all') || flag('holdout') === holdout.has(d.id)));

/** The summary identities a correct disclosure satisfies, from `summary`'s key figures (万元, exact to 0.000001). */
function identities(s: Summary): { name: string; ok: boolean | null }[] {
  const f = s.figures;
  const eq = (a: number | null, b: number | null, parts = 2) =>
    a === null || b === null ? null : Math.abs(Math.round(a * 1e6) - Math.round(b * 1e6)) <= parts * (s.amountUnit === '元' ? 50 : 5000);
  const add = (...xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, x) => a + x!, 0));
  const tp = f.threePublic;
  return [
    { name: '收入总计=支出总计', ok: eq(f.incomeTotal, f.expenditureTotal) },
    { name: '基本+项目=本年支出', ok: eq(add(f.basic, f.project), f.currentYearExpenditure) },
    { name: '人员+公用=基本(一般公共预算)', ok: eq(add(f.personnel, f.publicUse), f.gpbBasic) },
    { name: '三公各项=合计', ok: eq(add(tp.abroad, tp.vehiclePurchase, tp.vehicleOperation, tp.reception), tp.total, 4) },
  ];
}

interface Row {
  id: string;
  city: string;
  refused: string | null;
  profile: string;
  tables: { id: string; status: string }[];
  counts: { error: number; warning: number; info: number };
  identities: { name: string; ok: boolean | null }[];
  ms: number;
  findings: unknown[];
}

const profiles = loadProfiles(IDENTITY_RULE_IDS);
const rows: Row[] = [];
console.log(`野外文件：${docs.length} 份（${flag('holdout') ? '留出集' : only.length ? '指定' : flag('all') ? '全部' : '开发集'}）\n`);
console.log('文件\t城市\t结果\t表格（确认/局部例外/不可靠/未核）\t错误/警告\t恒等式\t耗时');
for (const d of docs) {
  const t0 = performance.now();
  const row: Row = {
    id: d.id,
    city: d.city,
    refused: null,
    profile: '',
    tables: [],
    counts: { error: 0, warning: 0, info: 0 },
    identities: [],
    ms: 0,
    findings: [],
  };
  try {
    const read = await readDisclosureFiles([join(WILD, 'pdf', `${d.id}.pdf`)], { profiles });
    const a = analyse(read);
    row.profile = read.profile.id;
    row.tables = read.disclosure.tables.filter((t) => t.present).map((t) => ({ id: t.id, status: t.reading?.status ?? 'unchecked' }));
    row.counts = a.counts;
    row.identities = identities(a.summary);
    // Each finding carries the reading status of the tables it points at, to tell findings read
    // from confirmed tables from those that rest on an unchecked reading.
    const status = new Map(
      read.disclosure.tables.map((t) => [t.id, `${t.reading?.status ?? 'unchecked'}:${t.reading?.failed ?? 0}/${t.reading?.checked ?? 0}`]),
    );
    row.findings = a.check.findings.map((f) => ({
      ...f,
      tableStatus: [...new Set(f.locations.map((l) => l.table).filter((t): t is string => !!t))].map((t) => `${t}:${status.get(t) ?? '?'}`),
    }));
  } catch (e) {
    row.refused = e instanceof InputError ? e.reason : `内部错误：${e instanceof Error ? e.message : String(e)}`;
  }
  row.ms = performance.now() - t0;
  rows.push(row);
  const st = (s: string) => row.tables.filter((t) => t.status === s).length;
  const ids = row.identities.map((i) => (i.ok === null ? '—' : i.ok ? '✓' : '✗')).join('');
  console.log(
    row.refused
      ? `${d.id}\t${d.city}\t拒绝：${row.refused}\t\t\t\t${row.ms.toFixed(0)} ms`
      : `${d.id}\t${d.city}\t${row.profile}\t${row.tables.length} 张（${st('confirmed')}/${st('exceptions')}/${st('unreliable')}/${st('unchecked')}）\t${row.counts.error}/${row.counts.warning}\t${ids}\t${row.ms.toFixed(0)} ms`,
  );
}

const read = rows.filter((r) => !r.refused);
const tables = read.flatMap((r) => r.tables);
const nStatus = (s: string) => tables.filter((t) => t.status === s).length;
const judged = tables.filter((t) => t.status !== 'unchecked').length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`\n读取：${read.length}/${rows.length} 份；拒绝 ${rows.length - read.length} 份：`);
for (const r of rows.filter((x) => x.refused)) console.log(`  ${r.id}（${r.city}）${r.refused}`);
console.log(
  `表格：${tables.length} 张；确认 ${nStatus('confirmed')}，局部例外 ${nStatus('exceptions')}，不可靠 ${nStatus('unreliable')}，无恒等式可核 ${nStatus('unchecked')}；` +
    `可核的表中确认（含局部例外）${judged ? (((nStatus('confirmed') + nStatus('exceptions')) / judged) * 100).toFixed(1) : '—'}%`,
);
const idNames = read[0]?.identities.map((i) => i.name) ?? [];
for (const name of idNames) {
  const vals = read.map((r) => r.identities.find((i) => i.name === name)?.ok ?? null);
  console.log(
    `  ${name}：成立 ${vals.filter((v) => v === true).length}，不成立 ${vals.filter((v) => v === false).length}，缺数字 ${vals.filter((v) => v === null).length}`,
  );
}
const allHold = read.filter((r) => r.identities.every((i) => i.ok !== false)).length;
console.log(`  各恒等式均未被违反的文件：${allHold}/${read.length}（${read.length ? ((allHold / read.length) * 100).toFixed(1) : '—'}%）`);
const errs = read.map((r) => r.counts.error);
console.log(
  `错误：共 ${errs.reduce((a, b) => a + b, 0)} 项，每份中位数 ${median(errs)}，无错误的文件 ${errs.filter((e) => e === 0).length} 份；警告共 ${read.reduce((a, r) => a + r.counts.warning, 0)} 项`,
);
const errorsByRule = new Map<string, { n: number; unconfirmed: number }>();
for (const f of read.flatMap((r) => r.findings as { rule: string; severity: string; tableStatus: string[] }[])) {
  if (f.severity !== 'error') continue;
  const e = errorsByRule.get(f.rule) ?? { n: 0, unconfirmed: 0 };
  e.n++;
  if (f.tableStatus.some((s) => !/:(confirmed|exceptions):/.test(s))) e.unconfirmed++;
  errorsByRule.set(f.rule, e);
}
console.log(
  `错误按规则（其中涉及未确认读取的表）：${[...errorsByRule]
    .sort((a, b) => b[1].n - a[1].n)
    .map(([r, e]) => `${r} ${e.n}（${e.unconfirmed}）`)
    .join('；')}`,
);
console.log(`耗时：中位数 ${median(rows.map((r) => r.ms)).toFixed(0)} ms，最慢 ${Math.max(...rows.map((r) => r.ms)).toFixed(0)} ms`);

// The held-out documents have their own audit (bench/holdout-audit.tsv: the final measurement of
// 2026-12-05, every error finding then reported, judged on its page); it is never used to tune.
const audit = flag('holdout') ? loadAudit(new URL('./holdout-audit.tsv', import.meta.url)) : loadAudit();
if (audit.length) {
  const p = auditPrecision(audit, new Map(read.map((r) => [r.id, r.findings as never])), new Set(rows.map((r) => r.id)));
  if (p.audited > 0)
    console.log(
      `人工核对集（${flag('holdout') ? 'bench/holdout-audit.tsv' : 'test/fixtures/wild-audit.tsv'}）：本次覆盖 ${p.audited} 条；真实问题仍报告 ${p.genuineFound}/${p.genuine}；` +
        `误读或规则不当而仍报为错误 ${p.falseErrors}/${p.falseTotal}；仍报告的已核错误中真实的比例（精确率）${p.precision}`,
    );
}
if (outFile) writeFileSync(outFile, JSON.stringify(rows, null, 1));
