import { buildTitleIndex } from '../../profiles/titles.js';
import type { TableInstance } from '../../model/types.js';
import type { Draft, Rule } from '../types.js';

/** The longest run of positions whose keys increase (kept in order); the rest are out of order. */
function outOfOrder(keys: number[]): Set<number> {
  const n = keys.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (keys[j]! < keys[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
  let end = 0;
  for (let i = 1; i < n; i++) if (len[i]! > len[end]!) end = i;
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]!) kept.add(i);
  return new Set([...keys.keys()].filter((i) => !kept.has(i)));
}

/** Tables in the template's order, and the contents in the body's order. */
export const tableOrder: Rule = {
  id: 'completeness.table-order',
  title: '报表顺序与模板或目录不符',
  category: 'completeness',
  severity: 'warning',
  description:
    '正文中模板规定必须公开的表应按模板的顺序排列（通用模板不核对顺序）；目录中各表的先后应与正文一致。顺序不符的表逐一列出（以最长的有序部分为准）。',
  check({ doc, profile }) {
    const out: Draft[] = [];
    // The template's order is that of its required tables: the optional ones a profile adds are
    // listed after them whatever their printed place, and a fallback profile stands for many
    // templates, so it has no order of its own.
    const rank = new Map(profile.detect.fallback ? [] : profile.tables.filter((s) => s.required).map((s, i) => [s.id, i]));
    const body = doc.tables.filter((t) => t.present).sort((a, b) => a.source.line - b.source.line);
    const core = body.filter((t) => rank.has(t.id));
    const label = (t: TableInstance) => `表${t.id}“${t.printedTitle}”`;
    const bad = outOfOrder(core.map((t) => rank.get(t.id)!));
    for (const i of bad) {
      const t = core[i]!;
      const after = core.slice(0, i).filter((x, k) => !bad.has(k) && rank.get(x.id)! > rank.get(t.id)!)[0];
      out.push({
        message: `${label(t)}（第 ${t.source.line} 行）不在模板规定的位置${after ? `：模板中它在${label(after)}之前，正文却印在其后` : ''}`,
        expected: after ? `在表${after.id}之前` : null,
        actual: after ? `在表${after.id}之后` : null,
        difference: null,
        unit: null,
        locations: [{ line: t.source.line, ...(t.source.page ? { page: t.source.page } : {}), table: t.id, tableTitle: t.title, label: t.printedTitle }],
      });
    }
    // The contents: the tables it lists, in its order, against their order in the body.
    if (doc.toc.length === 0 || doc.meta.part === 'narrative') return out;
    const titles = buildTitleIndex(profile);
    const bodyAt = new Map(body.map((t, i) => [t.id, i]));
    const listed: { id: string; line: number; title: string }[] = [];
    for (const e of doc.toc) {
      const id = titles.match(e.title)?.id;
      if (id && bodyAt.has(id) && !listed.some((x) => x.id === id)) listed.push({ id, line: e.source.line, title: e.title });
    }
    const misplaced = outOfOrder(listed.map((x) => bodyAt.get(x.id)!));
    for (const i of misplaced) {
      const e = listed[i]!;
      const t = body[bodyAt.get(e.id)!]!;
      out.push({
        message: `目录第 ${e.line} 行“${e.title}”的先后与正文不一致：正文中${label(t)}印在第 ${t.source.line} 行`,
        expected: null,
        actual: e.title,
        difference: null,
        unit: null,
        locations: [
          { line: e.line, label: `目录：${e.title}` },
          { line: t.source.line, ...(t.source.page ? { page: t.source.page } : {}), table: t.id, tableTitle: t.title, label: t.printedTitle },
        ],
      });
    }
    return out;
  },
};
