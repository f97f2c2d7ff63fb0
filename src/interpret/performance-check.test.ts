import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PerformanceIndicator, PerformanceProject } from '../model/types.js';
import { readSeed } from '../../test/support/seed.js';
import { indicatorAnomalies, projectTableReliability } from './performance-check.js';

const projects = () => readSeed().disclosure.performance.projects;

test('performance check: the example as the text reads it holds together (one project off by weight is a slip, not a misreading)', () => {
  const r = projectTableReliability(projects(), 90);
  assert.equal(r.reliable, true, r.why);
});

test('performance check: rows given to the wrong project break the weights of many projects: unreliable', () => {
  // Shift every project's last indicator to the next project, as a misplaced row boundary does.
  const ps = projects().map((p) => ({ ...p, indicators: [...p.indicators] }));
  for (let k = ps.length - 1; k > 0; k--) ps[k]!.indicators.unshift(ps[k - 1]!.indicators.pop()!);
  const r = projectTableReliability(ps, 90);
  assert.equal(r.reliable, false);
  assert.match(r.why, /权重合计/);
});

test('performance check: indicators without their 一级指标 or value (cells lost) make the table unreliable', () => {
  const ps: PerformanceProject[] = projects().map((p) => ({ ...p, indicators: p.indicators.map((i) => ({ ...i, level1: '', value: '' })) }));
  assert.equal(projectTableReliability(ps, 90).reliable, false);
  const i = projects()[0]!.indicators[0]!;
  assert.deepEqual(indicatorAnomalies(i), []);
  assert.deepEqual(indicatorAnomalies({ ...i, level1: '产出' } as PerformanceIndicator), ['一级指标']);
});
