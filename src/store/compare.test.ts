import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSummaries } from './compare.js';
import type { Summary } from '../summary.js';

function summary(figures: Partial<Summary['figures']>, functionClasses: Record<string, number>): Summary {
  const none = { total: null, abroad: null, vehiclePurchase: null, vehicleOperation: null, reception: null };
  return {
    department: '测试局',
    year: 2024,
    kind: 'budget',
    profile: 'p',
    amountUnit: '万元',
    figures: {
      incomeTotal: null,
      expenditureTotal: null,
      currentYearIncome: null,
      gpbAppropriation: null,
      carryOver: null,
      currentYearExpenditure: null,
      basic: null,
      project: null,
      gpbBasic: null,
      personnel: null,
      publicUse: null,
      threePublic: none,
      ...figures,
    },
    units: [],
    functionClasses,
    counts: { projects: 0, performanceProjects: 0 },
  };
}

test('compare: an unknown figure or unknown function classes give no difference and no rate', () => {
  const a = summary({ expenditureTotal: 100, basic: 40 }, { '201': 60, '208': 40 });
  const b = summary({ expenditureTotal: 120, basic: null }, {});
  const rows = new Map(compareSummaries(a, b).map((r) => [r.key, r]));
  assert.deepEqual(rows.get('expenditureTotal'), {
    key: 'expenditureTotal',
    label: '支出总计',
    a: '100',
    b: '120',
    diff: '20',
    rate: '20.00',
    shareA: '100.00',
    shareB: '100.00',
  });
  const basic = rows.get('basic')!;
  assert.equal(basic.b, null);
  assert.equal(basic.diff, null);
  assert.equal(basic.rate, null);
  const c201 = rows.get('functionClass:201')!;
  assert.equal(c201.b, null, 'no class read in b: unknown, not 0');
  assert.equal(c201.rate, null, 'never −100% from an unknown');
  assert.equal(c201.shareA, '60.00');
  assert.equal(c201.shareB, null);
});

test('compare: a class one document does not list, while it lists others, is 0', () => {
  const a = summary({ expenditureTotal: 100 }, { '201': 60, '208': 40 });
  const b = summary({ expenditureTotal: 100 }, { '201': 100 });
  const c208 = compareSummaries(a, b).find((r) => r.key === 'functionClass:208')!;
  assert.equal(c208.b, '0');
  assert.equal(c208.rate, '-100.00');
});
