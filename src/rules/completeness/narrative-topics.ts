import type { Draft, Rule } from '../types.js';

/** 情况说明 covers every required topic; the document has its overview and glossary. */
export const narrativeTopics: Rule = {
  id: 'completeness.narrative-topics',
  title: '情况说明缺少规定内容',
  category: 'completeness',
  severity: 'warning',
  description:
    '情况说明应涵盖模板规定的各项内容（收支预算、财政拨款、一般公共预算当年拨款、基本支出、“三公”经费、政府性基金、国有资本经营、机关运行经费、政府采购、国有资产、绩效等）；公开文件应包含概况（含预算单位构成）和名词解释。',
  check({ doc, profile }) {
    const out: Draft[] = [];
    const text = [...doc.narrative.sections.map((s) => s.heading), ...doc.narrative.sentences.map((s) => s.text)].join('\n');
    // The tables of a publication split over files: the 说明 is in the other file, not missing.
    if (doc.meta.part === 'tables')
      return [
        {
          severity: 'info',
          message: `本文件只含报表，${profile.narrative.partTitles.narrative}另行发布：未在本文件中核对；与${profile.narrative.partTitles.narrative}文件一并检查可核对全部内容`,
          expected: null,
          actual: null,
          difference: null,
          unit: null,
          locations: [{ line: 1, label: '全文' }],
        },
      ];
    if (!text.trim()) {
      // A file of tables alone is often the 报表 attachment of a publication whose 说明 is another
      // file: that cannot be told from this document, so it is information, not a fault.
      out.push({
        severity: 'info',
        message: `本文件中没有“${profile.narrative.partTitles.narrative}”部分（如为单独公开的报表附件，请与说明文件一并检查）`,
        expected: null,
        actual: null,
        difference: null,
        unit: null,
        locations: [{ line: 1, label: '全文' }],
      });
      return out;
    }
    for (const topic of profile.narrative.requiredTopics) {
      if (topic.keywords.some((k) => text.includes(k))) continue;
      out.push({
        message: `情况说明中没有“${topic.title}”的内容`,
        expected: topic.title,
        actual: null,
        difference: null,
        unit: null,
        locations: [{ line: doc.narrative.sections[0]?.source.line ?? 1, label: '情况说明' }],
      });
    }
    if (doc.glossary.length === 0)
      out.push({
        message: `缺少“${profile.narrative.partTitles.glossary}”`,
        expected: null,
        actual: null,
        difference: null,
        unit: null,
        locations: [{ line: 1, label: '全文' }],
      });
    // A 单位预算 is one unit's own budget: it has no units to list.
    if (doc.units.length === 0 && doc.meta.scope !== 'unit')
      out.push({ message: '概况中没有列出预算单位构成', expected: null, actual: null, difference: null, unit: null, locations: [{ line: 1, label: '概况' }] });
    return out;
  },
};
