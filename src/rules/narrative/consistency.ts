import { toFen } from '../../money/amount.js';
import type { Draft, Rule } from '../types.js';
import { analyseNarrative, claimLoc, FLEET } from './analysis.js';

/** The same fact stated twice must agree: fleet size, vehicles to buy vs 购置费, number of budget units. */
export const narrativeConsistency: Rule = {
  id: 'narrative.consistency',
  title: '说明中同一事项前后表述不一致',
  category: 'narrative',
  severity: 'error',
  description:
    '同一事项在文中多次出现时应一致：公务用车（车辆）总数各处相同；拟购置车辆数与公务用车购置费相互印证（购置 0 辆而购置费不为 0，或反之）；概况中所属预算单位个数与单位名单一致。',
  check({ doc, index, profile }) {
    const out: Draft[] = [];
    const claims = doc.narrative.claims;
    const fleet = claims.filter((c) => c.kind === 'count' && c.unit === '辆' && FLEET.test(c.subject) && !/购置/.test(c.subject));
    // Counts as of different years ("2020 年车辆保有量 10 辆" and "截至 2019 年底…共有车辆 25 辆") need not agree.
    const dateOf = (c: (typeof fleet)[number]) => c.year ?? Number(/截至\s*(\d{4})\s*年/.exec(c.text)?.[1] ?? NaN);
    const differ = fleet.some((x) =>
      fleet.some((y) => Number(x.value) !== Number(y.value) && !(Number.isFinite(dateOf(x)) && Number.isFinite(dateOf(y)) && dateOf(x) !== dateOf(y))),
    );
    if (differ)
      out.push({
        message: `情况说明中车辆总数前后不一致：${fleet.map((c) => `第 ${c.source.line} 行“${c.subject} ${c.value} 辆”`).join('；')}`,
        expected: fleet[0]!.value,
        actual: fleet.find((c) => Number(c.value) !== Number(fleet[0]!.value))!.value,
        difference: null,
        unit: '辆',
        locations: fleet.map(claimLoc),
      });
    const toBuy = claims.find((c) => c.kind === 'count' && c.unit === '辆' && /购置/.test(c.subject));
    if (toBuy) {
      const a = analyseNarrative(index, profile);
      const fee = a.lookup.total('gpbThreePublic', 'vehiclePurchase', '公务用车购置费');
      const feeClaim = claims.find((c) => c.kind === 'amount' && /公务用车购置费/.test(c.subject));
      const feeFen = fee?.fen ?? (feeClaim ? toFen(feeClaim.value, feeClaim.unit === '元' ? '元' : '万元') : null);
      const n = Number(toBuy.value);
      if (feeFen !== null && (n === 0) !== (feeFen === 0))
        out.push({
          severity: 'warning',
          message: `情况说明第 ${toBuy.source.line} 行“${toBuy.subject} ${toBuy.value} 辆”与公务用车购置费 ${feeFen === 0 ? '为 0' : '不为 0'} 不相符`,
          expected: null,
          actual: toBuy.value,
          difference: null,
          unit: '辆',
          locations: [claimLoc(toBuy), ...(fee?.locations ?? []), ...(feeClaim ? [claimLoc(feeClaim)] : [])],
        });
    }
    const unitCount = doc.other.unitCounts?.total;
    const listed = doc.units.length;
    if (unitCount && listed > 0 && Number(unitCount.value) !== listed)
      out.push({
        message: `概况称所属预算单位 ${unitCount.value} 个，但列出的预算单位有 ${listed} 个`,
        expected: String(listed),
        actual: unitCount.value,
        difference: String(Number(unitCount.value) - listed),
        unit: '个',
        locations: [
          { line: unitCount.source.line, label: '概况：预算单位个数', value: unitCount.value },
          ...doc.units.slice(0, 6).map((u) => ({ line: unitCount.source.line, label: u.name })),
        ],
      });
    return out;
  },
};
