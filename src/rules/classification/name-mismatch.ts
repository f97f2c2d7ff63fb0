import { nameMatches } from '../../reference/catalog.js';
import type { Draft, Rule, RuleContext } from '../types.js';
import { codedRows } from './codes.js';

const CONFIDENT = new Set(['seed', 'confirmed', 'corroborated', 'observed', 'seed-local']);

/** The printed name agrees with the code's catalog name (a truncated name is accepted). */
export const nameMismatch: Rule = {
  id: 'classification.name-mismatch',
  title: '科目名称与编码不符',
  category: 'classification',
  severity: 'warning',
  description:
    '表中科目名称应与编码在目录中的名称一致（因单元格宽度被截断的名称视为一致，历年名称变体均接受）。这是与科目目录的比对，而非文件自相矛盾，且名称跨行、并列两套科目名称时容易误读，故为警告。',
  check(ctx) {
    return nameMismatches(ctx).map((m) => m.draft);
  },
};

/**
 * Every coded row whose printed name is not its code's catalog name, with whether the catalog is
 * sure of that name (the reading assessment counts those: many of them mean labels read against the
 * wrong codes).
 */
export function nameMismatches({ doc, profile }: RuleContext): { draft: Draft; confident: boolean }[] {
  const out: { draft: Draft; confident: boolean }[] = [];
  for (const c of codedRows(doc, profile)) {
    const entry = c.catalog.get(c.code);
    if (!entry || !c.printedName || nameMatches(entry, c.printedName) || wrapArtefact(entry.name, c.printedName)) continue;
    out.push({
      confident: CONFIDENT.has(entry.status),
      draft: {
        message: `表${c.table.id}第 ${c.row.source.line} 行科目 ${c.code} 名称印为“${c.printedName}”，目录中为“${entry.name}”${entry.variants.length ? `（或 ${entry.variants.join('、')}）` : ''}`,
        expected: entry.name,
        actual: c.printedName,
        difference: null,
        unit: null,
        locations: [{ line: c.row.source.line, table: c.table.id, tableTitle: c.table.title, row: c.row.index, label: c.printedName, value: c.code }],
      },
    });
  }
  return out;
}

/**
 * A printed name that is the catalog name misread, not a different name: a wrapped cell read with a
 * piece of its own wrap twice ("缴费支出机关事业单位职业年金缴费支出"), with another cell's text glued
 * on, or with its first line lost.
 */
export function wrapArtefact(name: string, printed: string): boolean {
  const p = printed.replace(/\s+/g, '');
  // The whole name with other text glued on (a neighbour's wrapped tail, the next page's running
  // header or section heading): the name itself is printed right. "其他…" would name another item.
  const at = p.indexOf(name);
  if (at >= 0 && p !== name && !/其他$/.test(p.slice(0, at))) return true;
  // A flat list prints the economic classification beside the name, in the same label ("其他环境保护
  // 管理事务 50502-商品和服务支出 3021101-差旅费"): the name's cell ends where the next code begins,
  // cut at its cell's width, its wrapped tail (护) read after the whole row.
  const cell = /^(\D+?)\d{5,}-/.exec(p)?.[1];
  if (cell && cell.length >= Math.max(4, Math.ceil(name.length * 0.6)) && name.startsWith(cell)) return true;
  // Only the end of the name: its first half sits on the line above the code, read with the row before.
  if (p.length >= 2 && p.length < name.length && name.endsWith(p)) return true;
  for (let len = Math.min(name.length, p.length); len >= Math.max(4, Math.ceil(name.length * 0.6)); len--) {
    const at = p.indexOf(name.slice(0, len));
    if (at < 0) continue;
    const rest = [p.slice(0, at), p.slice(at + len)].filter(Boolean);
    return rest.length > 0 && rest.every((r) => name.includes(r));
  }
  return false;
}
