import type { Draft, Rule } from '../types.js';

/** "增长 -5%": a rise stated with a negative rate; "下降 -5%" / "下降 +5%": a fall with a signed rate. */
const RISE_NEGATIVE = /(增长|增加|上升|提高)了?\s*为?\s*([-－−]\s*\d+(?:\.\d+)?)\s*[%％]/g;
const FALL_SIGNED = /(下降|减少|降低)了?\s*为?\s*([-－−+＋]\s*\d+(?:\.\d+)?)\s*[%％]/g;
/** "占…X%": a part's share of its whole. */
const SHARE = /占([^，,。；;%％]{0,30}?)(\d+(?:\.\d+)?)\s*[%％]/g;
/** A ratio to a budget, a plan or last year may exceed 100% (决算 "占年初预算的 105%"). */
const NOT_A_WHOLE = /预算|计划|上年|年初|调整|完成|同期|目标/;

/** Percentages that contradict their own words, or are impossible: a share of a whole over 100%. */
export const percentage: Rule = {
  id: 'narrative.percentage',
  title: '百分比与文字矛盾或不可能',
  category: 'narrative',
  severity: 'error',
  description:
    '情况说明中的百分比应与文字一致：写“增长/增加/上升”的变动率不应为负数，写“下降/减少/降低”的变动率不应再带正负号（警告）；“占……X%”表示部分占整体的比重，不可能超过 100%（错误；与预算、计划、上年相比的比率除外）。',
  check({ doc }) {
    const out: Draft[] = [];
    for (const s of doc.narrative.sentences) {
      const at = { line: s.source.line, ...(s.source.page ? { page: s.source.page } : {}), label: '情况说明' };
      const quote = (i: number, n: number) => s.text.slice(Math.max(0, i - 20), i + n + 6);
      for (const m of s.text.matchAll(RISE_NEGATIVE))
        out.push({
          severity: 'warning',
          message: `情况说明第 ${s.source.line} 行“…${quote(m.index ?? 0, m[0].length)}…”写“${m[1]}”，变动率却是负数 ${m[2]}%：应写作“下降”或去掉负号`,
          expected: null,
          actual: `${m[1]}${m[2]}%`,
          difference: null,
          unit: '%',
          locations: [{ ...at, value: m[0] }],
        });
      for (const m of s.text.matchAll(FALL_SIGNED))
        out.push({
          severity: 'warning',
          message: `情况说明第 ${s.source.line} 行“…${quote(m.index ?? 0, m[0].length)}…”写“${m[1]}”又带符号 ${m[2]}%：方向已由文字说明，变动率不应带正负号`,
          expected: null,
          actual: `${m[1]}${m[2]}%`,
          difference: null,
          unit: '%',
          locations: [{ ...at, value: m[0] }],
        });
      for (const m of s.text.matchAll(SHARE)) {
        const value = Number(m[2]);
        if (!(value > 100) || NOT_A_WHOLE.test(m[1]!)) continue;
        out.push({
          message: `情况说明第 ${s.source.line} 行“…${quote(m.index ?? 0, m[0].length)}…”的占比为 ${m[2]}%：部分占整体的比重不可能超过 100%`,
          expected: '≤ 100',
          actual: m[2]!,
          difference: null,
          unit: '%',
          locations: [{ ...at, value: m[0] }],
        });
      }
    }
    return out;
  },
};
