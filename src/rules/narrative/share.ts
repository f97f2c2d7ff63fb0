import { proseToFen } from '../../money/amount.js';
import { checkStatedRatio, formatRatio, ratio } from '../../money/rounding.js';
import type { Draft, Rule } from '../types.js';
import { analyseNarrative, claimLoc } from './analysis.js';

type Symbol = '%' | '‰' | '‱';
const NAMES: Record<Symbol, string> = { '%': '百分之', '‰': '千分之', '‱': '万分之' };

/** 占 X% shares equal part ÷ base on the right basis, rounded once; ‰ and ‱ are not %. */
export const narrativeShare: Rule = {
  id: 'narrative.share',
  title: '情况说明占比计算错误',
  category: 'narrative',
  severity: 'error',
  description:
    '“占 X%”应等于该金额除以口径总数：句中“其中”之前的总数，或所在章节的口径总数（如一般公共预算当年拨款结构以当年一般公共预算拨款为分母，而非含上年结转的合计）。按写出的小数位四舍五入比较；‰（千分之）和 ‱（万分之）不是 %。截断而非四舍五入的记为警告。',
  check({ index, profile }) {
    const a = analyseNarrative(index, profile);
    const out: Draft[] = [];
    for (const { claim, basis } of a.claims) {
      if (claim.kind !== 'share' || !claim.about) continue;
      const part = a.byId.get(claim.about);
      if (!part) continue;
      const partFen = part.figure?.fen ?? proseToFen(part.claim.value, part.claim.unit);
      const parent = part.claim.partOf ? a.byId.get(part.claim.partOf) : undefined;
      const base = parent
        ? { fen: parent.figure?.fen ?? proseToFen(parent.claim.value, parent.claim.unit), label: `“${parent.claim.subject}”` }
        : a.lookup.basisTotal(basis);
      if (partFen === null || !base || base.fen === null || base.fen === 0) continue;
      const r = ratio(partFen, base.fen)!;
      const symbol = claim.unit as Symbol;
      const verdict = checkStatedRatio(r, symbol, claim.value, claim.decimals);
      if (verdict.verdict === 'exact') continue;
      const baseLabel = 'label' in base ? base.label : '';
      const other = (['%', '‰', '‱'] as Symbol[]).find((s) => s !== symbol && checkStatedRatio(r, s, claim.value, claim.decimals).verdict === 'exact');
      const message =
        verdict.verdict === 'truncated'
          ? `情况说明第 ${claim.source.line} 行“${claim.subject}占 ${claim.value}${symbol}”是截断值，按四舍五入应为 ${verdict.computed}${symbol}（${part.claim.subject} ÷ ${baseLabel}）`
          : other
            ? `情况说明第 ${claim.source.line} 行“${claim.subject}占 ${claim.value}${symbol}”单位用错：${part.claim.subject} ÷ ${baseLabel} = ${formatRatio(r, other, Math.max(claim.decimals, 1))}${other}，即${NAMES[other]} ${claim.value}，不是${NAMES[symbol]} ${claim.value}（按${symbol}计应为 ${verdict.computed}${symbol}）`
            : `情况说明第 ${claim.source.line} 行“${claim.subject}占 ${claim.value}${symbol}”与计算结果 ${verdict.computed}${symbol} 不一致（${part.claim.subject} ÷ ${baseLabel}）`;
      out.push({
        severity: verdict.verdict === 'truncated' ? 'warning' : 'error',
        message,
        expected: verdict.computed,
        actual: claim.value,
        difference: (Number(claim.value) - Number(verdict.computed)).toFixed(Math.max(claim.decimals, 0)),
        unit: symbol,
        locations: [
          claimLoc(claim),
          ...(part.figure?.locations.slice(0, 4) ?? []),
          ...('locations' in base && Array.isArray(base.locations) ? base.locations.slice(0, 2) : []),
        ],
      });
    }
    return out;
  },
};
