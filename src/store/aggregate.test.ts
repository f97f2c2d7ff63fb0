import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyse } from '../analysis.js';
import { loadProfiles } from '../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { syntheticDisclosure } from '../synthetic/generate.js';
import { aggregate, cachedAggregate, offThreadAnswers, QueryError } from './aggregate.js';
import { openStore } from './db.js';
import { importAnalysed } from './import.js';

test('a file-backed SQLite store answers aggregates in a worker thread, with the same answer and the same query errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-aggregate-'));
  const store = await openStore({ dataDir: dir });
  try {
    const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;
    for (const seed of [1, 2, 3]) {
      const doc = syntheticDisclosure({ seed });
      await importAnalysed(store, doc, analyse({ disclosure: doc, profile }));
    }
    const before = offThreadAnswers();
    const query = { drilldown: 'year,functionClass' };
    const answer = await cachedAggregate(store, query);
    assert.equal(offThreadAnswers(), before + 1, 'the cache miss was answered by the worker');
    assert.deepEqual(answer, await aggregate(store, query));
    assert.ok(answer.cells.length > 0);
    // A repeated query is a cache hit, answered here.
    assert.deepEqual(await cachedAggregate(store, query), answer);
    assert.equal(offThreadAnswers(), before + 1);
    // The worker reads what was imported after it started (its own connection sees the WAL).
    const doc = syntheticDisclosure({ seed: 4 });
    await importAnalysed(store, doc, analyse({ disclosure: doc, profile }));
    assert.deepEqual(await cachedAggregate(store, query), await aggregate(store, query));
    await assert.rejects(cachedAggregate(store, { drilldown: 'colour' }), (e) => e instanceof QueryError && /未知维度/.test(e.message));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
