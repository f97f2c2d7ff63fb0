import { measureName } from '../../glossary.js';
import type { IdentityCheck, Rule, RuleContext } from '../types.js';
import { sumCheck, cellLoc, rowLabel, tableLabel } from '../support.js';

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
      for (const row of t.rows) {
        const total = index.cell(t.id, row.index, ident.total);
        const parts = ident.parts.map((m) => index.cell(t.id, row.index, m)).filter((v) => v !== null);
        if (!total && parts.length === 0) continue;
        const draft = sumCheck(
          index,
          t,
          total,
          parts,
          `${tableLabel(t)}${rowLabel(t, row)}的${measureName(ident.total)}`,
          ident.parts.map(measureName).join(' + '),
          [ident.total, ...ident.parts].map((m) => cellLoc(index, t, row, m)).filter((l) => l.value !== '' || l.measure === measureName(ident.total)),
        );
        out.push({ table: t.id, row: row.index, draft, uninformative: !draft && parts.length === 1 });
      }
    }
  }
  return out;
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
