// Round trip over the corpus (../shared/corpus; skipped when absent): every document that reads
// cleanly is rendered to XLSX and to PDF and read back with yusuan's own readers, which must give
// the same facts (table, row identity, measure, value). "Cleanly": readable; tables whose reading
// is in doubt (completeness.unreliable-table) are left out of the comparison.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { readDisclosureFiles, type ReadResult } from '../src/read/index.js';
import { runRules } from '../src/rules/engine.js';
import { launchBrowser } from '../src/write/pdf.js';
import { render } from '../src/write/render.js';
import { factsById, HAVE_CHROMIUM } from './support/render.js';
import { profiles } from './support/seed.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/pdf/', import.meta.url));
const HAVE_CORPUS = existsSync(CORPUS);

function documents(): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const f of readdirSync(CORPUS).sort()) {
    if (!f.endsWith('.pdf')) continue;
    const name = f.replace(/(-part\d)?\.pdf$/, '');
    groups.set(name, [...(groups.get(name) ?? []), join(CORPUS, f)]);
  }
  return [...groups];
}

const dir = mkdtempSync(join(tmpdir(), 'yusuan-corpus-'));

describe('render round trip over the corpus', { skip: !HAVE_CORPUS && '../shared/corpus 不存在' }, () => {
  let browser: Browser | undefined;
  before(async () => {
    if (HAVE_CHROMIUM) browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  const clean: string[] = [];
  for (const [name, files] of HAVE_CORPUS ? documents() : []) {
    test(name, { timeout: 120_000 }, async (t) => {
      let read: ReadResult;
      try {
        read = await readDisclosureFiles(files, { profiles: profiles() });
      } catch {
        t.skip('不可读（不是完整的公开文件）');
        return;
      }
      // Tables whose reading is in doubt are left out of the comparison: a misread table is not
      // something to publish, and comparing it with itself proves nothing.
      const doubtful = new Set(
        runRules(read.disclosure, read.profile)
          .filter((f) => f.rule === 'completeness.unreliable-table')
          .map((f) => f.locations[0]?.table ?? ''),
      );
      // So are tables with a row that carries neither a figure nor a code: laid out again, such a
      // label-only line reads as the continuation of the label above (the positional reader joins
      // wrapped labels), so the table cannot come back row for row. They are misreads of the source
      // ("表" rows, half labels), listed so the count of what is compared stays honest.
      const withFacts = new Set(read.disclosure.facts.map((f) => `${f.table}|${f.row}`));
      for (const t of read.disclosure.tables)
        if (t.rows.some((r) => r.kind !== 'total' && !r.code && !r.unitCode && !r.item && !withFacts.has(`${t.id}|${r.index}`))) doubtful.add(t.id);
      const sure = (facts: string[]) => facts.filter((k) => !doubtful.has(k.split('|')[0]!));
      const expected = sure(factsById(read.disclosure));
      if (expected.length === 0) {
        t.skip('没有可比较的表');
        return;
      }
      clean.push(name);
      for (const to of HAVE_CHROMIUM ? (['xlsx', 'pdf'] as const) : (['xlsx'] as const)) {
        const rendered = await render(read, { to, draft: true, ...(browser ? { browser } : {}) });
        const file = join(dir, `${name}.${to}`);
        writeFileSync(file, rendered.bytes);
        const back = await readDisclosureFiles([file], { profiles: profiles() });
        assert.equal(back.profile.id, read.profile.id, `${to}: 模板`);
        assert.deepEqual(sure(factsById(back.disclosure)), expected, `${to}: 事实`);
      }
    });
  }
  test('most of the corpus reads cleanly and is compared', () => {
    assert.ok(clean.length >= 15, `只有 ${clean.length} 份`);
  });
});
