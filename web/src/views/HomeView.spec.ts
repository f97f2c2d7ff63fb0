import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Coverage, DocumentList } from '../lib/api';

const calls: { aggregate: Record<string, string | undefined>[]; documents: Record<string, unknown>[] } = { aggregate: [], documents: [] };
const coverage: Coverage = {
  years: [2025],
  departments: [
    {
      department: '普陀区政府办',
      region: '上海市普陀区',
      level: 'county',
      years: {
        '2025': {
          id: 1,
          status: 'warning',
          counts: { error: 0, warning: 2, info: 0 },
          documents: [
            { id: 1, kind: 'budget', scope: 'department', status: 'warning' },
            { id: 2, kind: 'budget', scope: 'unit', status: 'clean' },
            { id: 3, kind: 'final', scope: 'department', status: 'error' },
          ],
        },
      },
    },
  ],
};
const item = (id: number, kind: string, scope: string) => ({
  id,
  version: 1,
  department: '普陀区政府办',
  region: '上海市普陀区',
  level: 'county',
  year: 2025,
  kind,
  title: `文件${id}`,
  scope,
  profile: 'p',
  status: 'clean',
  counts: { error: 0, warning: 0, info: 0 },
  sourceFile: 'x.pdf',
  format: 'pdf',
  importedAt: '2026-01-01T00:00:00Z',
});
const list = { total: 3, items: [item(1, 'budget', 'department'), item(2, 'budget', 'unit'), item(3, 'final', 'department')] } as unknown as DocumentList;

vi.mock('../lib/api', () => ({
  api: {
    coverage: async () => coverage,
    documents: async (q: Record<string, unknown>) => {
      calls.documents.push(q);
      return list;
    },
    reviewSummary: async () => ({ documents: 3, withErrors: 1, withUnreviewedErrors: 1, marks: { confirmed: 2, 'false-positive': 1, corrected: 0 } }),
    aggregate: async (q: Record<string, string | undefined>) => {
      calls.aggregate.push(q);
      return { cells: [], total: '0', count: 0, table: 'expenditureByFunction', measure: 'total' };
    },
  },
}));

async function mountHome(query: Record<string, string> = {}) {
  const { default: HomeView } = await import('./HomeView.vue');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: HomeView },
      { path: '/documents/:id', component: HomeView },
    ],
  });
  await router.push({ path: '/', query });
  await router.isReady();
  const w = mount(HomeView, { global: { plugins: [router] } });
  await flushPromises();
  return w;
}

describe('HomeView', () => {
  beforeEach(() => {
    calls.aggregate.length = 0;
    calls.documents.length = 0;
  });

  it('counts every document in the header, as the list does, and shows each one in its coverage cell', async () => {
    const w = await mountHome();
    expect(w.get('[data-testid="coverage-stats"]').text()).toContain('3 份文件');
    expect(w.get('[data-testid="coverage-stats"]').text()).toMatch(/无问题\s*1 份，有警告 1 份，有错误 1 份/);
    expect(w.text()).toContain('（3 份）');
    const cell = w.findAll('[data-testid="coverage"] .cell-doc');
    expect(cell.map((c) => c.attributes('href'))).toEqual(['/documents/1', '/documents/2', '/documents/3']);
    expect(cell.map((c) => c.find('.muted').text())).toEqual(['部门预算', '单位预算', '部门决算']);
  });

  it('tells 部门 from 单位 budgets in the list', async () => {
    const w = await mountHome();
    expect(w.findAll('[data-testid="doc-kind"]').map((c) => c.text())).toEqual(['部门预算', '单位预算', '部门决算']);
  });

  it('charts one kind of departments’ own documents: never 预算 plus 决算, never a unit counted twice', async () => {
    await mountHome();
    expect(calls.aggregate.at(-1)?.cut).toBe('kind:budget|scope:department');
    calls.aggregate.length = 0;
    await mountHome({ kind: 'final', region: '上海市普陀区' });
    expect(calls.aggregate.at(-1)?.cut).toBe('region:上海市普陀区|kind:final|scope:department');
  });

  it('counts the documents with unreviewed errors and lists them on request', async () => {
    const w = await mountHome();
    const stats = w.get('[data-testid="review-stats"]').text();
    expect(stats).toContain('有错误的 1 份文件中');
    expect(stats).toContain('1 份仍有未审核的错误');
    expect(stats).toMatch(/已核实 2 条、误报 1 条、已整改\s*0 条/);
    expect(w.get('[data-testid="unreviewed-link"]').attributes('href')).toContain('unreviewed=1');
    expect(calls.documents.at(-1)?.unreviewed).toBe('');
    await mountHome({ unreviewed: '1' });
    expect(calls.documents.at(-1)?.unreviewed).toBe('1');
  });
});
