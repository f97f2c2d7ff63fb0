// A blank template (上海市XX局) is a form to fill in, not a department: it is not imported.

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
