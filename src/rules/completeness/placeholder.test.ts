import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { placeholder } from './placeholder.js';

test('placeholder: the example has none', () => {
  assert.deepEqual(findingsOf(placeholder, SEED_TEXT), []);
});

for (const [from, to, mark] of [
  ['严格贯彻国家厉行节约要求', '严格贯彻XX局厉行节约要求', 'XX'],
  ['严格贯彻国家厉行节约要求', '严格贯彻××单位厉行节约要求', '××'],
  ['压缩一般性支出经费', '压缩一般性支出经费（待填写）', '待填写'],
  ['压缩一般性支出经费', '压缩一般性支出经费，此处填写变动原因', '此处填写'],
  ['压缩一般性支出经费', '压缩一般性支出经费 TBD', 'TBD'],
] as const) {
  test(`placeholder: “${mark}” left in the narrative is a warning at its line`, () => {
    const line = lineOf(from);
    const f = only(findingsOf(placeholder, seedWith([line, from, to])));
    assert.equal(f.severity, 'warning');
    assert.equal(f.actual, mark);
    assert.equal(f.locations[0]!.line, line);
  });
}

test('placeholder: sizes and model numbers are not placeholders', () => {
  const line = lineOf('严格贯彻国家厉行节约要求');
  const text = seedWith([line, '严格贯彻国家厉行节约要求', '严格贯彻国家厉行节约要求（规格 2×2 米，型号 XXL-Pro）']);
  assert.deepEqual(findingsOf(placeholder, text), []);
});
