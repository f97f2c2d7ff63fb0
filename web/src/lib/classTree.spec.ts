import { describe, expect, it } from 'vitest';
import { seed } from '../test/seed';
import { buildClassTree, pathTo, stripNumbering, totalFen } from './classTree';

describe('function class tree of the reference example', () => {
  it('sums the expenditure table into 类 → 款 → 项 that match the summary', async () => {
    const { disclosure, summary } = await seed();
    const roots = buildClassTree(disclosure);
    expect(roots.map((r) => r.code)).toEqual(Object.keys(summary.functionClasses).sort());
    for (const r of roots) expect(r.fen / 1_000_000).toBe(summary.functionClasses[r.code]);
    expect(totalFen(roots)).toBe(80818.35 * 1_000_000);
    const ps = roots.find((r) => r.code === '204')!;
    expect(ps.name).toBe('公共安全支出');
    const police = ps.children.find((c) => c.code === '20402')!;
    expect(police.children.map((c) => c.code)).toContain('2040202');
    // 一般行政管理事务 appears under three units in table 1-2; the tree sums them.
    expect(police.children.find((c) => c.code === '2040202')!.fen).toBe((2660.36 + 1861.69 + 26371.2) * 1_000_000);
  });

  it('sums 基本 and 项目 when a table prints no 合计 column (final accounts)', async () => {
    const { disclosure, summary } = await seed();
    const doc = structuredClone(disclosure);
    const table = doc.tables.find((t) => t.role === 'expenditureByFunction')!.id;
    doc.facts = doc.facts.filter((f) => !(f.table === table && f.measure === 'total'));
    const roots = buildClassTree(doc);
    for (const r of roots) expect(r.fen / 1_000_000).toBe(summary.functionClasses[r.code]);
  });

  it('does not count a subtotal line twice when it is marked as a detail row', async () => {
    const { disclosure } = await seed();
    const doc = structuredClone(disclosure);
    const t = doc.tables.find((x) => x.role === 'expenditureByFunction')!;
    const row = t.rows.find((r) => r.kind === 'detail' && r.code === '2040201')!;
    row.code = '20402';
    const before = buildClassTree(disclosure).find((r) => r.code === '204')!.fen;
    const after = buildClassTree(doc).find((r) => r.code === '204')!.fen;
    expect(after).toBe(before - 3137.02 * 1_000_000);
  });

  it('finds the path to a node for drill-down', async () => {
    const roots = buildClassTree((await seed()).disclosure);
    expect(pathTo(roots, '2040202').map((n) => n.code)).toEqual(['204', '20402', '2040202']);
    expect(pathTo(roots, '999')).toEqual([]);
    expect(pathTo(roots, null)).toEqual([]);
  });
});

describe('class names', () => {
  it('drop the list number they were printed with', () => {
    expect(stripNumbering('4、公共安全支出')).toBe('公共安全支出');
    expect(stripNumbering('四、公共安全支出')).toBe('公共安全支出');
    expect(stripNumbering('（12）社会保障和就业支出')).toBe('社会保障和就业支出');
    expect(stripNumbering('12.卫生健康支出')).toBe('卫生健康支出');
    expect(stripNumbering('公共安全支出')).toBe('公共安全支出');
    expect(stripNumbering('5G网络建设')).toBe('5G网络建设');
  });
});
