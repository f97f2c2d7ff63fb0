import { laidOutByUnit } from '../../profiles/conventions.js';
import type { Draft, Rule } from '../types.js';
import { codedRows } from './codes.js';

/** Every classification code exists in the catalog for the year (the catalog is partial: a warning). */
export const unknownCode: Rule = {
  id: 'classification.unknown-code',
  title: '科目编码不在目录中',
  category: 'classification',
  severity: 'warning',
  description:
    '功能分类和经济分类编码应存在于当年《政府收支分类科目》。本项目的目录不完整（见 reference/SOURCES.md），因此未知编码记为警告；地方细化的 7 位经济分类编码，其 5 位上级存在时记为提示。',
  check({ doc, profile }) {
    const out: Draft[] = [];
    const seen = new Set<string>();
    for (const c of codedRows(doc, profile)) {
      const key = `${c.catalog.kind}|${c.code}`;
      if (seen.has(key) || c.catalog.get(c.code)) continue;
      // A 支出总表 laid out by unit prints 单位编码 where function codes would be.
      if (c.table.role === 'expenditureByFunction' && laidOutByUnit(c.table)) continue;
      seen.add(key);
      const parent = c.code.length > 3 ? c.catalog.get(c.code.slice(0, c.code.length - 2)) : undefined;
      const local = c.catalog.kind === 'economic' && c.code.length === 7 && parent;
      const kind = c.catalog.kind === 'economic' ? '经济分类' : '功能分类';
      out.push({
        severity: local ? 'info' : 'warning',
        message: local
          ? `表${c.table.id}的经济分类编码 ${c.code}“${c.row.label}”是地方细化科目，目录中只有其上级 ${parent!.code} ${parent!.name}`
          : `表${c.table.id}的${kind}编码 ${c.code}“${c.printedName ?? c.row.label}”不在${kind}目录中${parent ? `（上级 ${parent.code} ${parent.name} 存在）` : ''}；目录不完整，请人工核实`,
        expected: null,
        actual: c.code,
        difference: null,
        unit: null,
        locations: [{ line: c.row.source.line, table: c.table.id, tableTitle: c.table.title, row: c.row.index, label: c.row.label, value: c.code }],
      });
    }
    return out;
  },
};
