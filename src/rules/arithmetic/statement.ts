import { itemName, measureName } from '../../glossary.js';
import type { Valued } from '../../model/query.js';
import type { TableRow } from '../../model/types.js';
import type { IdentityCheck, Rule, RuleContext } from '../types.js';
import { sumCheck, valuedLoc, cellLoc, tableLabel } from '../support.js';

/** 收支总表-style identities: 本年收入合计 = Σ 收入来源; 收入总计 = 本年收入合计 + 上年结转 …; 收入总计 = 支出总计. */
export const statementIdentity: Rule = {
  id: 'arithmetic.statement',
  title: '收支总表平衡关系不成立',
  category: 'arithmetic',
  severity: 'error',
  description:
    '收支总表类表格的平衡关系：本年收入合计 = 各项收入之和；收入总计 = 本年收入合计 + 用事业基金弥补收支差额 + 上年结转；本年支出合计 = 各功能类支出之和；支出总计 = 本年支出合计 + 结余分配 + 结转下年；收入总计 = 支出总计（按模板声明）。',
  check(ctx) {
    return statementChecks(ctx).flatMap((c) => (c.draft ? [c.draft] : []));
  },
};

/** Every statement identity the profile declares, passing or not. */
export function statementChecks({ doc, profile, index }: RuleContext): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  for (const t of doc.tables) {
    const spec = profile.tables.find((s) => s.id === t.id);
    if (spec?.layout !== 'statement') continue;
    const sideMeasure = (row: TableRow) => spec.sides?.find((s) => s.side === row.side)?.measures[0]?.measure ?? 'amount';
    const resolve = (ref: string): { rows: TableRow[]; measure: (r: TableRow) => string; label: string } => {
      const bits = ref.split(':');
      if (bits[0] === 'class') {
        const m = bits[2];
        return {
          rows: t.rows.filter((r) => r.item?.startsWith('class:')),
          measure: (r) => m ?? sideMeasure(r),
          label: `各功能类${m ? measureName(m) : ''}之和`,
        };
      }
      const [key = '', m] = bits;
      return { rows: t.rows.filter((r) => r.item === key), measure: (r) => m ?? sideMeasure(r), label: itemName(key) + (m ? `（${measureName(m)}）` : '') };
    };
    for (const ident of spec.identities ?? []) {
      const total = resolve(ident.total);
      const totalRow = total.rows[0];
      if (!totalRow) continue;
      const parts = ident.parts.map(resolve);
      if (parts.every((p) => p.rows.length === 0)) continue;
      const partValues: { v: Valued; row: TableRow }[] = [];
      for (const p of parts)
        for (const r of p.rows) {
          const v = index.cell(t.id, r.index, p.measure(r));
          if (v) partValues.push({ v, row: r });
        }
      const tm = total.measure(totalRow);
      const actual = index.cell(t.id, totalRow.index, tm);
      if (!actual && partValues.length === 0) continue;
      const d = sumCheck(
        index,
        t,
        actual,
        partValues.map((x) => x.v),
        `${tableLabel(t)}“${total.label}”`,
        parts.map((p) => p.label).join(' + '),
        [cellLoc(index, t, totalRow, tm), ...partValues.map((x) => valuedLoc(t, x.v))],
      );
      out.push({ table: t.id, row: totalRow.index, draft: d });
    }
  }
  return out;
}
