// One pass over the narrative's claims, shared by the narrative rules: the basis of each claim's
// section and the table figure it resolves to. Cached per check.

import { FigureLookup, sectionBasis, type Basis, type Figure } from '../../narrative/resolve.js';
import type { DisclosureIndex } from '../../model/query.js';
import type { NumericClaim } from '../../model/types.js';
import type { Profile } from '../../profiles/types.js';

export interface ClaimAnalysis {
  claim: NumericClaim;
  basis: Basis;
  figure: Figure | null;
}

export interface NarrativeAnalysis {
  claims: ClaimAnalysis[];
  byId: Map<string, ClaimAnalysis>;
  lookup: FigureLookup;
  /** Claims that some narrative rule checks; the rest are listed as unverified. */
  verifiable: Set<string>;
}

export const FLEET = /(现有|共有|实有|用于|保有)/;
const sign = (d: string | undefined) => (d && /增|上升/.test(d) ? 1 : d && /减|下降|降低/.test(d) ? -1 : 0);
export const directionSign = sign;

const cache = new WeakMap<DisclosureIndex, NarrativeAnalysis>();

export function analyseNarrative(index: DisclosureIndex, profile: Profile): NarrativeAnalysis {
  const hit = cache.get(index);
  if (hit) return hit;
  const lookup = new FigureLookup(index, profile);
  const claims = index.doc.narrative.claims.map((claim) => {
    const basis = sectionBasis(index.doc, profile, claim.section);
    // A 决算 document's tables hold actuals: a figure stated as the budget (年初预算, 全年预算数) has no
    // table figure to be compared with.
    const budgetInFinal = index.doc.meta.kind === 'final' && /年初|预算/.test(claim.subject.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, ''));
    // A 人员经费 / 项目支出 … that breaks down one 科目's amount is that 科目's share, which no table
    // prints: not the department's total of the same name.
    const parent = claim.partOf ? index.doc.narrative.claims.find((c) => c.id === claim.partOf) : undefined;
    const ofItem = parent !== undefined && /科目|[（(]\d*[类款项][)）]/.test(parent.subject) && /^(人员经费|公用经费|基本支出|项目支出)$/.test(claim.subject);
    const figure = claim.kind === 'amount' && /元$/.test(claim.unit) && !budgetInFinal && !ofItem ? lookup.resolve(claim, basis) : null;
    return { claim, basis, figure };
  });
  const all = index.doc.narrative.claims;
  const verifiable = new Set<string>();
  for (const { claim: c, figure } of claims) {
    const hasParts = all.some((x) => x.partOf === c.id);
    const ok =
      (c.kind === 'amount' && (figure !== null || hasParts || c.partOf !== undefined)) ||
      (c.kind === 'count' && (hasParts || c.partOf !== undefined || (c.unit === '辆' && (FLEET.test(c.subject) || /购置/.test(c.subject))))) ||
      (c.kind === 'share' && c.about !== undefined);
    // Changes need last year's figure: a change amount and rate can be checked against each
    // other (narrative.change), but neither is verified until the previous disclosure is read.
    if (ok) verifiable.add(c.id);
  }
  const result = { claims, byId: new Map(claims.map((c) => [c.claim.id, c])), lookup, verifiable };
  cache.set(index, result);
  return result;
}

export const claimLoc = (c: NumericClaim) => ({
  line: c.source.line,
  ...(c.source.page ? { page: c.source.page } : {}),
  label: `情况说明：${c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}`,
  value: `${c.value}${c.unit}`,
});
