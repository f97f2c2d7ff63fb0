import { describe, expect, it } from 'vitest';
import { seed } from '../test/seed';
import { reportCsv } from './report';

describe('reportCsv', () => {
  it('lists errors, then warnings, then info, with the zh-CN title and the rule id only in its last column', async () => {
    const { findings, summary } = await seed();
    const shuffled = [...findings].reverse();
    const csv = reportCsv({ document: { title: 't', department: 'd', year: 2024, kind: 'budget', profile: 'p', format: 'text' }, summary, findings: shuffled });
    const rows = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('严重程度,类别,问题,说明,应为,实为,差额,单位,位置,规则编号');
    const severities = rows.slice(1).map((r) => r.split(',')[0]);
    const rank = (s: string | undefined) => ['错误', '警告', '提示'].indexOf(s!);
    expect(severities.map(rank)).toEqual([...severities.map(rank)].sort((a, b) => a - b));
    expect(severities[0]).toBe('错误');
    const first = findings.find((f) => f.severity === 'error')!;
    expect(rows.some((r) => r.startsWith(`错误,`) && r.includes(`,${first.title},`) && r.endsWith(`,${first.rule}`))).toBe(true);
  });
});
