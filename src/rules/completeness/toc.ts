import type { Draft, Rule } from '../types.js';
import { buildTitleIndex, isPartHeading, normalizeTitle } from '../../profiles/titles.js';

/** Contents and body agree: each listed table is in the body under the same title, and the body adds none. */
export const tocVsBody: Rule = {
  id: 'completeness.toc',
  title: '目录与正文不一致',
  category: 'completeness',
  severity: 'warning',
  description: '目录中列出的表应在正文中出现，正文中的表应在目录中列出，表名应与目录一致（正文表名与目录不同时提示）。',
  check({ doc, profile }) {
    // A 说明 published apart from its tables lists them in its contents: they are in the other file,
    // and its template is a guess from prose (no table names it), so the contents say nothing here.
    if (doc.meta.part === 'narrative') return [];
    const titles = buildTitleIndex(profile);
    const out: Draft[] = [];
    const listed = new Map<string, (typeof doc.toc)[number]>();
    for (const e of doc.toc) {
      // A heading over the tables ("五、单位预算表") lists them but is none.
      if (isPartHeading(e.title)) continue;
      const spec = titles.match(e.title);
      if (spec) {
        if (!listed.has(spec.id)) listed.set(spec.id, e);
      } else if (/表$/.test(normalizeTitle(e.title)))
        out.push({
          message: `目录第 ${e.source.line} 行“${e.title}”不是本模板的公开表`,
          expected: null,
          actual: e.title,
          difference: null,
          unit: null,
          locations: [{ line: e.source.line, label: `目录：${e.title}` }],
        });
    }
    if (doc.toc.length === 0) return out;
    // Listed but not printed. A required table is reported by completeness.required-tables.
    for (const [id, e] of listed) {
      const spec = profile.tables.find((s) => s.id === id);
      if (!spec || spec.required || doc.tables.some((t) => t.id === id && t.present)) continue;
      out.push({
        message: `目录第 ${e.source.line} 行列出的表${spec.number}“${spec.title}”在正文中没有`,
        expected: spec.title,
        actual: null,
        difference: null,
        unit: null,
        locations: [{ line: e.source.line, label: `目录：${e.title}` }],
      });
    }
    for (const t of doc.tables) {
      const e = listed.get(t.id);
      if (!e) {
        out.push({
          message: `正文表${t.id}“${t.printedTitle}”（第 ${t.source.line} 行）未在目录中列出`,
          expected: null,
          actual: t.printedTitle,
          difference: null,
          unit: null,
          locations: [{ line: t.source.line, table: t.id, label: t.printedTitle }],
        });
        continue;
      }
      if (normalizeTitle(e.title) !== normalizeTitle(t.printedTitle))
        out.push({
          severity: 'info',
          message: `表${t.id}正文标题“${t.printedTitle}”与目录“${e.title.replace(/（公开表.*?）/, '').replace(/^[一二三四五六七八九十]+、/, '')}”不一致`,
          expected: e.title,
          actual: t.printedTitle,
          difference: null,
          unit: null,
          locations: [
            { line: t.source.line, table: t.id, label: t.printedTitle },
            { line: e.source.line, label: `目录：${e.title}` },
          ],
        });
    }
    return out;
  },
};
