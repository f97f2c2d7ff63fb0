// Opening the store: SQLite (embedded, one file in the data directory) by default, PostgreSQL when
// a connection string is given (DATABASE_URL). Same schema, same queries (Kysely); migrations run
// on open.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, type DialectAdapter, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from './migrations.js';
import type { DB, NewFact } from './schema.js';

export const FACT_COLUMNS = [
  'document_id',
  'table_id',
  'role',
  'row_index',
  'row_kind',
  'leaf',
  'label',
  'measure',
  'fen',
  'function_code',
  'function_class',
  'economic_code',
  'unit_code',
  'project',
  'item',
  'fund_type',
  'line',
] as const satisfies readonly (keyof NewFact)[];

export type DialectName = 'sqlite' | 'postgres';

/** The database could not be opened or migrated (bad DATABASE_URL, server down, unwritable directory). */
export class StoreError extends Error {
  override name = 'StoreError';
}

export interface Store {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Where the data lives: the SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
  /** SQLite only: bulk insert of fact rows through one cached prepared statement (the Kysely
   *  transaction runs on the same connection, so this is inside it). Kysely builds a new multi-row
   *  statement per document, which SQLite must parse each time: 5× slower for a typical import. */
  insertFacts?: (rows: NewFact[]) => void;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, SQLite in dataDir. */
  databaseUrl?: string | undefined;
  /** Directory of the SQLite file (default YUSUAN_DATA_DIR or ./data). */
  dataDir?: string | undefined;
  /** SQLite file name inside dataDir (default yusuan.sqlite); ':memory:' for an in-memory store. */
  file?: string | undefined;
  /** SQLite only: open an existing file read-only, without migrations (the aggregate worker's connection). */
  readonly?: boolean | undefined;
}

/** Options from the environment: DATABASE_URL, YUSUAN_DATA_DIR. */
export function envStoreOptions(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.YUSUAN_DATA_DIR || undefined };
}

export async function openStore(options: OpenOptions = envStoreOptions()): Promise<Store> {
  try {
    return await open(options);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    const where = options.databaseUrl
      ? `PostgreSQL（${options.databaseUrl.replace(/:[^:@/]*@/, ':***@')}）`
      : `SQLite（${resolve(options.dataDir ?? 'data')}）`;
    throw new StoreError(`无法打开数据库 ${where}：${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

async function open(options: OpenOptions): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    const pg = (await import('pg')).default;
    // int8 (COUNT, BIGINT columns) as numbers: fen stay below 2^53 (~90 万亿元), checked here.
    const int8 = (v: string) => {
      const n = Number(v);
      if (!Number.isSafeInteger(n)) throw new RangeError(`整数超出可精确表示的范围：${v}`);
      return n;
    };
    const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? int8 : pg.types.getTypeParser(oid, format as 'text')) };
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8, types } as ConstructorParameters<typeof pg.Pool>[0]);
    // An idle connection the server closes (restart, pg_terminate_backend) is an 'error' event; without
    // a listener it would crash the process. The pool drops that client and connects anew when needed.
    pool.on('error', (e) => process.stderr.write(`PostgreSQL 连接中断（已丢弃该连接）：${e.message}\n`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: 'postgres', location: options.databaseUrl.replace(/:[^:@/]*@/, ':***@'), close: () => db.destroy() };
  } else {
    const Database = (await import('better-sqlite3')).default;
    const file = options.file ?? 'yusuan.sqlite';
    let path = ':memory:';
    if (file !== ':memory:') {
      const dir = resolve(options.dataDir ?? 'data');
      mkdirSync(dir, { recursive: true });
      path = join(dir, file);
    }
    if (options.readonly) {
      const sqlite = new Database(path, { readonly: true, fileMustExist: true });
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
      return { db, dialect: 'sqlite', location: path, close: () => db.destroy() };
    }
    const sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // Fewer, larger checkpoints (each one syncs the file): bulk imports commit many transactions.
    sqlite.pragma('wal_autocheckpoint = 4000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<DB>({ dialect: new TransactionalDdlSqlite({ database: sqlite }) });
    let insert: ReturnType<typeof sqlite.prepare> | undefined;
    const insertFacts = (rows: NewFact[]) => {
      insert ??= sqlite.prepare(`INSERT INTO facts (${FACT_COLUMNS.join(', ')}) VALUES (${FACT_COLUMNS.map(() => '?').join(', ')})`);
      for (const r of rows) insert.run(FACT_COLUMNS.map((c) => r[c] ?? null));
    };
    store = { db, dialect: 'sqlite', location: path, close: () => db.destroy(), insertFacts };
  }
  try {
    await migrate(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** SQLite's DDL is transactional, but Kysely's adapter says otherwise and would run migrations
 *  outside a transaction: a process killed half-way through the first one left "table documents
 *  already exists" on every later open. With this, each migration and its record commit together. */
class TransactionalDdlSqlite extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl(): boolean {
        return true;
      }
    })();
  }
}

// Unordered: migrations written on parallel branches are independent of each other, and a store
// that ran a later-named one first must still take an earlier-named one that lands after it.
export async function migrate(store: Store, list: Record<string, Migration> = migrations(store.dialect)): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => list };
  const { error } = await new Migrator({ db: store.db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
