import type { Draft, Rule } from '../types.js';

/**
 * Year-on-year statements compare with the year before: in a 2026 budget "比2026年预算增加" or
 * "2025年…比2025年减少" compares a year with itself or with the future.
 */
export const comparisonYear: Rule = {
  id: 'narrative.comparison-year',
  title: '增减比较的年度错误',
  category: 'narrative',
  severity: 'error',
  description:
    '情况说明中的同比表述应与上一年度比较：预算年度为 N 的文件中，“比 N 年（或之后）”的比较，以及“M 年……比 M 年”这种与自身比较的写法，都是年度写错了。',
  check({ doc }) {
    const year = doc.meta.fiscalYear;
    if (!year) return [];
    const out: Draft[] = [];
    for (const s of doc.narrative.sentences) {
      for (const m of s.text.matchAll(/(比|较|与|同比)\s*(\d{4})\s*年/g)) {
        const compared = Number(m[2]);
        const before = s.text.slice(0, m.index ?? 0);
        // The subject's year: the last year named before this comparison that is not itself compared with.
        const subjectYears = [...before.matchAll(/(比|较|与|同比)?\s*(\d{4})\s*年/g)].filter((x) => !x[1]).map((x) => Number(x[2]));
        const subject = subjectYears[subjectYears.length - 1];
        const future = compared >= year;
        const self = !future && subject !== undefined && subject === compared;
        if (!future && !self) continue;
        const quote = s.text.slice(Math.max(0, (m.index ?? 0) - 24), (m.index ?? 0) + 16);
        out.push({
          message: future
            ? `情况说明第 ${s.source.line} 行“…${quote}…”与 ${compared} 年比较，但本文件是 ${year} 年度，应与 ${year - 1} 年比较`
            : `情况说明第 ${s.source.line} 行“…${quote}…”把 ${subject} 年的数字与 ${compared} 年自身比较：本年度应为 ${year} 年`,
          expected: future ? `${year - 1}年` : `${year}年`,
          actual: future ? `${compared}年` : `${subject}年`,
          difference: null,
          unit: null,
          locations: [{ line: s.source.line, ...(s.source.page ? { page: s.source.page } : {}), label: `情况说明：${s.text.slice(0, 60)}`, value: m[0] }],
        });
      }
    }
    return out;
  },
};
