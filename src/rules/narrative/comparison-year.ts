import type { Draft, Rule } from '../types.js';

/**
 * Year-on-year statements compare with the year before: in a 2026 budget "比2026年预算增加" or
 * "2025年…比2025年减少" compares a year with itself or with the future.
 */
/** What follows a compared year in a real comparison: a direction or 相比 within the clause. */
const COMPARED = /^[^，,；;。：:]{0,24}?(增|减|上升|下降|降低|提高|持平|相比|相较|对比|多|少|节约|压减)/;
const DIRECTION = /增|减|上升|下降|降低|持平/;
const BUDGET = /^度?\s*(年初|预算|调整)/;
/** An amount in the text: a number with its money or count unit. */
const AMOUNT = /\d[\d,，]*(?:\.\d+)?\s*(万元|亿元|元|辆|个|人)/g;

/** 'actual' or 'budget' when the words name one of them: 执行数/决算数/实际 against 预算/年初. */
function measureOf(words: string): 'actual' | 'budget' | null {
  if (/执行|实际|决算|完成/.test(words)) return 'actual';
  if (/预算|年初/.test(words)) return 'budget';
  return null;
}

/** Whether a position is inside a title in quotes or book-title marks (“2025年…项目”, 《…》). */
function insideTitle(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const open = (o: string, c: string) => before.lastIndexOf(o) > before.lastIndexOf(c);
  return open('《', '》') || open('“', '”');
}

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
    const final = doc.meta.kind === 'final';
    const out: Draft[] = [];
    for (const s of doc.narrative.sentences) {
      for (const m of s.text.matchAll(/(比|较|与|同比)\s*(\d{4})\s*年/g)) {
        const at = m.index ?? 0;
        const after = s.text.slice(at + m[0].length);
        // Only a comparison counts: "比/较 2025 年…减少", "与 2025 年相比". A year after 与 in a
        // project's or document's title ("…与2026年度工作计划") compares nothing.
        if (!COMPARED.test(after)) continue;
        if (insideTitle(s.text, at)) continue;
        const compared = Number(m[2]);
        const before = s.text.slice(0, at);
        // The subject's year: the last year named before this comparison that is not itself compared with.
        // A year followed by its own direction word before any 比/较 ("…较其他 2021 年度减少", text run
        // together from a table) is a comparand, not a subject.
        const subjects = [...before.matchAll(/(比|较|与|同比)?\s*(\d{4})\s*年/g)].filter(
          (x) => !x[1] && !insideTitle(s.text, x.index ?? 0) && !DIRECTION.test(before.slice((x.index ?? 0) + x[0].length).split(/比|较|与/)[0]!),
        );
        const last = subjects[subjects.length - 1];
        const subject = last ? Number(last[2]) : undefined;
        // 决算 compares the year's actuals with the same year's budget (年初预算, 调整预算).
        const future = compared > year || (compared === year && !(final && BUDGET.test(after.slice(0, 6))));
        // "2025年实际…较2025年预算数减少" compares two measures of one year, not the year with itself.
        const subjectMeasure = last ? measureOf(before.slice((last.index ?? 0) + last[0].length)) : null;
        const comparedMeasure = measureOf(after.slice(0, 6));
        const twoMeasures = subjectMeasure !== null && comparedMeasure !== null && subjectMeasure !== comparedMeasure;
        // The year is the compared figure's only when it stands in that figure's clause or in the
        // comparison's own: "2025 年经费由市财政年中追加，较 2025 年年初预算增加…" (the year of an aside) and
        // "结转 2025 年下达的资金 510 万元，合计…资金 1,610 万元，较 2025 年…" (a later figure's clause) compare
        // this year's figure with last year's.
        const yearAt = last ? (last.index ?? 0) : 0;
        const amounts = [...before.matchAll(AMOUNT)].map((x) => x.index ?? 0);
        const lastAmountAt = amounts[amounts.length - 1];
        const sameClause = (from: number, to: number) => !/[，,；;。]/.test(before.slice(from, to));
        const ownYear = sameClause(yearAt, before.length) || (lastAmountAt !== undefined && lastAmountAt > yearAt && sameClause(yearAt, lastAmountAt));
        const self = !future && subject !== undefined && subject === compared && !twoMeasures && ownYear;
        if (!future && !self) continue;
        const quote = s.text.slice(Math.max(0, at - 24), at + 16);
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
