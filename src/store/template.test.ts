// A blank template (上海市XX局) is not imported; an unreliable table is stored but not summed.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyse } from '../analysis.js';
import { loadProfiles } from '../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { syntheticDisclosure } from '../synthetic/generate.js';
import { openStore } from './db.js';
import { importAnalysed, isPlaceholderName, TemplateNotImported } from './import.js';

test('placeholder department names are told from real ones', () => {
  for (const name of ['上海市XX局', '上海市 XX 局', 'ＸＸ区财政局', '××单位', '某某部门', '○○县教育局']) assert.ok(isPlaceholderName(name), name);
  for (const name of ['上海市普陀区人民政府办公室', '重庆市大足区财政局', '未知部门', '中国（上海）自由贸易试验区管理委员会'])
    assert.ok(!isPlaceholderName(name), name);
});

test('a blank template is refused with a zh-CN reason and nothing is stored', async () => {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'yusuan-template-')) });
  try {
    const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;
    const doc = syntheticDisclosure({ seed: 7, department: '上海市XX局', region: '上海市', year: 2024 });
    await assert.rejects(
      importAnalysed(store, doc, analyse({ disclosure: doc, profile })),
      (e) => e instanceof TemplateNotImported && /空白模板/.test(e.message),
    );
    const n = await store.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    assert.equal(Number(n?.n), 0);
  } finally {
    await store.close();
  }
});

test('the numbers of a table read unreliably are stored but never summed (leaf 0)', async () => {
  const { factRows } = await import('./import.js');
  const doc = syntheticDisclosure({ seed: 8, department: '测试局', region: '测试省', year: 2024 });
  const summed = (d: typeof doc) =>
    new Set(
      factRows(d, 1)
        .filter((f) => f.leaf === 1)
        .map((f) => f.table_id),
    );
  assert.ok(summed(doc).has('1-2'));
  const t = doc.tables.find((x) => x.id === '1-2')!;
  t.reading = { status: 'unreliable', checked: 10, failed: 4, reason: '10 处合计关系中有 4 处不成立' };
  const rows = factRows(doc, 1);
  assert.ok(
    rows.some((f) => f.table_id === '1-2'),
    'still stored, as read',
  );
  assert.ok(!summed(doc).has('1-2'), 'not summed');
});
