import type { Draft, Rule } from '../types.js';

/**
 * Text copied from another level's template: a district's disclosure that defines its terms for
 * 市级 budget departments or 市级财政 (as 029 does in its 名词解释).
 */
export const levelWording: Rule = {
  id: 'completeness.level-wording',
  title: '说明文字的政府层级与文件不符',
  category: 'completeness',
  severity: 'warning',
  description: '区（县）级部门的公开文件中，名词解释或说明写成“市级预算主管部门”“市级财政”等，多为照抄上级模板未改，应改为本级（区级、县级）表述。',
  check({ doc }) {
    const who = `${doc.meta.title}${doc.meta.department}`;
    const own = /区级|[^地]区(?!域)/.test(who) && /区/.test(doc.meta.department) ? '区级' : /县级|县/.test(doc.meta.department) ? '县级' : null;
    if (!own) return [];
    const out: Draft[] = [];
    const texts = [
      ...doc.glossary.map((g) => ({ text: `${g.term}：${g.definition}`, source: g.source })),
      ...doc.narrative.sentences.map((s) => ({ text: s.text, source: s.source })),
    ];
    for (const t of texts) {
      const m = /市级(预算主管部门|财政|部门预算|预算单位)/.exec(t.text);
      if (!m) continue;
      out.push({
        message: `第 ${t.source.line} 行写作“${m[0]}”，但本文件是${own}部门的公开文件，应为“${own}${m[1]}”`,
        expected: `${own}${m[1]}`,
        actual: m[0],
        difference: null,
        unit: null,
        locations: [{ line: t.source.line, ...(t.source.page ? { page: t.source.page } : {}), label: t.text.slice(0, 60) }],
      });
    }
    return out;
  },
};
