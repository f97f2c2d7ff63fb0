import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, readText, SEED_LINES, SEED_TEXT } from '../../../test/support/seed.js';
import { runRules } from '../engine.js';
import { unreliableTable } from './unreliable-table.js';

test('unreliable-table: the example’s tables are read reliably', () => {
  assert.deepEqual(findingsOf(unreliableTable, SEED_TEXT), []);
});

test('unreliable-table: a table whose columns all shift is one warning, not a flood of row errors', () => {
  // Shift every 部门支出总表 detail row's amounts one column right, as a misread layout would.
  const lines = SEED_LINES.map((l) => (/^\d{3}\t\d{2}\t\d{2}\t205\d{3}\t/.test(l) ? l.replace(/\t([\d,]+\.\d{2})\t/, '\t\t$1\t') : l));
  const { disclosure, profile } = readText(lines.join('\n'));
  const found = runRules(disclosure, profile);
  const warning = found.filter((f) => f.rule === 'completeness.unreliable-table');
  assert.equal(warning.length, 1);
  assert.equal(warning[0]!.severity, 'warning');
  assert.equal(warning[0]!.locations[0]!.table, '1-2');
  assert.deepEqual(
    found.filter((f) => f.rule.startsWith('arithmetic.') && f.locations[0]?.table === '1-2'),
    [],
  );
});
