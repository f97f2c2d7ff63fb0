// One `yusuan check` of a PDF, stage by stage, in a fresh process on the compiled code (dist), as the
// read child of the CLI does it. Spawned by bench/speed.ts; prints one JSON line of milliseconds.
// Usage: node bench/check-split.mjs <file.pdf> [--repeat N]  (N > 1: the stages of the last, warm run)

const start = performance.now(); // node's own start-up, until this script runs
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const startCpu = cpu();
const { readFileSync } = await import('node:fs');
const [
  { loadProfiles, detectProfile },
  { IDENTITY_RULE_IDS },
  { extractPdfFiles },
  { buildDocument },
  { segmentPositioned },
  { interpretDocument },
  { assessReadings },
  { analyse },
  { textReport },
] = await Promise.all([
  import('../dist/profiles/registry.js'),
  import('../dist/rules/catalog.js'),
  import('../dist/read/positioned/pdf-extract.js'),
  import('../dist/read/positioned/pdf.js'),
  import('../dist/read/positioned/segment.js'),
  import('../dist/interpret/interpret.js'),
  import('../dist/reading/assess.js'),
  import('../dist/analysis.js'),
  import('../dist/cli/report.js'),
]);
const profiles = loadProfiles(IDENTITY_RULE_IDS);
const loaded = performance.now();
const loadedCpu = cpu();

const file = process.argv[2];
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 1;
const bytes = new Uint8Array(readFileSync(file));
let times;
let cpus;
let findings = 0;
for (let i = 0; i < repeat; i++) {
  const t = [performance.now()];
  const c = [cpu()];
  const raw = await extractPdfFiles([{ name: file, bytes: bytes.slice() }], 400);
  t.push(performance.now());
  c.push(cpu());
  const doc = buildDocument(raw, '0'.repeat(64));
  const text = doc.pages.flatMap((p) => p.lines.map((l) => l.tokens.map((k) => k.text).join(' '))).join('\n');
  const profile = detectProfile(text, profiles);
  const segmented = segmentPositioned(doc, profile);
  t.push(performance.now());
  c.push(cpu());
  const disclosure = assessReadings(interpretDocument(segmented, profile), profile);
  t.push(performance.now());
  c.push(cpu());
  const analysis = analyse({ disclosure, profile });
  t.push(performance.now());
  c.push(cpu());
  const out = textReport(disclosure, profile, analysis.findings, { maxInfo: 8 }) + JSON.stringify(analysis.check);
  t.push(performance.now());
  c.push(cpu());
  findings = analysis.findings.length + (out.length ? 0 : 1);
  cpus = { start: startCpu, load: loadedCpu - startCpu, pdf: c[1] - c[0], grid: c[2] - c[1], interpret: c[3] - c[2], rules: c[4] - c[3], output: c[5] - c[4] };
  times = { pdf: t[1] - t[0], grid: t[2] - t[1], interpret: t[3] - t[2], rules: t[4] - t[3], output: t[5] - t[4] };
}
const rss = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ start, load: loaded - start, ...times, cpu: cpus, findings, peakRssMb: Math.round(rss) })}\n`);
