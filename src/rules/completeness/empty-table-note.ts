import type { Draft, Rule } from '../types.js';

/** An empty table says so (注：本表无数据); a table with figures does not claim to be empty. */
export const emptyTableNote: Rule = {
  id: 'completeness.empty-table-note',
  title: '空表说明与表内数据不符',
  category: 'completeness',
  severity: 'error',
  description: '没有数据的公开表应保留空表并注明原因（如“本表无数据”）；表中有数据却注明“无数据/空表”的，自相矛盾。',
  check({ doc }) {
    const out: Draft[] = [];
    for (const t of doc.tables) {
      const saysEmpty = t.note !== null && /无数据|空表|没有|无.*(收支|支出|经费)/.test(t.note);
      // A conditional legend ("此表如无数字则表示单位无该项支出", "空表表示本部门无相关收支情况")
      // explains blanks without saying that this table is empty.
      const conditional = t.note !== null && /如无|若无|如果没有|空表表示/.test(t.note);
      if (t.empty && !saysEmpty)
        out.push({
          severity: 'warning',
          message: `表${t.id}“${t.printedTitle}”没有数据，但没有注明原因（应注明“本表无数据”等）`,
          expected: '注：本表无数据',
          actual: t.note,
          difference: null,
          unit: null,
          locations: [{ line: t.source.line, table: t.id, label: t.printedTitle }],
        });
      // Rows of zeros (合计 0.00) are how many templates print "no such spending": they agree with the note.
      const money = doc.facts.some((f) => f.table === t.id && /[1-9]/.test(f.value));
      if (!t.empty && money && saysEmpty && !conditional)
        out.push({
          message: `表${t.id}“${t.printedTitle}”有数据，但注明“${t.note}”`,
          expected: null,
          actual: t.note,
          difference: null,
          unit: null,
          locations: [{ line: t.source.line, table: t.id, label: t.printedTitle }],
        });
    }
    return out;
  },
};
