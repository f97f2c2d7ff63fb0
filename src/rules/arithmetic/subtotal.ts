import { measureName } from '../../glossary.js';
import { toFen, type AmountUnit } from '../../money/amount.js';
import type { IdentityCheck, Rule, RuleContext } from '../types.js';
import { sumCheck, cellLoc, rowLabel, tableLabel } from '../support.js';

/** Every parent row against the sum of its children, per measure, passing or not. */
export function subtotalChecks({ doc, index }: RuleContext): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  for (const t of doc.tables) {
    if (t.rows.every((r) => r.parent === null)) continue;
    const measures = index.measures(t);
    for (const row of t.rows) {
      const children = index.children(t, row.index);
      if (children.length === 0) continue;
      const mine: IdentityCheck[] = [];
      for (const m of measures) {
        const own = index.cell(t.id, row.index, m);
        const kids = children.map((c) => index.cell(t.id, c.index, m)).filter((v) => v !== null);
        if (!own && kids.length === 0) continue;
        const draft = sumCheck(index, t, own, kids, `${tableLabel(t)}${rowLabel(t, row)}的${measureName(m)}`, `其下 ${children.length} 行明细之和`, [
          cellLoc(index, t, row, m),
          ...children.filter((c) => index.cell(t.id, c.index, m)).map((c) => cellLoc(index, t, c, m)),
        ]);
        mine.push({ table: t.id, row: row.index, measure: m, draft });
      }
      out.push(...markMoved(mine, t.unit, index.step(t)));
    }
  }
  return out;
}

/**
 * A row whose subtotal is over in one column by exactly what it is under in another (人员经费 +214.73,
 * 公用经费 −214.73, give or take a printed unit): every audited case so far was an amount read into the neighbouring column, the
 * rows adding up across. The two findings say so and are warnings, not accusations.
 */
function markMoved(checks: IdentityCheck[], unit: AmountUnit, step: number): IdentityCheck[] {
  const failing = checks.filter((c) => c.draft && (c.draft.severity ?? 'error') === 'error' && c.draft.difference !== null);
  const fen = (c: IdentityCheck) => toFen(c.draft!.difference!, unit);
  for (const c of failing) {
    const other = failing.find((o) => o !== c && Math.abs(fen(o) + fen(c)) <= step && Math.abs(fen(c)) > step);
    if (!other) continue;
    c.moved = true;
    c.draft = {
      ...c.draft!,
      severity: 'warning',
      message: `${c.draft!.message}；同一行的${other.draft!.locations[0]?.measure ?? '另一列'}恰好相差 ${other.draft!.difference} ${unit}，更像是金额被读进了相邻的列，未能可靠读取`,
    };
  }
  return checks;
}

/** Every subtotal row equals the sum of the rows under it: units, classes, 款 and sub-items, projects. */
export const subtotal: Rule = {
  id: 'arithmetic.subtotal',
  title: '小计/合计与明细之和不符',
  category: 'arithmetic',
  severity: 'error',
  description: '表内每个汇总行（合计、部门、单位、类、款、功能科目分组）应等于其下级明细行之和，逐列核对。',
  check(ctx) {
    return subtotalChecks(ctx).flatMap((c) => (c.draft ? [c.draft] : []));
  },
};
