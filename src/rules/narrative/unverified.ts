import type { Draft, Rule } from '../types.js';
import { analyseNarrative, claimLoc } from './analysis.js';

const KIND: Record<string, string> = { amount: '金额', share: '占比', change: '增减额', changeRate: '增减率', count: '数量' };

/** Figures in 情况说明 that no rule can verify from this document alone: listed for manual review. */
export const unverified: Rule = {
  id: 'narrative.unverified',
  title: '情况说明中无法核对的数字',
  category: 'narrative',
  severity: 'info',
  description:
    '情况说明中无法仅凭本文件核对的数字（如与上年比较的增减额、增减率，机关运行经费等报表未列示的金额），逐条列出供人工核对；提供上年公开文件后可核对增减变化。',
  check({ index, profile }) {
    const a = analyseNarrative(index, profile);
    const out: Draft[] = [];
    for (const { claim } of a.claims) {
      if (a.verifiable.has(claim.id)) continue;
      if (claim.kind === 'count') continue;
      const why = claim.kind === 'change' || claim.kind === 'changeRate' ? '需要上年数据' : '报表中没有对应数字';
      out.push({
        message: `情况说明第 ${claim.source.line} 行${KIND[claim.kind] ?? ''}“${claim.subject}${claim.direction ? ` ${claim.direction}` : ''} ${claim.value}${claim.unit}”无法核对（${why}）`,
        expected: null,
        actual: claim.value,
        difference: null,
        unit: claim.unit || null,
        locations: [claimLoc(claim)],
      });
    }
    return out;
  },
};
