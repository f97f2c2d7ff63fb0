import { describe, expect, it } from 'vitest';
import { seed } from '../test/seed';
import { buildAnyTableView, buildTableView, findingsByTable } from './tableView';

describe('tables as published, with findings on their cells', () => {
  it('lays out 部门支出总表 in printed column order', async () => {
    const { disclosure } = await seed();
    const t = disclosure.tables.find((x) => x.id === '1-2')!;
    const view = buildTableView(disclosure, t, []);
    expect(view.columns).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    expect(view.rows).toHaveLength(t.rows.length);
    expect(view.rows[0]!.cells.map((c) => c.text)).toEqual(['', '合计', '80,818.35', '45,412.74', '35,405.61']);
    const row4 = view.rows[4]!.cells.map((c) => c.text);
    expect(row4).toEqual(['2040201', '行政运行', '3,137.02', '3,137.02', '']);
  });

  it('lays out the two-sided 收支总表 line by line', async () => {
    const { disclosure } = await seed();
    const view = buildTableView(
      disclosure,
      disclosure.tables.find((x) => x.id === '1')!,
      [],
    );
    expect(view.columns).toEqual(['收入项目', '预算数', '支出项目', '预算数']);
    expect(view.rows[0]!.cells.map((c) => c.text)).toEqual(['一、一般公共预算拨款收入', '77,901.83', '一、一般公共服务支出', '850.57']);
  });

  it('marks the cells a finding names, by table, row and measure', async () => {
    const { disclosure, findings } = await seed();
    const i = findings.findIndex((f) => f.rule === 'arithmetic.subtotal');
    expect(i).toBeGreaterThanOrEqual(0);
    const f = findings[i]!;
    const view = buildTableView(
      disclosure,
      disclosure.tables.find((x) => x.id === '3-2')!,
      findings,
    );
    expect(view.findings).toContain(i);
    const total = f.locations[0]!;
    const row = view.rows.find((r) => r.key === `r${total.row}`)!;
    const cell = row.cells.find((c) => c.findings.includes(i))!;
    expect(cell.text).toBe('26,371.20');
    expect(cell.severity).toBe('warning');
    // Every location of the finding in this table is marked.
    const marked = view.rows.filter((r) => r.cells.some((c) => c.findings.includes(i)));
    expect(marked).toHaveLength(f.locations.filter((l) => l.table === '3-2').length);
    // A table the finding does not name stays unmarked.
    const other = buildTableView(
      disclosure,
      disclosure.tables.find((x) => x.id === '3-3')!,
      [f],
    );
    expect(other.findings).toEqual([]);
  });

  it('renders 绩效目标 tables from the performance model and marks findings by line', async () => {
    const { disclosure, findings } = await seed();
    const view = buildAnyTableView(
      disclosure,
      disclosure.tables.find((x) => x.id === '6')!,
      findings,
    );
    expect(view.columns.slice(0, 3)).toEqual(['单位', '项目名称', '金额']);
    const indicators = disclosure.performance.projects.reduce((s, p) => s + Math.max(1, p.indicators.length), 0);
    expect(view.rows).toHaveLength(indicators);
    const perf = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.category === 'performance' && f.locations.some((l) => l.table === '6'));
    expect(perf.length).toBeGreaterThan(0);
    for (const { i } of perf) expect(view.findings).toContain(i);
    expect(view.rows.some((r) => r.cells.some((c) => c.severity === 'error'))).toBe(true);
  });

  it('groups findings by the tables they name', async () => {
    const { findings } = await seed();
    const by = findingsByTable(findings);
    expect(by.get('3-2')?.length).toBeGreaterThan(0);
    for (const [table, idx] of by) for (const i of idx) expect(findings[i]!.locations.some((l) => l.table === table)).toBe(true);
  });
});
