import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINDING_KEY, findingKeys } from './finding-key.js';
import type { Finding } from './types.js';

const finding = (o: Partial<Finding> = {}): Finding => ({
  rule: 'arithmetic.row-sum',
  severity: 'error',
  category: 'arithmetic',
  title: '行合计',
  message: '合计不等于各项之和',
  expected: '120.00',
  actual: '121.00',
  difference: '1.00',
  unit: '万元',
  locations: [{ table: '3', tableTitle: '支出总表', row: 4, label: '教育支出', measure: 'total', line: 88, page: 5, box: [1, 2, 3, 4] }],
  ...o,
});

test('a finding keeps its key when only line, page, row index, box or wording move', () => {
  const [a] = findingKeys([finding()]);
  const [b] = findingKeys([
    finding({
      message: '另一种说法',
      title: '新标题',
      locations: [{ table: '3', tableTitle: '表三', row: 7, label: '教育支出', measure: 'total', line: 91, page: 6 }],
    }),
  ]);
  assert.equal(a, b);
  assert.match(a!, FINDING_KEY);
});

test('rule, place and values each change the key', () => {
  const [base] = findingKeys([finding()]);
  for (const changed of [
    finding({ rule: 'arithmetic.column-sum' }),
    finding({ actual: '122.00' }),
    finding({ expected: '119.00' }),
    finding({ locations: [{ table: '3', label: '科学技术支出', measure: 'total', line: 88 }] }),
    finding({ locations: [{ table: '4', label: '教育支出', measure: 'total', line: 88 }] }),
    finding({ locations: [{ table: '3', label: '教育支出', measure: 'basic', line: 88 }] }),
  ])
    assert.notEqual(findingKeys([changed])[0], base);
});

test('findings alike in rule, place and values are told apart by their order', () => {
  const keys = findingKeys([finding(), finding({ actual: '1' }), finding()]);
  assert.equal(keys[2], `${keys[0]}-2`);
  assert.equal(new Set(keys).size, 3);
  for (const k of keys) assert.match(k, FINDING_KEY);
});
