import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAmountText, normalizeDecimal } from './amount.js';

test('amounts: usual grouping, no grouping, and only the last thousands grouped (120258,600 元)', () => {
  for (const t of ['1,234.50', '1234.50', '120258,600', '125360,898', '-1851,801', '7880,000.00', '0']) assert.equal(isAmountText(t), true, t);
  for (const t of ['12,34', '1,2345', '2024年', ',600', '12,345,67', '']) assert.equal(isAmountText(t), false, t);
  assert.equal(normalizeDecimal('120258,600'), '120258600');
});
