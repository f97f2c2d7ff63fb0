import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOf, readText, seedWith } from '../../test/support/seed.js';

test('interpret: a number finer than the table unit allows is no amount: left out with a note, never a crash', () => {
  // 部门支出总表 行政运行 3,137.02 万元 → 3,137.0212345 (7 decimals: finer than a fen in 万元).
  const line = lineOf('204\t02\t01\t205001\t行政运行');
  const { disclosure } = readText(seedWith([line, '3,137.02\t3,137.02', '3,137.0212345\t3,137.02']));
  const t = disclosure.tables.find((x) => x.id === '1-2')!;
  const row = t.rows.find((r) => r.source.line === line)!;
  assert.equal(
    disclosure.facts.some((f) => f.table === t.id && f.row === row.index && f.measure === 'total'),
    false,
  );
  assert.ok(disclosure.facts.some((f) => f.table === t.id && f.row === row.index && f.measure === 'basic'));
  assert.ok(disclosure.readerNotes.some((n) => /3137\.0212345.*超出万元的精度/.test(n.message)));
});
