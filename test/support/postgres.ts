// A throw-away PostgreSQL database per test run (yusuan_test_<random>), dropped afterwards.
// Server: YUSUAN_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres (trust auth).
// When no server answers, the PostgreSQL tests fail under CI (CI=true: .ci/run starts one) and are
// skipped with a message elsewhere.

import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.YUSUAN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> } | { skip: string }> {
  const name = `yusuan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    const reason = `PostgreSQL 不可用（${ADMIN_URL}）：${e instanceof Error ? e.message : String(e)}`;
    if (process.env.CI) throw new Error(reason, { cause: e });
    return { skip: reason };
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      // A closed pool's last connections may still be saying goodbye: wait for them rather than
      // terminating them (FORCE), which would surface as an error on a client nobody listens to.
      for (let i = 0; ; i++) {
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name}${i >= 50 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || i >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}
