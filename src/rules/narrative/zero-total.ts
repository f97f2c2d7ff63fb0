import type { DisclosureIndex } from '../../model/query.js';
import type { TableInstance } from '../../model/types.js';
import { money, tableLabel, cellLoc } from '../support.js';
import type { Draft, Rule } from '../types.js';

/** Funds whose whole expenditure one table shows, and the words that name them. */
const FUNDS: { name: string; words: RegExp; role: string }[] = [
  { name: '政府性基金预算支出', words: /政府性基金/, role: 'govFundByFunction' },
  { name: '国有资本经营预算支出', words: /国有资本经营/, role: 'socByFunction' },
];
/** "无政府性基金预算支出、国有资本经营预算支出": what follows 无/没有/未安排 up to the end of the clause. */
const NONE = /(?:^|[^\u4e00-\u9fff]|本单位|本部门|年)(?:无|没有|未安排|不涉及)([^，,。；;]{2,60})/g;
/** "政府性基金拨款支出预算为0", "…支出预算 0 万元". */
const ZERO = /(政府性基金|国有资本经营)[^，,。；;]{0,16}?(?:为|预算)\s*(?:0(?:\.0+)?\s*(?:万元|元)?|零)(?![\d.])/g;

function tableTotal(index: DisclosureIndex, t: TableInstance): { fen: number; loc: ReturnType<typeof cellLoc> } | null {
  const total = index.totalRow(t);
  if (!total) return null;
  const measure = index.measures(t).find((m) => m === 'total') ?? index.measures(t)[0];
  if (!measure) return null;
  const v = index.cell(t.id, total.index, measure);
  return v ? { fen: v.fen, loc: cellLoc(index, t, total, measure) } : null;
}

/** A fund stated as none or 0 in the narrative while its table shows money. */
export const zeroTotal: Rule = {
  id: 'narrative.zero-total',
  title: '说明称为零而报表有金额',
  category: 'narrative',
  severity: 'error',
  description:
    '情况说明写“无政府性基金预算支出”“国有资本经营预算拨款支出预算为 0”等，而政府性基金预算支出表或国有资本经营预算支出表的合计不为零，两者自相矛盾。只核对由一张表给出全部金额的事项。',
  check({ doc, index }) {
    const out: Draft[] = [];
    const reported = new Set<string>();
    for (const s of doc.narrative.sentences) {
      const said: string[] = [];
      // Each item of the list after 无 must itself name the fund ("无锡市…政府性基金支出预算 67" does not).
      for (const m of s.text.matchAll(NONE))
        for (const item of m[1]!.split(/[、和及与]/)) if (/^(?:使用|安排)?(?:政府性基金|国有资本经营)/.test(item) && !/\d/.test(item)) said.push(item);
      for (const m of s.text.matchAll(ZERO)) said.push(m[0]);
      for (const phrase of said)
        for (const fund of FUNDS) {
          if (!fund.words.test(phrase) || reported.has(fund.role)) continue;
          const t = index.table(fund.role);
          const total = t && !t.empty ? tableTotal(index, t) : null;
          if (!t || !total || total.fen === 0) continue;
          reported.add(fund.role);
          out.push({
            message: `情况说明第 ${s.source.line} 行称“${phrase.trim()}”，但${tableLabel(t)}合计为 ${money(total.fen, t.unit, t.decimals)} ${t.unit}`,
            expected: `0（${fund.name}）`,
            actual: money(total.fen, t.unit, t.decimals),
            difference: null,
            unit: t.unit,
            locations: [
              { line: s.source.line, ...(s.source.page ? { page: s.source.page } : {}), label: `情况说明：${s.text.slice(0, 60)}`, value: phrase.trim() },
              total.loc,
            ],
          });
        }
    }
    return out;
  },
};
