import type { Draft, Rule } from '../types.js';

/** Tables printed in the document that the template does not know: listed, never silently dropped. */
export const unrecognisedTables: Rule = {
  id: 'completeness.unrecognised-tables',
  title: '正文中有模板未定义的表',
  category: 'completeness',
  severity: 'info',
  description: '正文中印有表名和金额单位、但不属于所用模板的表（如政府采购预算明细表、项目支出表等地方增设的表），逐一列出：这些表未被读取和核对。',
  check({ doc }) {
    const out: Draft[] = [];
    for (const n of doc.readerNotes) {
      const m = /^未识别的表格标题“(.+)”$/.exec(n.message);
      if (!m) continue;
      out.push({
        message: `正文第 ${n.source.line} 行的表“${m[1]}”不属于模板“${doc.meta.profile}”，未读取、未核对`,
        expected: null,
        actual: m[1]!,
        difference: null,
        unit: null,
        locations: [{ line: n.source.line, ...(n.source.page ? { page: n.source.page } : {}), label: m[1]! }],
      });
    }
    return out;
  },
};
