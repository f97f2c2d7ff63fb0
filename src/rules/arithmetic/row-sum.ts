import { measureName } from '../../glossary.js';
import type { IdentityCheck, Rule, RuleContext } from '../types.js';
import { sumCheck, cellLoc, rowLabel, tableLabel } from '../support.js';
import type { TableInstance, TableRow } from '../../model/types.js';

/** Rows a column must fill before its being left out of every total is the document's convention. */
const MIN_CONVENTION_ROWS = 2;

/** Every row identity of every table, passing or not: the rule reports the failures, the reading assessment counts both. */
export function rowSumChecks({ doc, profile, index }: RuleContext): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  for (const t of doc.tables) {
    const spec = profile.tables.find((s) => s.id === t.id);
    const present = new Set(index.measures(t));
    const identities = spec?.rowIdentities ?? [];
    const printedParts = (parts: string[]) => parts.filter((m) => present.has(m)).length;
    for (const ident of identities) {
      // A template variant may lack the component columns altogether (当年/上年结转 instead of 基本/项目).
      if (!ident.parts.some((m) => present.has(m))) continue;
      // A total with no amount in any row is no printed column but a heading over its parts
      // (基本支出 over 人员经费 | 公用经费): nothing to check it against.
      if (!present.has(ident.total)) continue;
      // Alternative splits of one total (基本 + 项目, or 人员 + 公用 + 项目): the one the table prints.
      // Splits along another dimension (当年 + 上年结转) share no part and are checked as well.
      const rival = identities.find(
        (o) => o !== ident && o.total === ident.total && o.parts.some((m) => ident.parts.includes(m)) && printedParts(o.parts) > printedParts(ident.parts),
      );
      if (rival) continue;
      const check = (row: TableRow, partsOf: string[]) => {
        const total = index.cell(t.id, row.index, ident.total);
        const parts = partsOf.map((m) => index.cell(t.id, row.index, m)).filter((v) => v !== null);
        if (!total && parts.length === 0) return null;
        const draft = sumCheck(
          index,
          t,
          total,
          parts,
          `${tableLabel(t)}${rowLabel(t, row)}的${measureName(ident.total)}`,
          partsOf.map(measureName).join(' + '),
          [ident.total, ...partsOf].map((m) => cellLoc(index, t, row, m)).filter((l) => l.value !== '' || l.measure === measureName(ident.total)),
        );
        return { table: t.id, row: row.index, draft, uninformative: !draft && parts.length === 1 };
      };
      const parts =
        documentsParts(
          index,
          t,
          ident.parts.filter((m) => present.has(m)),
          check,
        ) ?? ident.parts;
      for (const row of t.rows) {
        const c = check(row, parts);
        if (c) out.push(c);
      }
    }
  }
  return out;
}

/** Rows where a part column is filled with an amount other than 0. */
const filled = (index: RuleContext['index'], t: TableInstance, m: string) => t.rows.filter((r) => (index.cell(t.id, r.index, m)?.fen ?? 0) !== 0);

/**
 * The parts the document's own totals add: a column printed beside the split but not part of it
 * (事业单位经营支出 beside 基本 + 项目, already inside them) fails the identity on most rows it fills,
 * and leaving it out makes nearly all of them hold (a real slip among them fails either way). A slip
 * in one row is no such pattern: its parents, added right, hold with the column in and fail without it.
 */
function documentsParts(
  index: RuleContext['index'],
  t: TableInstance,
  parts: string[],
  check: (row: TableRow, parts: string[]) => IdentityCheck | null,
): string[] | null {
  if (parts.length < 3) return null;
  const fails = (c: IdentityCheck | null) => (c?.draft?.severity ?? 'warning') === 'error';
  for (const m of parts) {
    const rows = filled(index, t, m);
    if (rows.length < MIN_CONVENTION_ROWS) continue;
    const without = parts.filter((p) => p !== m);
    const withIt = rows.filter((r) => fails(check(r, parts)));
    const withoutIt = rows.filter((r) => fails(check(r, without)));
    if (withIt.length > rows.length / 2 && withoutIt.length * 3 < withIt.length && withoutIt.every((r) => withIt.includes(r))) return without;
  }
  return null;
}

/** Within each row, the total column equals the sum of its component columns (合计 = 基本 + 项目 …). */
export const rowSum: Rule = {
  id: 'arithmetic.row-sum',
  title: '行内合计与各列之和不符',
  category: 'arithmetic',
  severity: 'error',
  description: '每一行的合计列应等于其组成列之和，如 合计 = 基本支出 + 项目支出、合计 = 人员经费 + 公用经费、三公合计 = 出国 + 车辆 + 接待。',
  check(ctx) {
    return rowSumChecks(ctx).flatMap((c) => (c.draft ? [c.draft] : []));
  },
};
