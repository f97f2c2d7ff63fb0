import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { interpretProjectPerformance } from '../../interpret/performance.js';
import { performanceRows } from './performance-grid.js';
import type { PositionedLine } from './types.js';

// Lines 790–804 of a Beijing 项目支出绩效目标表 (wild w061, page 28, PDF points): the header, then
// one project whose name, amounts and goal are merged cells vertically centred over its seven
// indicator rows, so their text lines interleave with the rows' lines.
const lines = JSON.parse(readFileSync(new URL('./performance-grid.w061.json', import.meta.url), 'utf8')) as PositionedLine[];

test('performance grid: a merged project cell centred over its indicators goes to its first row', () => {
  const { rows } = performanceRows(lines);
  assert.equal(rows.length, 7);
  const filled = (cells: string[]) => cells.filter(Boolean);
  assert.deepEqual(filled(rows[0]!.cells).slice(0, 3), ['11000021T000000126362-机动车排放实验室运行维护项目', '335.437700', '335.437700']);
  assert.match(filled(rows[0]!.cells)[3]!, /^实验室开展在京销售.*提供技术支持。$/);
  assert.deepEqual(filled(rows[0]!.cells).slice(4), ['产出指标', '数量指标', '设备计量检定数量', '＝', '37', '台']);
  assert.deepEqual(filled(rows[6]!.cells), ['效益指标', '社会效益指标', '机动车排放和油品质量合规率', '≥', '90', '%']);
  // The header (and its split words 绩效指/标性质) is no row.
  assert.ok(!rows.some((r) => r.cells.some((c) => /项目名称|一级指标/.test(c))));
});

test('performance grid: read into the same model as the text', () => {
  const { rows } = performanceRows(lines);
  const raw = { tableId: '6', printedTitle: '项目支出绩效目标表', titleLine: 789, unit: '万元' as const, unitText: null, department: null, rows, notes: [] };
  const { projects } = interpretProjectPerformance(raw, '万元', 100);
  assert.equal(projects.length, 1);
  const p = projects[0]!;
  assert.equal(p.name, '11000021T000000126362-机动车排放实验室运行维护项目');
  assert.equal(p.amount, '335.4377');
  assert.deepEqual(
    p.indicators.map((i) => `${i.level1}/${i.level2}/${i.level3} ${i.nature}${i.value}${i.measureUnit}`),
    [
      '产出指标/数量指标/设备计量检定数量 =37台',
      '产出指标/数量指标/油品油样的合规性检测数量 =75个',
      '产出指标/数量指标/设备维护保养数量 =9套',
      '产出指标/数量指标/机动车排放检测数量 =104辆',
      '产出指标/时效指标/项目期限 =12月',
      '成本指标/经济成本指标/专用设备维护费用 ≤146.65万元',
      '效益指标/社会效益指标/机动车排放和油品质量合规率 ≥90%',
    ],
  );
});

test('performance grid: the candidate reading keeps every cell in the row whose centre it shares', () => {
  const { ownRows } = performanceRows(lines);
  const head = ownRows.findIndex((r) => r.cells.includes('335.437700'));
  assert.ok(head > 0, 'the centred project cell shares the middle row');
});
