// One pass over the narrative's claims, shared by the narrative rules: the basis of each claim's
// section and the table figure it resolves to. Cached per check.

import { ITEM_SUBJECT } from '../../narrative/claims.js';
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
  const byId = new Map(index.doc.narrative.claims.map((c) => [c.id, c]));
  const claims = index.doc.narrative.claims.map((claim) => {
    const parent = claim.partOf ? byId.get(claim.partOf) : undefined;
    const basis = partBasis(sectionBasis(index.doc, profile, claim.section), parent?.subject);
    // A 决算 document's tables hold actuals: a figure stated as the budget (年初预算, 全年预算数) has no
    // table figure to be compared with.
    const budgetInFinal = index.doc.meta.kind === 'final' && /年初|预算/.test(claim.subject.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, ''));
    // A 人员经费 / 项目支出 … that breaks down one 科目's amount is that 科目's share, which no table
    // prints: not the department's total of the same name.
    // So is the 上年结转 stated with a project's amount ("…物业管理服务 2,520.00 万元，上年结转 122.31 万元").
    const ofItem =
      parent !== undefined &&
      ((ITEM_SUBJECT.test(parent.subject) && /^(人员经费|公用经费|基本支出|项目支出)$/.test(claim.subject)) ||
        (/^上年结转/.test(claim.subject) && !/收入|收支|总计|合计|来源/.test(parent.subject)));
    // Last year's figure compared with, and the amounts given as reasons for a change, are no item's total.
    const aside = claim.baseline === true || claim.reason === true;
    const figure = claim.kind === 'amount' && /元$/.test(claim.unit) && !budgetInFinal && !ofItem && !aside ? lookup.resolve(claim, basis) : null;
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

/**
 * The basis of a breakdown's part: its total's when that names a fund the section does not
 * ("三、财政拨款情况说明 … 一般公共预算财政拨款支出 X 万元，其中：基本支出 Y 万元": Y is the 一般公共预算
 * 基本支出, not the all-funds one of the 支出总表).
 */
function partBasis(section: Basis, parentSubject: string | undefined): Basis {
  if (!parentSubject) return section;
  const named: Basis = /政府性基金/.test(parentSubject)
    ? 'govFund'
    : /国有资本经营/.test(parentSubject)
      ? 'soc'
      : /一般公共预算/.test(parentSubject)
        ? 'gpb'
        : /财政拨款/.test(parentSubject)
          ? 'fiscal'
          : null;
  if (named === null || section === named) return section;
  // A section already on a narrower basis of the same fund (当年拨款, 基本支出) keeps it.
  if (section === null || section === 'summary' || (section === 'fiscal' && named !== 'fiscal')) return named;
  return section;
}

export const claimLoc = (c: NumericClaim) => ({
  line: c.source.line,
  ...(c.source.page ? { page: c.source.page } : {}),
  label: `情况说明：${c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}`,
  value: `${c.value}${c.unit}`,
});
