import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, readText, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { DisclosureIndex } from '../../model/query.js';
import { nameMismatch, nameMismatches, wrapArtefact } from './name-mismatch.js';

test('name-mismatch: every printed 科目 name of the example agrees with its code', () => {
  assert.deepEqual(findingsOf(nameMismatch, SEED_TEXT), []);
});

test('name-mismatch: a wrong name on a code the catalog is sure of is a warning (against the catalog, not within the document)', () => {
  const line = lineOf('204\t02\t01\t205001\t行政运行');
  const f = only(findingsOf(nameMismatch, seedWith([line, '行政运行', '事业运行'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '行政运行');
  assert.equal(f.actual, '事业运行');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line],
  );
  assert.equal(f.locations[0]!.value, '2040201');
});

test('name-mismatch: economic codes are checked as well', () => {
  const line = lineOf('30201\t办公费\t59.00');
  const f = only(findingsOf(nameMismatch, seedWith([line, '办公费', '印刷费'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '办公费');
  assert.equal(f.actual, '印刷费');
  assert.equal(f.locations[0]!.line, line);
});

test('name-mismatch: a name truncated by the cell width is accepted', () => {
  const line = lineOf('208\t05\t05\t205001\t机关事业单位基本养老保险缴费支出');
  assert.deepEqual(findingsOf(nameMismatch, seedWith([line, '机关事业单位基本养老保险缴费支出', '机关事业单位基本养老保险'])), []);
});

test('name-mismatch: against a code the catalog only recalls, a different name is a warning', () => {
  // 2040223 移民事务 is `uncertain` in reference/functional-2024.csv.
  const line = lineOf('204\t02\t50\t205901\t事业运行');
  const f = only(findingsOf(nameMismatch, seedWith([line, '204\t02\t50', '204\t02\t23'])));
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '移民事务');
  assert.equal(f.actual, '事业运行');
  assert.equal(f.locations[0]!.line, line);
});

test('name-mismatch: a wrapped name read with a piece of its own wrap twice is an artefact, not a finding', () => {
  assert.equal(wrapArtefact('机关事业单位职业年金缴费支出', '缴费支出机关事业单位职业年金缴费支出'), true);
  assert.equal(wrapArtefact('机关事业单位职业年金缴费支出', '费支出机关事业单位职业年金缴费支'), true);
  // A different name is still a different name, even when it shares the start.
  assert.equal(wrapArtefact('机关事业单位职业年金缴费支出', '机关事业单位基本养老保险缴费支出'), false);
  assert.equal(wrapArtefact('行政运行', '事业运行'), false);
  // Other text glued on, or the first line of a wrapped name lost.
  assert.equal(wrapArtefact('机关事业单位职业年金缴费支出', '保险缴费支出机关事业单位职业年金缴费支出'), true);
  assert.equal(wrapArtefact('购房补贴', '购房补贴四、财政拨款收支预算总表'), true);
  assert.equal(wrapArtefact('机关事业单位职业年金缴费支出', '缴费支出'), true);
  assert.equal(wrapArtefact('行政运行', '其他行政运行'), false);
  assert.equal(wrapArtefact('行政运行', '运行费'), false);
  // A flat list's label: the name cut at its cell's width, then the economic codes beside it (w060, w061).
  assert.equal(wrapArtefact('水利工程运行与维护', '水利工程运行与维 50205-委托业务费30227-委托业务费护'), true);
  assert.equal(wrapArtefact('其他环境保护管理事务支出', '其他环境保护管理事务50502-商品和服务支出3021101-差旅费'), true);
  assert.equal(wrapArtefact('行政运行', '事业运行50501-工资福利支出30101-基本工资'), false);
});

test('name-mismatch: the reading assessment learns which mismatches are on codes the catalog is sure of', () => {
  const sure = readText(seedWith([lineOf('204\t02\t01\t205001\t行政运行'), '行政运行', '事业运行']));
  const recalled = readText(seedWith([lineOf('204\t02\t50\t205901\t事业运行'), '204\t02\t50', '204\t02\t23']));
  const of = (r: ReturnType<typeof readText>) => nameMismatches({ doc: r.disclosure, profile: r.profile, index: new DisclosureIndex(r.disclosure) });
  assert.deepEqual(
    of(sure).map((m) => m.confident),
    [true],
  );
  assert.deepEqual(
    of(recalled).map((m) => m.confident),
    [false],
  );
});
