// The store under faults: a migration interrupted half-way leaves nothing behind (SQLite and
// PostgreSQL), and concurrent imports of one publication serialise instead of failing on the
// (doc_key, version) key.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestDatabase } from '../../test/support/postgres.js';
import { analyse } from '../analysis.js';
import { loadProfiles } from '../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { syntheticDisclosure } from '../synthetic/generate.js';
import { migrate, openStore, type OpenOptions, type Store } from './db.js';
import { importAnalysed } from './import.js';
import { migrations } from './migrations.js';

const profile = () => loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;

async function interruptedMigration(options: OpenOptions, fresh: (store: Store) => Promise<void>) {
  // The first migration, stopped after its first table (as a kill would stop it).
  const store = await openStore(options);
  await fresh(store);
  const real = migrations(store.dialect)['0001_initial']!;
  const broken = {
    '0001_initial': {
      up: async (db: Kysely<unknown>) => {
        await db.schema.createTable('documents').addColumn('id', 'integer').execute();
        throw new Error('killed');
      },
      down: real.down!,
    },
  };
  await assert.rejects(migrate(store, broken), /killed/);
  await store.close();
  // The next open migrates from scratch; before, it failed with "table documents already exists".
  const again = await openStore(options);
  try {
    assert.equal(
      (
        await again.db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      0,
    );
  } finally {
    await again.close();
  }
}

async function concurrentImports(store: Store) {
  const doc = (n: number) => syntheticDisclosure({ seed: 5, department: '并发测试部门', region: '测试省', year: 2024, ...(n ? { injectError: true } : {}) });
  const same = doc(0);
  const analysis = analyse({ disclosure: same, profile: profile() });
  const results = await Promise.all([1, 2, 3, 4].map(() => importAnalysed(store, structuredClone(same), analysis)));
  assert.deepEqual(results.map((r) => r.outcome).sort(), ['created', 'unchanged', 'unchanged', 'unchanged']);
  assert.equal(new Set(results.map((r) => r.id)).size, 1);
  // Different content at once: consecutive versions, one latest.
  const changed = [1, 2, 3].map((k) => {
    const d = doc(1);
    d.meta.source.sha256 = `changed-${k}`;
    return d;
  });
  const versions = await Promise.all(changed.map((d) => importAnalysed(store, d, analyse({ disclosure: d, profile: profile() }))));
  assert.deepEqual(versions.map((r) => r.version).sort(), [2, 3, 4]);
  const latest = await store.db.selectFrom('documents').select('version').where('latest', '=', 1).where('department', '=', '并发测试部门').execute();
  assert.deepEqual(
    latest.map((r) => r.version),
    [4],
  );
}

test('SQLite: an interrupted migration leaves nothing behind; the next open works', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yusuan-migrate-'));
  // An empty file: openStore would migrate it fully, so the broken migration runs on a store opened
  // on a file whose migrations are then rolled back by hand first.
  await interruptedMigration({ dataDir }, async (s) => {
    for (const t of ['finding_reviews', 'units', 'facts', 'document_data', 'documents', 'kysely_migration', 'kysely_migration_lock'])
      await s.db.schema.dropTable(t).ifExists().execute();
  });
});

test('SQLite: concurrent imports of one publication serialise', async () => {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'yusuan-race-')) });
  try {
    await concurrentImports(store);
  } finally {
    await store.close();
  }
});

test('PostgreSQL: an interrupted migration leaves nothing behind; concurrent imports serialise (no duplicate key)', async (t) => {
  const pg = await createTestDatabase();
  if ('skip' in pg) return t.skip(pg.skip);
  try {
    await interruptedMigration({ databaseUrl: pg.url }, async (s) => {
      for (const table of ['finding_reviews', 'units', 'facts', 'document_data', 'documents', 'kysely_migration', 'kysely_migration_lock'])
        await s.db.schema.dropTable(table).ifExists().cascade().execute();
    });
    const store = await openStore({ databaseUrl: pg.url });
    try {
      await concurrentImports(store);
    } finally {
      await store.close();
    }
  } finally {
    await pg.drop();
  }
});
