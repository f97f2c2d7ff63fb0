import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSeed } from '../../test/support/seed.js';
import { DisclosureIndex } from '../model/query.js';
import { FigureLookup } from './resolve.js';

function lookupWith(edit: (d: ReturnType<typeof readSeed>['disclosure']) => void) {
  const read = readSeed();
  edit(read.disclosure);
  return new FigureLookup(new DisclosureIndex(read.disclosure), read.profile);
}

test('resolve: a blank cell of a printed measure is zero, a measure the table does not print is unknown', () => {
  const basic = (d: ReturnType<typeof readSeed>['disclosure']) => d.tables.find((t) => t.role === 'gpbBasicByEconomic')!;
  // As printed: 人员经费合计 32,025.66 万元.
  assert.equal(lookupWith(() => {}).total('gpbBasicByEconomic', 'personnel', '人员经费合计')?.fen, 32_025_660_000);
  // The 人员经费 column printed but its total cell blank: zero.
  const blank = lookupWith((d) => {
    const t = basic(d);
    const total = t.rows.find((r) => r.kind === 'total')!;
    d.facts = d.facts.filter((f) => !(f.table === t.id && f.row === total.index && f.measure === 'personnel'));
  });
  assert.equal(blank.total('gpbBasicByEconomic', 'personnel', '人员经费合计')?.fen, 0);
  // A table without a 人员经费 column: unknown, so no claim is compared with it.
  const absent = lookupWith((d) => {
    const t = basic(d);
    d.facts = d.facts.filter((f) => !(f.table === t.id && f.measure === 'personnel'));
    t.measures = t.measures.filter((m) => m !== 'personnel');
  });
  assert.equal(absent.total('gpbBasicByEconomic', 'personnel', '人员经费合计'), null);
});
