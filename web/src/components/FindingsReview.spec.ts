// The review workflow in the findings list: each finding's state, the filter, and marking one
// (PUT with the token; the server's zh-CN message shown when it refuses).
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Review } from '../lib/api';
import FindingsList from './FindingsList.vue';

const finding = (severity: Finding['severity'], title: string): Finding => ({
  rule: `arithmetic.${title}`,
  severity,
  category: 'arithmetic',
  title,
  message: `${title}不成立`,
  expected: '10.00',
  actual: '11.00',
  difference: '1.00',
  unit: '万元',
  locations: [{ table: '1', label: '合计', measure: 'total', line: 3 }],
});
const findings = [finding('error', '行合计'), finding('error', '列合计'), finding('warning', '尾差')];
const keys = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];
const marked: Review = {
  key: keys[1]!,
  status: 'false-positive',
  statusName: '误报',
  note: '读取错位',
  reviewer: '张三',
  reviewedAt: '2026-12-05T03:00:00Z',
};

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  localStorage.clear();
});

describe('FindingsList with reviews', () => {
  it('shows each finding’s review state and counts, and filters by it', async () => {
    const w = mount(FindingsList, { props: { findings, keys, reviews: { [keys[1]!]: marked } } });
    const states = w.findAll('[data-testid="review-state"]').map((s) => s.text());
    expect(states).toHaveLength(3);
    expect(states.filter((s) => s.startsWith('未审核'))).toHaveLength(2);
    expect(states.find((s) => s.startsWith('误报'))).toContain('张三');
    expect(states.find((s) => s.startsWith('误报'))).toContain('读取错位');
    expect(w.find('[data-testid="review-bar"]').text()).toContain('已审核 1 条，未审核 2 条（其中错误 1 条）');
    // Read-only without a document: no 审核 button.
    expect(w.find('.review-open').exists()).toBe(false);

    await w.find('[data-testid="review-filter"]').setValue('unreviewed');
    expect(w.findAll('.finding')).toHaveLength(2);
    await w.find('[data-testid="review-filter"]').setValue('false-positive');
    expect(w.findAll('.finding').map((f) => f.text())).toEqual([expect.stringContaining('列合计')]);
    await w.find('[data-testid="review-filter"]').setValue('corrected');
    expect(w.text()).toContain('没有符合筛选条件的发现');
  });

  it('marks a finding: status, note, reviewer and token go to the API; the saved mark is emitted', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      return new Response(JSON.stringify({ key: keys[0], review: { key: keys[0], ...body, statusName: '已核实', reviewedAt: '2026-12-05T04:00:00Z' } }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetch);
    const w = mount(FindingsList, { props: { findings, keys, reviews: {}, docId: 7 } });
    await w.findAll('.review-open')[0]!.trigger('click');
    const form = w.find('[data-testid="review-form"]');
    expect(form.exists()).toBe(true);
    // Nothing chosen: said in Chinese, nothing sent.
    await form.trigger('submit');
    expect(form.find('[role="alert"]').text()).toBe('请选择审核结果');
    expect(fetch).not.toHaveBeenCalled();

    await form.find('input[value="confirmed"]').setValue(true);
    await form.find('textarea').setValue('已与部门核实');
    await form.find('input[type="text"]').setValue('李四');
    await form.find('input[type="password"]').setValue('secret-token');
    await form.trigger('submit');
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/documents/7/findings/${keys[0]}/review`);
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer secret-token');
    expect(JSON.parse(String(init.body))).toEqual({ status: 'confirmed', note: '已与部门核实', reviewer: '李四' });
    const [key, review] = w.emitted('reviewed')![0]! as [string, Review];
    expect(key).toBe(keys[0]);
    expect(review.status).toBe('confirmed');
    expect(localStorage.getItem('yusuan.reviewer')).toBe('李四');
  });

  it('shows the server’s message when it refuses (no token configured, bad token)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: '需要有效的 API 令牌（Authorization: Bearer <令牌>）' }), {
            status: 401,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const w = mount(FindingsList, { props: { findings, keys, reviews: { [keys[1]!]: marked }, docId: 7 } });
    const buttons = w.findAll('.review-open');
    expect(buttons.map((b) => b.text())).toEqual(['审核', '修改审核', '审核']);
    await buttons[1]!.trigger('click');
    const form = w.find('[data-testid="review-form"]');
    // An existing mark fills the form and can be withdrawn.
    expect((form.find('input[value="false-positive"]').element as HTMLInputElement).checked).toBe(true);
    expect((form.find('textarea').element as HTMLTextAreaElement).value).toBe('读取错位');
    expect(form.text()).toContain('撤销审核');
    await form.trigger('submit');
    await flushPromises();
    expect(form.find('[role="alert"]').text()).toContain('需要有效的 API 令牌');
    expect(w.emitted('reviewed')).toBeUndefined();
  });
});
