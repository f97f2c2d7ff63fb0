import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOf, readText, seedWith } from '../../test/support/seed.js';

const totalOf = (edit: string) => {
  // 部门支出总表 行政运行 3,137.02 万元 (合计 = 基本支出 = 3,137.02).
  const line = lineOf('204\t02\t01\t205001\t行政运行');
  const { disclosure } = readText(seedWith([line, '3,137.02\t3,137.02', `${edit}\t3,137.02`]));
  const t = disclosure.tables.find((x) => x.id === '1-2')!;
  const row = t.rows.find((r) => r.source.line === line)!;
  const facts = disclosure.facts.filter((f) => f.table === t.id && f.row === row.index);
  return { disclosure, table: t, total: facts.find((f) => f.measure === 'total'), basic: facts.find((f) => f.measure === 'basic') };
};

test('interpret: a number finer than the table unit allows is no amount: left out with a note, never a crash', () => {
  // 7 decimals: finer than a fen in 万元, and cut to the table's 2 it confirms nothing (3,137.99 ≠ 3,137.02).
  const { disclosure, total, basic } = totalOf('3,137.9912345');
  assert.equal(total, undefined);
  assert.ok(basic);
  assert.ok(disclosure.readerNotes.some((n) => /3137\.9912345.*超出万元的精度/.test(n.message)));
});

test('interpret: a number with more decimals than its table is a glued one: cut to the precision when the identities confirm it', () => {
  // 174,900.64101: the next cell's digits run into the decimals. Cut to 2 decimals, the row sums.
  const { disclosure, table, total } = totalOf('3,137.02101');
  assert.equal(total?.value, '3137.02');
  assert.equal(table.decimals, 2);
  assert.ok(disclosure.readerNotes.some((n) => /按另一种读法读取（小数位多于表中其他金额的数字按表的精度截断）/.test(n.message)));
});

test('interpret: a glued number the identities do not confirm is left out (null, not 0) with a note; the table keeps its precision', () => {
  const { disclosure, table, total } = totalOf('3,199.02101');
  assert.equal(total, undefined);
  assert.equal(table.decimals, 2);
  assert.ok(disclosure.readerNotes.some((n) => /3199\.02101.*多出小数位.*未能可靠读取/.test(n.message)));
});
