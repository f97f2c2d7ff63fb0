import { formatFenIn, proseToFen } from '../../money/amount.js';
import { checkStatedRatio, ratio } from '../../money/rounding.js';
import type { NumericClaim } from '../../model/types.js';
import type { Draft, Rule } from '../types.js';
import { analyseNarrative, claimLoc, directionSign } from './analysis.js';

/**
 * Year-on-year statements agree with themselves: 增加 goes with 增长, 减少 with 下降, and a stated
 * change amount and rate fit the current figure (rate = change ÷ (current − change)).
 */
export const narrativeChange: Rule = {
  id: 'narrative.change',
  title: '增减变化表述自相矛盾',
  category: 'narrative',
  severity: 'error',
  description:
    '同一句中的增减额与增减率应相互吻合：增减率 = 增减额 ÷ 上年数，上年数 = 本年数 − 增减额；“增加/增长/上升”与“减少/下降/降低”不得混用；写“持平”时增减额应为零。需要上年数据才能核对的表述列为“未核对”。',
  check({ index, profile }) {
    const a = analyseNarrative(index, profile);
    const out: Draft[] = [];
    for (const [position, { claim: rate }] of a.claims.entries()) {
      if (rate.kind !== 'changeRate' || !rate.about) continue;
      // The change stated just before the rate: a sentence may compare with two bases ("比上年增加
      // 948.35万元，增长23%…如对比2025年年度预算，则减少64.62万元，下降1.26%").
      const amount = a.claims
        .slice(0, position)
        .reverse()
        .find((c) => c.claim.kind === 'change' && c.claim.about === rate.about && c.claim.sentence === rate.sentence)?.claim;
      const current = a.byId.get(rate.about);
      if (!current) continue;
      if (!amount) {
        // "2025年执行数为 X 万元，2026年预算安排 Y 万元，比2025年增加 R%": both years' figures are in the sentence.
        const previous = a.claims.find(
          (c) =>
            c.claim.kind === 'amount' &&
            c.claim.sentence === rate.sentence &&
            c.claim.id !== current.claim.id &&
            c.claim.year !== undefined &&
            current.claim.year !== undefined &&
            c.claim.year < current.claim.year,
        )?.claim;
        const cur = proseToFen(current.claim.value, current.claim.unit);
        const prev = previous ? proseToFen(previous.value, previous.unit) : null;
        if (!previous || cur === null || prev === null || prev === 0) continue;
        const sign = directionSign(rate.direction);
        const actualSign = Math.sign(cur - prev);
        const verdict = checkStatedRatio(ratio(Math.abs(cur - prev), prev)!, '%', rate.value, rate.decimals);
        const wrongWay = sign !== 0 && actualSign !== 0 && sign !== actualSign;
        if (!wrongWay && verdict.verdict !== 'wrong') continue;
        out.push({
          message: `情况说明第 ${rate.source.line} 行：${previous.year} 年 ${previous.value}${previous.unit}，${current.claim.year} 年 ${current.claim.value}${current.claim.unit}，实际${actualSign > 0 ? '增加' : '减少'} ${verdict.computed}%，但写作“${rate.direction} ${rate.value}%”`,
          expected: `${actualSign > 0 ? '增加' : '减少'}${verdict.computed}%`,
          actual: `${rate.direction}${rate.value}%`,
          difference: null,
          unit: '%',
          locations: [claimLoc(rate), claimLoc(previous), claimLoc(current.claim)],
        });
        continue;
      }
      const sa = directionSign(amount.direction);
      const sr = directionSign(rate.direction);
      if (sa !== 0 && sr !== 0 && sa !== sr) {
        out.push({
          message: `情况说明第 ${rate.source.line} 行同一事项既说“${amount.direction} ${amount.value}${amount.unit}”又说“${rate.direction} ${rate.value}%”，方向矛盾`,
          expected: null,
          actual: `${rate.direction}${rate.value}%`,
          difference: null,
          unit: '%',
          locations: [claimLoc(amount), claimLoc(rate)],
        });
        continue;
      }
      const chg = proseToFen(amount.value, amount.unit);
      if (chg === null) continue;
      const signed = (sa || 1) * chg;
      // The year before can be read several ways, and the sentence is taken at its word if any one
      // fits: the figure it states for that year ("比2025年预算数 14708.87 万元增加 185.92 万元": two
      // amounts that differ by the change), or this year's figure — as stated, or as in the table —
      // less the change.
      const stated = proseToFen(current.claim.value, current.claim.unit);
      const lastDigit = proseToFen(amount.decimals > 0 ? `0.${'0'.repeat(amount.decimals - 1)}1` : '1', amount.unit) ?? 0;
      const amounts = a.claims
        .filter((c) => c.claim.kind === 'amount' && c.claim.sentence === rate.sentence)
        .map((c) => proseToFen(c.claim.value, c.claim.unit))
        .filter((v): v is number => v !== null);
      // The sentence states last year's figure ("29956.27 万元，比上年 28479.84 万元增加 1476.73 万元"): the
      // change is the difference of the two.
      const baseline = a.claims.find((c) => c.claim.baseline && c.claim.about === rate.about && c.claim.sentence === rate.sentence)?.claim;
      const baseFen = baseline ? proseToFen(baseline.value, baseline.unit) : null;
      const digitOf = (c: NumericClaim) => proseToFen(c.decimals > 0 ? `0.${'0'.repeat(c.decimals - 1)}1` : '1', c.unit) ?? 0;
      const slack = baseline ? Math.max(lastDigit, digitOf(baseline), digitOf(current.claim)) : 0;
      if (baseline && baseFen !== null && stated !== null && Math.abs(stated - baseFen - signed) > slack) {
        const show = (v: number) => formatFenIn(v, amount.unit, Math.max(2, amount.decimals))!;
        const gap = Math.abs(stated - baseFen);
        const fits = baseFen > 0 && checkStatedRatio(ratio(gap, baseFen)!, '%', rate.value, rate.decimals).verdict === 'exact';
        out.push({
          message: `情况说明第 ${rate.source.line} 行两个年度的数字 ${show(stated)} 与 ${show(baseFen)}${amount.unit}相差 ${show(gap)}${amount.unit}${fits ? `（与“${rate.direction} ${rate.value}%”相符）` : ''}，但同句写“${amount.direction} ${amount.value}${amount.unit}”`,
          expected: show(gap),
          actual: amount.value,
          difference: show(chg - gap),
          unit: amount.unit,
          locations: [claimLoc(amount), claimLoc(baseline), claimLoc(current.claim)],
        });
        continue;
      }
      const bases = [
        // Each figure is rounded on its own: the two may differ from the change by one unit of the last printed digit.
        ...amounts.filter((p) => amounts.some((q) => q !== p && Math.abs(q - p - signed) <= lastDigit)),
        ...[stated, current.figure?.fen ?? null].filter((v): v is number => v !== null).map((v) => v - signed),
      ].filter((v) => v > 0);
      if (bases.length === 0) continue;
      const verdicts = bases.map((b) => checkStatedRatio(ratio(Math.abs(signed), b)!, '%', rate.value, rate.decimals));
      const at = [verdicts.findIndex((v) => v.verdict === 'exact'), verdicts.findIndex((v) => v.verdict === 'truncated'), 0].find((i) => i >= 0)!;
      const previous = bases[at]!;
      const verdict = verdicts[at]!;
      if (verdict.verdict === 'exact') continue;
      // Both years stated, and the rate fits their difference: it is the change amount that is off
      // ("29956.27 万元，比上年 28479.84 万元增加 1476.73 万元，增长 5.18%": 1476.43).
      const pair = verdict.verdict === 'wrong' ? fittingPair(amounts, signed, rate.value, rate.decimals) : null;
      if (pair) {
        const [p, q] = pair;
        const show = (v: number) => formatFenIn(v, amount.unit, Math.max(2, amount.decimals))!;
        out.push({
          message: `情况说明第 ${rate.source.line} 行两个年度的数字 ${show(q)} 与 ${show(p)}${amount.unit}相差 ${show(Math.abs(q - p))}${amount.unit}（与“${rate.direction} ${rate.value}%”相符），但同句写“${amount.direction} ${amount.value}${amount.unit}”`,
          expected: show(Math.abs(q - p)),
          actual: amount.value,
          difference: show(chg - Math.abs(q - p)),
          unit: amount.unit,
          locations: [claimLoc(amount), claimLoc(rate), claimLoc(current.claim)],
        });
        continue;
      }
      out.push({
        severity: verdict.verdict === 'truncated' ? 'warning' : 'error',
        message: `情况说明第 ${rate.source.line} 行“${rate.direction} ${rate.value}%”与同句的“${amount.direction} ${amount.value}${amount.unit}”不符：上年数 ${formatFenIn(previous, amount.unit, Math.max(2, amount.decimals))}${amount.unit}，变动率应为 ${verdict.computed}%`,
        expected: verdict.computed,
        actual: rate.value,
        difference: (Number(rate.value) - Number(verdict.computed)).toFixed(rate.decimals),
        unit: '%',
        locations: [claimLoc(rate), claimLoc(amount), claimLoc(current.claim)],
      });
    }
    // 持平 stated next to a non-zero change of the same figure.
    for (const { claim } of a.claims) {
      if (claim.kind !== 'change' || claim.direction !== '持平' || !claim.about) continue;
      const moved = a.claims.find(
        (c) => c.claim.about === claim.about && c.claim.kind === 'change' && c.claim.direction !== '持平' && Number(c.claim.value) !== 0,
      );
      if (moved)
        out.push({
          message: `情况说明第 ${claim.source.line} 行称“持平”，但同一事项“${moved.claim.direction} ${moved.claim.value}${moved.claim.unit}”`,
          expected: '0',
          actual: moved.claim.value,
          difference: moved.claim.value,
          unit: moved.claim.unit,
          locations: [claimLoc(claim), claimLoc(moved.claim)],
        });
    }
    return out;
  },
};

/** Two stated amounts whose difference is near the change (within 1%) and fits the stated rate. */
function fittingPair(amounts: number[], signed: number, rate: string, decimals: number): [number, number] | null {
  for (const p of amounts)
    for (const q of amounts) {
      const d = q - p;
      if (p <= 0 || d === 0 || Math.sign(d) !== Math.sign(signed) || Math.abs(d - signed) > Math.abs(signed) / 100) continue;
      if (checkStatedRatio(ratio(Math.abs(d), p)!, '%', rate, decimals).verdict === 'exact') return [p, q];
    }
  return null;
}
