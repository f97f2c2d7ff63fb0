import { itemName, measureName } from '../../glossary.js';
import type { Valued } from '../../model/query.js';
import type { TableRow } from '../../model/types.js';
import { follows } from '../../profiles/conventions.js';
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
    // Convention superior-subsidy-below-income-total (Shandong): lines printed below a total on its
    // side (上级补助收入 under 本年收入合计) are not in it but in the total that sums it. Declared by
    // the profile, or chosen by the figures when leaving them out makes the total hold.
    type Part = { row: TableRow; measure: string; label: string };
    const partsOf = (ident: { parts: string[] }): Part[] =>
      ident.parts.flatMap((ref) => {
        const p = resolve(ref);
        return p.rows.map((row) => ({ row, measure: p.measure(row), label: p.label }));
      });
    const sumHolds = (total: TableRow, tm: string, parts: Part[]) =>
      sumCheck(
        index,
        t,
        index.cell(t.id, total.index, tm),
        parts.flatMap((x) => index.cell(t.id, x.row.index, x.measure) ?? []),
        '',
        '',
        [],
      ) === null;
    const moved = new Map<string, Part[]>();
    for (const ident of spec.identities ?? []) {
      const total = resolve(ident.total);
      const totalRow = total.rows[0];
      if (!totalRow || ident.total.includes(':')) continue;
      const parts = partsOf(ident);
      const below = parts.filter((x) => x.row.index > totalRow.index && x.row.side === totalRow.side && index.cell(t.id, x.row.index, x.measure));
      if (below.length === 0) continue;
      const tm = total.measure(totalRow);
      const rest = parts.filter((x) => !below.includes(x));
      if (follows(profile, 'superior-subsidy-below-income-total') || (sumHolds(totalRow, tm, rest) && !sumHolds(totalRow, tm, parts)))
        moved.set(ident.total, below);
    }
    for (const ident of spec.identities ?? []) {
      const total = resolve(ident.total);
      const totalRow = total.rows[0];
      if (!totalRow) continue;
      // A group of parts printed only as its own total ("一、预算拨款" without its 一般公共预算 /
      // 政府性基金 / 国有资本经营 lines) counts as that total: another identity names the group.
      const printed = (ref: string) => {
        const r = resolve(ref);
        return r.rows.some((row) => index.cell(t.id, row.index, r.measure(row)) !== null);
      };
      let refs = ident.parts;
      for (const group of spec.identities ?? []) {
        if (group === ident || group.parts.length < 2 || !group.parts.every((g) => refs.includes(g))) continue;
        if (group.parts.some(printed) || !printed(group.total) || refs.includes(group.total)) continue;
        const at = refs.indexOf(group.parts[0]!);
        refs = [...refs.slice(0, at), group.total, ...refs.slice(at).filter((r) => !group.parts.includes(r))];
      }
      const out1 = moved.get(ident.total) ?? [];
      const parts = [...partsOf({ parts: refs }).filter((x) => !out1.some((m) => m.row === x.row)), ...refs.flatMap((ref) => moved.get(ref) ?? [])];
      if (parts.length === 0) continue;
      const partValues: { v: Valued; row: TableRow }[] = [];
      for (const p of parts) {
        const v = index.cell(t.id, p.row.index, p.measure);
        if (v) partValues.push({ v, row: p.row });
      }
      const labels = [
        ...refs
          .map((ref) => resolve(ref))
          .filter((p) => p.rows.length === 0 || p.rows.some((r) => !out1.some((m) => m.row === r)))
          .map((p) => p.label),
        ...new Set(refs.flatMap((ref) => moved.get(ref) ?? []).map((p) => p.label)),
      ];
      const tm = total.measure(totalRow);
      const actual = index.cell(t.id, totalRow.index, tm);
      // Parts printed blank are unknown, not 0: their sum says nothing about the total.
      if (partValues.length === 0) continue;
      const d = sumCheck(
        index,
        t,
        actual,
        partValues.map((x) => x.v),
        `${tableLabel(t)}“${total.label}”`,
        labels.join(' + '),
        [cellLoc(index, t, totalRow, tm), ...partValues.map((x) => valuedLoc(t, x.v))],
      );
      out.push({ table: t.id, row: totalRow.index, draft: d, ...(actual ? {} : { blankTotal: true }) });
    }
  }
  return out;
}
