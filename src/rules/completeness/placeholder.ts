import type { Provenance } from '../../model/types.js';
import type { Draft, Rule } from '../types.js';

/**
 * Template text left unfilled: "XX局", "××单位", "待填写", "此处填写…", "TBD". A published
 * disclosure has no use for them, whatever the template.
 */
const PATTERNS: RegExp[] = [
  /[XxＸｘ]{2,}(?=[\u4e00-\u9fff（(年月日万元%])/,
  /[×＊*]{2,}(?=[\u4e00-\u9fff（(年月日万元%])/,
  /(?<![\u4e00-\u9fff])[XxＸｘ×]{2,}(?![A-Za-z])/,
  /待填写|待补充|此处填写|在此填写|请填写|请在此|此处输入|（填写[^）]{0,12}）|\bTBD\b/,
];

/** Words that take XX/×× as something other than a placeholder (sizes, model numbers). */
const NOT_PLACEHOLDER = /\d\s*[×xX]\s*\d|[A-Za-z]{3,}/;

export const placeholder: Rule = {
  id: 'completeness.placeholder',
  title: '文中留有未填写的占位符',
  category: 'completeness',
  severity: 'warning',
  description: '公开文件中不应留有模板的占位符：“XX局”“××单位”“待填写”“此处填写”“TBD”等，多为照抄模板后未填写的内容。检查封面、情况说明、名词解释和表中名称。',
  check({ doc }) {
    const out: Draft[] = [];
    const seen = new Set<string>();
    const look = (text: string, source: Provenance, where: string) => {
      for (const re of PATTERNS) {
        const m = re.exec(text);
        if (!m) continue;
        const around = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12);
        if (NOT_PLACEHOLDER.test(around.replace(/TBD/g, '')) && !/待填写|待补充|此处填写|在此填写|请填写|请在此|此处输入|填写/.test(m[0])) continue;
        const key = `${source.line}|${m[0]}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({
          message: `${where}第 ${source.line} 行留有占位符“${m[0]}”：“${around}”，应填写实际内容`,
          expected: null,
          actual: m[0],
          difference: null,
          unit: null,
          locations: [{ line: source.line, ...(source.page ? { page: source.page } : {}), label: where, value: around }],
        });
        return;
      }
    };
    look(doc.meta.title, { line: 1 }, '标题');
    for (const s of doc.narrative.sections) look(s.heading, s.source, '情况说明');
    for (const s of doc.narrative.sentences) look(s.text, s.source, '情况说明');
    for (const g of doc.glossary) look(`${g.term} ${g.definition}`, g.source, '名词解释');
    for (const t of doc.tables) for (const r of t.rows) if (r.label) look(r.label, r.source, `表${t.id}`);
    return out;
  },
};
