import type { Draft, Rule } from '../types.js';

const CHECKS: [RegExp, string][] = [
  [/([。，；、：])\1/, '标点重复'],
  [/(原因是|主要用于|主要包括|具体包括)[：:]?\s*[。；]/, '说明内容缺失（冒号或句号前没有内容）'],
];

/** Text defects a reviewer would mark: doubled punctuation, an empty reason, unbalanced quotes. */
export const wording: Rule = {
  id: 'narrative.wording',
  title: '说明文字有明显缺陷',
  category: 'narrative',
  severity: 'warning',
  description: '情况说明中明显的文字缺陷：重复的标点（“。。”）、缺了内容的“主要原因是。”、左右引号不成对、段落末尾缺少句号。',
  check({ doc }) {
    const out: Draft[] = [];
    doc.narrative.sentences.forEach((s, i) => {
      const problems = CHECKS.filter(([re]) => re.test(s.text)).map(([, what]) => what);
      // A sentence of a lone full stop right after one that already ended with it: "…支出。。".
      const prev = doc.narrative.sentences[i - 1];
      if (/^[。，；]$/.test(s.text) && prev && prev.section === s.section && prev.text.endsWith(s.text)) problems.push('标点重复');
      const open = (s.text.match(/“/g) ?? []).length;
      const close = (s.text.match(/”/g) ?? []).length;
      if (open !== close) problems.push(`引号不成对（左引号 ${open} 个，右引号 ${close} 个）`);
      // A paragraph whose last sentence has no full stop (a heading-like short line is not a sentence).
      // List entries ("具体包括：1. 普陀区司法局本部") need none.
      const lastClause = s.text.split(/[：:，,；;]/).pop() ?? '';
      const listEntry = /^\s*(\d+[.、．]|[（(][\d一二三四五六七八九十]+[)）]|[①-⑳])/.test(lastClause);
      if (s.unterminated && !listEntry && s.text.length >= 12 && /[，、]|是|为|的/.test(s.text) && /[\u4e00-\u9fff]$/.test(s.text))
        problems.push('段落末尾缺少句号');
      if (problems.length === 0) return;
      out.push({
        message: `情况说明第 ${s.source.line} 行：${problems.join('；')}：“${s.text.length > 80 ? `${s.text.slice(0, 80)}…` : s.text}”`,
        expected: null,
        actual: s.text.slice(0, 80),
        difference: null,
        unit: null,
        locations: [{ line: s.source.line, ...(s.source.page ? { page: s.source.page } : {}), label: '情况说明' }],
      });
    });
    return out;
  },
};
