import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSeed } from '../../test/support/seed.js';
import { DisclosureIndex } from '../model/query.js';
import { FigureLookup, sectionBasis } from './resolve.js';

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

test('resolve: a claim is resolved on its section basis, against the matching table or not at all', () => {
  const read = readSeed();
  const index = new DisclosureIndex(read.disclosure);
  const lookup = new FigureLookup(index, read.profile);
  const claim = (subject: string) =>
    ({ id: 'x', kind: 'amount', subject, value: '1', decimals: 0, unit: '万元', sentence: 0, section: 's', source: { line: 1 }, text: subject }) as const;
  // 公共安全支出 of a 政府性基金 section is in the 政府性基金预算支出表 (empty in the example), never the 一般公共预算 one.
  assert.equal(lookup.resolve(claim('公共安全支出'), 'govFund')?.fen ?? null, null);
  assert.notEqual(lookup.resolve(claim('公共安全支出'), 'summary'), null);
  assert.equal(lookup.resolve(claim('人员经费'), 'govFund'), null);
  // 项目支出 of a 一般公共预算 section is that table's; of a 财政拨款 section, unknown.
  const all = read.disclosure.tables.find((t) => t.role === 'expenditureByFunction')!.id;
  assert.equal(lookup.resolve(claim('项目支出'), 'summary')?.locations[0]?.table, all);
  const gpb = read.disclosure.tables.find((t) => t.role === 'gpbByFunction')!;
  // The example's 一般公共预算支出表 prints no 项目支出 column: unknown, not the all-funds figure.
  assert.equal(gpb.measures.includes('project'), false);
  assert.equal(lookup.resolve(claim('项目支出'), 'gpb'), null);
  assert.equal(lookup.resolve(claim('项目支出'), 'fiscal'), null);
});

test('resolve: section headings of one fund set that fund as the basis, before the profile bases', () => {
  const read = readSeed();
  const sections = [
    { id: 'a', heading: '十、政府性基金预算收支情况', level: 1, parent: null, source: { line: 1 } },
    { id: 'b', heading: '（二）国有资本经营预算支出', level: 2, parent: null, source: { line: 2 } },
    { id: 'c', heading: '三、一般公共预算支出情况', level: 1, parent: null, source: { line: 3 } },
  ];
  read.disclosure.narrative.sections = sections;
  assert.deepEqual(
    sections.map((s) => sectionBasis(read.disclosure, read.profile, s.id)),
    ['govFund', 'soc', 'gpb'],
  );
});
