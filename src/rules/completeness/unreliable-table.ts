import type { Draft, Rule } from '../types.js';

/**
 * A table whose identities fail all over (many unrelated differences) was most likely misread, not
 * misprinted (src/reading/assess.ts). It is reported once, as a warning saying it could not be read
 * reliably; the engine then drops every finding that rests on its figures, and the summary leaves them
 * out, so a reviewer is never sent after errors the document does not have.
 */
export const unreliableTable: Rule = {
  id: 'completeness.unreliable-table',
  title: '表格未能可靠读取',
  category: 'completeness',
  severity: 'warning',
  description:
    '表中的合计关系（行内合计、上下级合计、收支平衡）若在多处以互不相关的差额不成立，更可能是版式未被正确识别而不是文件本身有误：报告为一条“未能可靠读取”警告（注明页码和原因），该表的数字不再用于任何检查（表内、表间、说明与报表）和关键数字汇总，请人工核对该表。只有个别不符（同一差额沿上级合计传递算作一处）的表仍正常检查，这些不符是文件本身错误的候选。',
  check({ doc }) {
    const out: Draft[] = [];
    for (const t of doc.tables) {
      if (t.reading.status !== 'unreliable') continue;
      const page = t.source.page;
      out.push({
        message: `表${t.id}“${t.printedTitle}”${page ? `（第 ${page} 页）` : ''}未能可靠读取：${t.reading.reason ?? '读取结果与表内合计关系不符'}。该表的数字未用于检查和汇总，请人工核对`,
        expected: null,
        actual: `${t.reading.failed}/${t.reading.checked}`,
        difference: null,
        unit: null,
        locations: [{ line: t.source.line, ...(page ? { page } : {}), table: t.id, tableTitle: t.title, label: t.printedTitle }],
      });
    }
    return out;
  },
};
