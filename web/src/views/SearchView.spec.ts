import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SearchResult } from '../lib/api';

const result: SearchResult = {
  departments: [],
  units: [
    { code: '301001', name: '301001局本级', documentId: 5, department: '测试局' },
    { code: '301001', name: '局本级', documentId: 5, department: '测试局' },
  ],
  projects: [],
  classifications: [
    { code: '204', name: '公共安全支出', kind: 'function', documents: [{ id: 5, department: '测试局', year: 2024 }] },
    { code: '20499', name: '其他公共安全支出', kind: 'function', documents: [] },
  ],
};
vi.mock('../lib/api', () => ({ api: { search: async () => result } }));

describe('SearchView', () => {
  it('links classification results to the documents that use them; a unit shows its code once, listed once', async () => {
    const { default: SearchView } = await import('./SearchView.vue');
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/search', component: SearchView },
        { path: '/documents/:id', component: SearchView },
        { path: '/', name: 'home', component: SearchView },
      ],
    });
    await router.push({ path: '/search', query: { q: '公共安全' } });
    await router.isReady();
    const w = mount(SearchView, { global: { plugins: [router] } });
    await flushPromises();
    const cls = w.findAll('[data-testid="search-classifications"] li');
    expect(cls[0]!.find('a').attributes('href')).toBe('/documents/5?fc=204');
    expect(cls[0]!.find('a').text()).toBe('测试局 2024');
    expect(cls[1]!.text()).toContain('未使用');
    const units = w.findAll('[data-testid="search-units"] li');
    expect(units).toHaveLength(1);
    expect(units[0]!.text()).toMatch(/^301001 局本级/);
  });
});
