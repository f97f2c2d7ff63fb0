import { formatFenIn, groupThousands } from '../../money/amount.js';
import type { Draft, Rule } from '../types.js';
import { analyseNarrative, claimLoc } from './analysis.js';

/** Every amount in 情况说明 equals its table figure on the section's basis, at the precision written. */
export const narrativeAmount: Rule = {
  id: 'narrative.amount',
  title: '情况说明金额与报表不一致',
  category: 'narrative',
  severity: 'error',
  description:
    '情况说明中的每个金额应与报表中对应的数字一致：按所在章节的口径（收支总表、财政拨款、一般公共预算当年拨款、基本支出、三公经费）找到对应表格数字，按说明中写出的小数位比较。',
  check({ index, profile }) {
    const a = analyseNarrative(index, profile);
    const out: Draft[] = [];
    for (const { claim, figure } of a.claims) {
      if (claim.kind !== 'amount' || !figure) continue;
      if (figure.misnamed)
        out.push({
          message: `情况说明第 ${claim.source.line} 行${figure.misnamed}`,
          expected: null,
          actual: claim.subject,
          difference: null,
          unit: null,
          locations: [claimLoc(claim), ...figure.locations.slice(0, 2)],
        });
      if (figure.misplaced)
        out.push({
          message: `情况说明第 ${claim.source.line} 行科目归类错误：${figure.misplaced}`,
          expected: null,
          actual: claim.subject,
          difference: null,
          unit: null,
          locations: [claimLoc(claim), ...figure.locations.slice(0, 2)],
        });
      const table = formatFenIn(figure.fen, claim.unit, claim.decimals);
      if (table === null || Number(table) === Number(claim.value)) continue;
      const diff = (Number(claim.value) - Number(table)).toFixed(claim.decimals);
      out.push({
        message: `情况说明第 ${claim.source.line} 行“${claim.subject} ${groupThousands(claim.value)} ${claim.unit}”与${figure.label} ${groupThousands(table)} ${claim.unit} 不一致，相差 ${diff} ${claim.unit}`,
        expected: table,
        actual: claim.value,
        difference: diff,
        unit: claim.unit,
        locations: [claimLoc(claim), ...figure.locations.slice(0, 8)],
      });
    }
    return out;
  },
};
