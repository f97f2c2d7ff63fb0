import { proseToFen } from '../../money/amount.js';
import type { NarrativeSentence } from '../../model/types.js';
import type { Draft, Rule } from '../types.js';

/** "决算数大于预算数", "决算数与预算数基本持平", "决算数比年初预算减少": the stated relation of actual to budget. */
const STATED =
  /决算数?\s*(?:(大于|高于|超过|小于|低于|等于)\s*(?:年初)?预算数?|与\s*(?:年初)?预算数?\s*(?:基本)?(持平|相等|一致)|(?:比|较)\s*(?:年初)?预算数?\s*(增加|增长|减少|下降))/;
const RATE = /完成(?:年初|调整)?预算的?\s*(\d+(?:\.\d+)?)\s*[%％]/;
const BUDGET = /(?:年初|调整)?预算(?:数)?为\s*(\d[\d,，]*(?:\.\d+)?)\s*(万元|元)/;
/** The budget after adjustments, which 预算数 means when it is given (年初预算 0, 全年预算 321.02). */
const FULL_YEAR = /(?:全年|调整后?)预算(?:数)?为\s*(\d[\d,，]*(?:\.\d+)?)\s*(万元|元)/;
const ACTUAL = /(?:支出)?决算(?:数)?为\s*(\d[\d,，]*(?:\.\d+)?)\s*(万元|元)/;

type Relation = 1 | -1 | 0;
const RELATION: Record<string, Relation> = {
  大于: 1,
  高于: 1,
  超过: 1,
  增加: 1,
  增长: 1,
  小于: -1,
  低于: -1,
  减少: -1,
  下降: -1,
  等于: 0,
  持平: 0,
  相等: 0,
  一致: 0,
};
const WORD: Record<Relation, string> = { 1: '大于', [-1]: '小于', 0: '等于' };

/**
 * In a 决算 narrative, the word comparing 决算数 with 预算数 agrees with the figures of that item:
 * its 年初预算 and 决算 amounts, or its 完成预算的 Z%.
 */
export const finalDirection: Rule = {
  id: 'narrative.final-direction',
  title: '决算数与预算数的比较用词与数字不符',
  category: 'narrative',
  severity: 'error',
  description:
    '部门决算的情况说明中，“决算数大于/小于/等于预算数”“与预算数持平”“比预算数增加/减少”应与同一事项写出的预算数（有全年预算时以全年预算为准）、决算数和“完成预算的 X%”一致；这些数字彼此不一致时不作判断。“基本持平”允许相差不超过 1%。只适用于决算。',
  check({ doc }) {
    if (doc.meta.kind !== 'final') return [];
    const out: Draft[] = [];
    const sentences = doc.narrative.sentences;
    sentences.forEach((s, i) => {
      const m = STATED.exec(s.text);
      if (!m) return;
      const word = (m[1] ?? m[2] ?? m[3])!;
      const stated = RELATION[word]!;
      const roughly = /基本/.test(m[0]);
      // The item's figures: this sentence up to the statement, else the one or two before it in the section.
      const scope: NarrativeSentence[] = [{ ...s, text: s.text.slice(0, m.index) }];
      for (let k = i - 1; k >= Math.max(0, i - 2) && sentences[k]!.section === s.section; k--) {
        if (STATED.test(sentences[k]!.text)) break;
        scope.push(sentences[k]!);
      }
      const find = (re: RegExp) => scope.map((x) => re.exec(x.text)).find((x) => x !== null) ?? null;
      const budget = find(FULL_YEAR) ?? find(BUDGET);
      const actual = find(ACTUAL);
      const rate = find(RATE);
      // Every figure given must point the same way: an amount pair and a rate that disagree leave
      // the basis in doubt, and nothing is reported.
      const found: { relation: Relation; evidence: string; ratio: number | null }[] = [];
      const b = budget ? proseToFen(budget[1]!.replace(/[,，]/g, ''), budget[2]!) : null;
      const a = actual ? proseToFen(actual[1]!.replace(/[,，]/g, ''), actual[2]!) : null;
      if (a !== null && b !== null)
        found.push({ relation: Math.sign(a - b) as Relation, evidence: `${budget![0]}，${actual![0]}`, ratio: b > 0 ? a / b : null });
      if (rate) found.push({ relation: Math.sign(Number(rate[1]) - 100) as Relation, evidence: rate[0], ratio: Number(rate[1]) / 100 });
      if (found.length === 0 || found.some((f) => f.relation !== found[0]!.relation)) return;
      const { relation, ratio } = found[0]!;
      const evidence = found.map((f) => f.evidence).join('，');
      if (relation === stated) return;
      if (stated === 0 && roughly && ratio !== null && Math.abs(ratio - 1) <= 0.01) return;
      out.push({
        message: `情况说明第 ${s.source.line} 行写“${m[0]}”，但同一事项“${evidence}”，决算数应${WORD[relation]}预算数`,
        expected: WORD[relation],
        actual: word,
        difference: null,
        unit: null,
        locations: [{ line: s.source.line, ...(s.source.page ? { page: s.source.page } : {}), label: `情况说明：${s.text.slice(0, 60)}`, value: m[0] }],
      });
    });
    return out;
  },
};
