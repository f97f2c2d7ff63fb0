// `yusuan render` and `yusuan template` end to end: the example rendered to XLSX and PDF reads back
// to the same facts; the gate refuses a publication with errors; a template filled with the
// example's figures checks with only the example's own errors, and with none once corrected.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { run } from '../src/cli/main.js';
import { generateNarrative, inputsFromNarrative } from '../src/narrative/generate.js';
import { readDisclosureFiles } from '../src/read/index.js';
import { layoutDisclosure } from '../src/render/layout.js';
import { runRules } from '../src/rules/engine.js';
import type { Finding } from '../src/rules/types.js';
import { launchBrowser } from '../src/write/pdf.js';
import { render } from '../src/write/render.js';
import { factsByRow, fillTemplate, HAVE_CHROMIUM, HAVE_POPPLER, loadWorkbook, sheetRows, workbookMeta } from './support/render.js';
import { profiles, readSeed, SEED_PATH } from './support/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-render-'));
const tmp = (name: string) => join(dir, name);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

const errorsOf = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity === 'error')
    .map((f) => f.rule)
    .sort();

/** The example's own errors, narrative ones excepted (a generated narrative has none). */
function genuineTableErrors(): string[] {
  const { disclosure, profile } = readSeed();
  return errorsOf(runRules(disclosure, profile).filter((f) => f.category !== 'narrative'));
}

let browser: Browser | undefined;
before(async () => {
  if (HAVE_CHROMIUM) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('render to XLSX', () => {
  test('the example reads back cell for cell: the same facts, performance targets and narrative', async () => {
    const { disclosure, profile } = readSeed();
    const rendered = await render({ disclosure, profile }, { to: 'xlsx', draft: true });
    writeFileSync(tmp('example.xlsx'), rendered.bytes);
    const back = await readDisclosureFiles([tmp('example.xlsx')], { profiles: profiles() });
    assert.equal(back.profile.id, profile.id);
    assert.equal(back.disclosure.meta.department, disclosure.meta.department);
    assert.equal(back.disclosure.meta.fiscalYear, 2024);
    assert.deepEqual(factsByRow(back.disclosure), factsByRow(disclosure));
    assert.deepEqual(
      back.disclosure.performance.projects.map((p) => [p.name, p.amount, p.indicators.map((i) => `${i.level3}${i.nature}${i.value}${i.weight}`).join()]),
      disclosure.performance.projects.map((p) => [p.name, p.amount, p.indicators.map((i) => `${i.level3}${i.nature}${i.value}${i.weight}`).join()]),
    );
    // The generated narrative is read back and is right: no narrative error, the example's table errors stay.
    assert.deepEqual(errorsOf(runRules(back.disclosure, back.profile)), genuineTableErrors());
    assert.ok(back.disclosure.narrative.claims.length > 60);
  });

  test('one sheet per table with merged headers and number formats, as departments publish it', async () => {
    const wb = await loadWorkbook(readFileSync(tmp('example.xlsx')));
    const meta = workbookMeta(wb);
    assert.equal(meta.tables.length, 12);
    const tp = wb.getWorksheet(meta.tables.find((t) => t.id === '3-3')!.sheet)!;
    assert.equal(tp.getCell('A1').value, '一般公共预算“三公”经费支出预算表');
    assert.ok((tp.model.merges as string[]).includes('E3:G3'), String(tp.model.merges));
    assert.equal(tp.getCell('E3').value, '公务用车购置及运行费');
    const total = sheetRows(tp).find((r) => r.cells[1] === '合计')!;
    assert.equal(tp.getCell(total.row, 3).value, 3387.5);
    assert.equal(tp.getCell(total.row, 3).numFmt, '#,##0.00');
    const spending = wb.getWorksheet(meta.tables.find((t) => t.id === '1-2')!.sheet)!;
    const row = sheetRows(spending).find((r) => r.cells[4] === '培训支出' && r.cells[3] === '205303')!;
    assert.deepEqual(row.cells.slice(0, 3), ['205', '08', '03']);
    assert.equal(wb.getWorksheet('_yusuan')!.state, 'veryHidden');
    // A draft says so on every printed page.
    assert.match(spending.headerFooter.oddHeader ?? '', /草稿/);
  });
});

describe('the gate', () => {
  test('render refuses a PDF or XLSX for publication while errors exist, and lists them', async () => {
    for (const to of ['pdf', 'xlsx']) {
      const out = tmp(`refused.${to}`);
      const r = await cli('render', SEED_PATH, '--to', to, '-o', out);
      assert.equal(r.code, 1);
      assert.match(r.err, /拒绝生成供公开的/);
      assert.match(r.err, /缺少公开表1-1“部门收入总表”/);
      assert.ok(!existsSync(out));
    }
  });

  test('HTML is written anyway; bad usage is exit 2', async () => {
    const r = await cli('render', SEED_PATH, '--to', 'html', '-o', tmp('example.html'));
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(tmp('example.html'), 'utf8');
    assert.match(html, /<th colspan="3">公务用车购置及运行费<\/th>/);
    assert.match(html, /<svg/);
    assert.equal((await cli('render', SEED_PATH, '--to', 'docx', '-o', tmp('x.docx'))).code, 2);
    assert.equal((await cli('render', SEED_PATH, '--to', 'pdf')).code, 2);
    assert.equal((await cli('template', '-o', tmp('t.xlsx'))).code, 2);
    assert.equal((await cli('template', '--profile', 'nope', '-o', tmp('t.xlsx'))).code, 2);
  });
});

describe('last year', () => {
  test('--previous reads last year’s disclosure and the narrative states the changes', async () => {
    // Last year's disclosure: the example as of 2023 with 公务接待费 at 30.00 instead of 33.50.
    const lastYear = readFileSync(SEED_PATH, 'utf8')
      .replace(/总队 2024 年部门预算/g, '总队 2023 年部门预算')
      .replace('205001\t四川省公安厅交通警察总队\t136.50\t\t127.00\t\t127.00\t9.50', '205001\t四川省公安厅交通警察总队\t133.00\t\t127.00\t\t127.00\t6.00')
      .replace(/\t3,387\.50\t\t3,354\.00\t\t3,354\.00\t33\.50/g, '\t3,384.00\t\t3,354.00\t\t3,354.00\t30.00');
    writeFileSync(tmp('2023.txt'), lastYear);
    const r = await cli('render', SEED_PATH, '--to', 'html', '--previous', tmp('2023.txt'), '-o', tmp('changes.html'));
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(tmp('changes.html'), 'utf8');
    assert.match(html, /收支预算总数80818\.35万元，与2023年预算持平/);
    assert.match(html, /公务接待费33\.50万元，比2023年预算增加3\.50万元，增长11\.67%/);
    assert.match(r.out, /“公务接待费”与上年相比有增减，但没有提供变动原因/);
    const same = await cli('render', SEED_PATH, '--to', 'html', '--previous', SEED_PATH, '-o', tmp('x.html'));
    assert.equal(same.code, 2);
    assert.match(same.err, /不早于本年/);
  });
});

describe('render to PDF', { skip: !HAVE_CHROMIUM && '需要 /usr/bin/chromium' }, () => {
  test('the example PDF reads back to the same facts; every table title and figure is in its text', async () => {
    const { disclosure, profile } = readSeed();
    const rendered = await render({ disclosure, profile }, { to: 'pdf', draft: true, browser: browser! });
    writeFileSync(tmp('example.pdf'), rendered.bytes);
    const back = await readDisclosureFiles([tmp('example.pdf')], { profiles: profiles() });
    assert.equal(back.profile.id, profile.id);
    assert.deepEqual(factsByRow(back.disclosure), factsByRow(disclosure));
    // Every error of the text is found in the PDF, 绩效目标表 included (read by position), except the narrative's:
    // the rendered 说明 computes every number from the tables.
    const expected = errorsOf(runRules(disclosure, profile)).filter((rule) => !rule.startsWith('narrative.'));
    assert.ok(expected.some((rule) => rule.startsWith('performance.')));
    assert.deepEqual(errorsOf(runRules(back.disclosure, back.profile)), expected);
    if (!HAVE_POPPLER) return;
    const text = execFileSync('pdftotext', ['-layout', tmp('example.pdf'), '-'], { encoding: 'utf8' });
    for (const t of rendered.layout.tables.filter((x) => x.present)) assert.ok(text.includes(t.title), t.title);
    for (const t of rendered.layout.tables.filter((x) => x.present && x.layout !== 'projectPerformance' && x.layout !== 'departmentPerformance'))
      for (const row of t.body) for (const c of row.cells) if (/\d\.\d\d$/.test(c)) assert.ok(text.includes(c), `${t.id} ${c}`);
    assert.match(text, /占84\.90%/);
    assert.match(text, /第 1 页 共 \d+ 页/);
    // The watermark is an image on every page: a draft adds no text.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [tmp('example.pdf')], { encoding: 'utf8' }))![1]);
    const images = execFileSync('pdfimages', ['-list', tmp('example.pdf')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    assert.equal(new Set(images.map((l) => l.trim().split(/\s+/)[0])).size, pages);
    assert.doesNotMatch(text, /草稿/);
  });
});

describe('the preparer’s workbook', () => {
  test('template → filled with the example’s figures → only the example’s own errors → none once corrected', async () => {
    const r = await cli('template', '--profile', 'sichuan-province-budget-2024', '-o', tmp('template.xlsx'));
    assert.equal(r.code, 0, r.err);
    const blank = await cli('check', tmp('template.xlsx'));
    assert.equal(blank.code, 2);
    assert.match(blank.err, /没有填写部门名称/);

    const { disclosure, profile } = readSeed();
    const layout = layoutDisclosure(disclosure, profile, generateNarrative(disclosure, profile), { duties: [], tasks: [] });
    const wb = await loadWorkbook(readFileSync(tmp('template.xlsx')));
    assert.deepEqual(
      workbookMeta(wb).tables.map((t) => t.id),
      profile.tables.map((t) => t.id),
    );
    assert.ok(wb.getWorksheet('填报说明'));
    fillTemplate(wb, layout);
    // What people supply, verbatim: here the example's own words.
    const inputs = inputsFromNarrative(disclosure, profile);
    const notes = wb.getWorksheet('其他事项')!;
    for (const [topic, paras] of Object.entries(inputs.notes)) for (const p of paras) notes.addRow([topic, '', p]);
    await wb.xlsx.writeFile(tmp('filled.xlsx'));

    const filled = await readDisclosureFiles([tmp('filled.xlsx')], { profiles: profiles() });
    assert.deepEqual(factsByRow(filled.disclosure), factsByRow(disclosure));
    assert.deepEqual(errorsOf(runRules(filled.disclosure, filled.profile)), genuineTableErrors());
    assert.ok(filled.disclosure.narrative.sentences.some((s) => s.text.includes('政府采购预算 14522.82 万元')));

    // Correct the example's errors in the workbook: the two tables it never printed are marked empty,
    // the 宣传 project gets its 成本指标, the three ≤ targets are 反向指标.
    const meta = workbookMeta(wb);
    for (const id of ['1-1', '2-1']) {
      const t = meta.tables.find((x) => x.id === id)!;
      wb.getWorksheet(t.sheet)!.getCell(t.firstRow, 1).value = '注：本表无数据';
    }
    const perf = meta.tables.find((x) => x.id === '6')!;
    const ws = wb.getWorksheet(perf.sheet)!;
    for (const row of sheetRows(ws))
      if (['报告完成及时率', '结算审核报告中错误量', '购置台式电脑数量'].includes(row.cells[6]!)) ws.getCell(row.row, 12).value = '反向指标';
    const rows = sheetRows(ws);
    const start = rows.findIndex((r) => r.cells[1] === '宣传及法律服务工作保障经费');
    const next = rows.findIndex((r, i) => i > start && r.cells[1] !== '');
    ws.spliceRows(rows[next]!.row, 0, ['', '', '', '', '成本指标', '经济成本指标', '宣传经费控制', '≤', '100', '%', '15', '反向指标']);
    await wb.xlsx.writeFile(tmp('corrected.xlsx'));
    const corrected = await cli('check', tmp('corrected.xlsx'));
    assert.equal(corrected.code, 0, corrected.out);

    if (!HAVE_CHROMIUM) return;
    const refused = await cli('render', tmp('filled.xlsx'), '--to', 'pdf', '-o', tmp('filled.pdf'));
    assert.equal(refused.code, 1);
    const published = await cli('render', tmp('corrected.xlsx'), '--to', 'pdf', '-o', tmp('corrected.pdf'));
    assert.equal(published.code, 0, published.err);
    const pdfCheck = await cli('check', tmp('corrected.pdf'));
    assert.equal(pdfCheck.code, 0, pdfCheck.out);
    const back = await readDisclosureFiles([tmp('corrected.pdf')], { profiles: profiles() });
    assert.deepEqual(factsByRow(back.disclosure), factsByRow(disclosure));
  });
});
