import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { seed } from '../test/seed';
import { CATEGORIES } from '../../../src/glossary.js';
import { buildClassTree } from '../lib/classTree';
import { buildTableView } from '../lib/tableView';
import type { Disclosure, Finding } from '../lib/api';
import ClassChart from './ClassChart.vue';
import DisclosureTable from './DisclosureTable.vue';
import FindingsList from './FindingsList.vue';
import KeyFigures from './KeyFigures.vue';

const HOSTILE = '<img src=x onerror="window.__pwned=1">&lt;b&gt;';

describe('DisclosureTable', () => {
  it('renders the published table and highlights the cells findings concern', async () => {
    const { disclosure, findings } = await seed();
    const view = buildTableView(
      disclosure,
      disclosure.tables.find((t) => t.id === '3-2')!,
      findings,
    );
    const i = findings.findIndex((f) => f.rule === 'arithmetic.subtotal');
    const w = mount(DisclosureTable, { props: { view, findings, selected: i } });
    expect(w.find('h3').text()).toContain('表3-2 一般公共预算项目支出预算表');
    expect(w.findAll('tbody tr')).toHaveLength(view.rows.length);
    const flagged = w.findAll('td.sev-warning');
    expect(flagged.length).toBeGreaterThan(0);
    const current = w.findAll('td.current');
    expect(current.map((c) => c.text())).toContain('26,371.20');
    expect(current[0]!.attributes('title')).toContain('尾差');
    await flagged[0]!.trigger('click');
    expect(w.emitted('select')?.[0]?.[0]).toBeTypeOf('number');
  });

  it('escapes names and notes: markup in the data is shown as text, never run', async () => {
    const { disclosure } = await seed();
    const doc: Disclosure = structuredClone(disclosure);
    const t = doc.tables.find((x) => x.id === '1-2')!;
    t.rows[2]!.label = HOSTILE;
    t.note = HOSTILE;
    const w = mount(DisclosureTable, { props: { view: buildTableView(doc, t, []), findings: [] } });
    expect(w.find('img').exists()).toBe(false);
    expect(w.html()).not.toContain('<img');
    expect(w.text()).toContain('<img src=x onerror="window.__pwned=1">&lt;b&gt;');
  });

  it('says plainly when a table could not be read reliably, and only then', async () => {
    const { disclosure } = await seed();
    const doc: Disclosure = structuredClone(disclosure);
    const t = doc.tables.find((x) => x.id === '1-2')!;
    expect(
      mount(DisclosureTable, { props: { view: buildTableView(doc, t, []), findings: [] } })
        .find('.unreliable')
        .exists(),
    ).toBe(false);
    t.reading = { status: 'unreliable', checked: 40, failed: 12, reason: '40 处合计关系中有 12 处不成立' };
    const w = mount(DisclosureTable, { props: { view: buildTableView(doc, t, []), findings: [] } });
    expect(w.find('.unreliable').text()).toContain('本表未能可靠读取：40 处合计关系中有 12 处不成立');
    expect(w.find('.unreliable').text()).toContain('未用于检查和汇总');
  });
});

describe('DisclosureTable notes', () => {
  it('prints a note that already starts with 注： once, not as 注：注：', async () => {
    const { disclosure } = await seed();
    const doc: Disclosure = structuredClone(disclosure);
    const t = doc.tables.find((x) => x.id === '1-2')!;
    t.note = '注：本表无政府性基金收支。';
    const w = mount(DisclosureTable, { props: { view: buildTableView(doc, t, []), findings: [] } });
    expect(w.text()).toContain('注：本表无政府性基金收支。');
    expect(w.text()).not.toContain('注：注');
  });
});

describe('FindingsList', () => {
  it('marks the finding being viewed', () => {
    const f = (n: number): Finding => ({
      rule: 'r',
      severity: 'warning',
      category: 'reconcile',
      message: `发现 ${n}`,
      expected: null,
      actual: null,
      difference: null,
      unit: null,
      locations: [],
    });
    const w = mount(FindingsList, { props: { findings: [f(0), f(1), f(2)], selected: 1 } });
    const current = w.findAll('li[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.attributes('data-finding')).toBe('1');
    expect(current[0]!.classes()).toContain('selected');
    expect(current[0]!.text()).toContain('当前查看');
  });

  it('lists errors, then warnings, then info, each by category with zh-CN titles and no rule id in the text; asks to show one in its table', async () => {
    const { findings } = await seed();
    const w = mount(FindingsList, { props: { findings } });
    const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const f of findings) counts[f.severity]!++;
    expect(w.find('.summary-line').text()).toContain(`错误 ${counts.error}`);
    expect(w.find('.summary-line').text()).toContain(`警告 ${counts.warning}`);
    // At most 8 info findings per category until asked for all of them.
    const byCategory = new Map<string, number>();
    for (const f of findings) if (f.severity === 'info') byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
    const hidden = [...byCategory.values()].reduce((s, n) => s + Math.max(0, n - 8), 0);
    expect(w.findAll('li.finding')).toHaveLength(findings.length - hidden);
    for (const more of w.findAll('p.more button')) await more.trigger('click');
    expect(w.findAll('li.finding')).toHaveLength(findings.length);
    const sections = w.findAll('h3').map((h) => h.text());
    expect(sections).toEqual(
      (['error', 'warning', 'info'] as const)
        .filter((s) => counts[s]! > 0)
        .map((s) => `${{ error: '错误', warning: '警告', info: '提示' }[s]}（${counts[s]}）`),
    );
    const severities = w.findAll('li.finding').map((li) => li.attributes('data-severity'));
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a!) - ['error', 'warning', 'info'].indexOf(b!)));
    const errorCategories = findings.filter((f) => f.severity === 'error').map((f) => f.category);
    expect(
      w
        .find('[data-severity-group="error"]')
        .findAll('h4')
        .map((h) => h.text().replace(/（\d+）$/, '')),
    ).toEqual(['表内计算', '表间核对', '科目编码', '说明与报表一致性', '绩效目标', '完整性'].filter((c) => errorCategories.some((k) => CATEGORIES[k] === c)));
    expect(w.text()).not.toMatch(/arithmetic\.|reconcile\.|narrative\.|completeness\./);
    expect(w.find('li.finding .title').text()).toBe(findings.find((f) => f.severity === 'error')!.title);
    const subtotal = findings.findIndex((f) => f.rule === 'arithmetic.subtotal');
    await w.find(`li[data-finding="${subtotal}"] button.locate`).trigger('click');
    expect(w.emitted('select')?.[0]).toEqual([subtotal, '3-2']);
  });

  it('collapses long runs of info findings', async () => {
    const info = (n: number): Finding => ({
      rule: 'r',
      severity: 'info',
      category: 'reconcile',
      message: `提示 ${n}`,
      expected: null,
      actual: null,
      difference: null,
      unit: null,
      locations: [],
    });
    const w = mount(FindingsList, { props: { findings: Array.from({ length: 12 }, (_, n) => info(n)) } });
    expect(w.findAll('li.finding')).toHaveLength(8);
    expect(w.find('p.more').text()).toContain('另有 4 条提示');
    await w.find('p.more button').trigger('click');
    expect(w.findAll('li.finding')).toHaveLength(12);
    expect(w.find('p.more').exists()).toBe(false);
  });

  it('states only what a finding gives: expected, actual, difference, where', () => {
    const base: Finding = {
      rule: 'r',
      severity: 'warning',
      category: 'narrative',
      message: 'm',
      expected: null,
      actual: '3210.1',
      difference: null,
      unit: '万元',
      locations: [],
    };
    const w = mount(FindingsList, {
      props: {
        findings: [base, { ...base, expected: '90', actual: '75', difference: '15', unit: null, locations: [{ line: 12, table: '6', label: '项目甲' }] }],
      },
    });
    const metas = w.findAll('.meta').map((m) => m.text());
    expect(metas[0]).toMatch(/^实为 3,210\.10/);
    expect(metas[1]).toMatch(/^应为 90，实为 75，相差 15 · 位置：表6 “项目甲” 第 12 行/);
  });

  it('escapes finding messages', () => {
    const f: Finding = {
      rule: 'x.y',
      severity: 'error',
      category: 'arithmetic',
      message: HOSTILE,
      expected: HOSTILE,
      actual: null,
      difference: null,
      unit: null,
      locations: [{ line: 1, label: HOSTILE }],
    };
    const w = mount(FindingsList, { props: { findings: [f] } });
    expect(w.find('img').exists()).toBe(false);
    expect(w.text()).toContain('<img src=x');
  });
});

describe('KeyFigures', () => {
  it('shows the summary figures in 万元 with exact shares', async () => {
    const { summary } = await seed();
    const w = mount(KeyFigures, { props: { summary } });
    expect(w.find('[data-figure="expenditureTotal"] .value').text()).toContain('80,818.35');
    expect(w.find('[data-figure="threePublic"] .value').text()).toContain('3,387.50');
    expect(w.find('[data-figure="basic"]').text()).toContain('占支出 56.19%');
  });
});

describe('ClassChart', () => {
  it('lists the level shown, drills into a class and back through the breadcrumb', async () => {
    const roots = buildClassTree((await seed()).disclosure);
    const w = mount(ClassChart, { props: { roots, code: null, kind: 'treemap' } });
    expect(w.findAll('tbody tr')).toHaveLength(roots.length);
    expect(w.find('tr[data-code="204"]').text()).toContain('69,051.74');
    expect(w.find('tr[data-code="204"]').text()).toContain('85.44%');
    await w.find('tr[data-code="204"] button').trigger('click');
    expect(w.emitted('drill')?.[0]).toEqual(['204']);
    await w.setProps({ code: '204' });
    expect(w.findAll('tbody tr').map((r) => r.attributes('data-code'))).toEqual(roots.find((r) => r.code === '204')!.children.map((c) => c.code));
    expect(w.find('.breadcrumb').text()).toContain('204 公共安全支出');
    await w.find('.breadcrumb button').trigger('click');
    expect(w.emitted('drill')?.[1]).toEqual([null]);
    w.unmount();
  });
});
