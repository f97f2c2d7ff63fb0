// How table headers name the measures, across templates. A header is a path of labels from the
// top header row to the leaf ("公务用车购置及运行费 › 小计"); the first rule whose pattern matches the
// leaf (and whose `under` matches an ancestor, when given) names the column.

export interface HeaderRule {
  measure: string;
  leaf: RegExp;
  under?: RegExp;
  /** The rule applies only when the table's header mentions this somewhere. */
  headerHas?: RegExp;
}

export const HEADER_RULES: HeaderRule[] = [
  { measure: 'lineNo', leaf: /^行次$/ },
  { measure: 'vehicle', leaf: /^(小计|合计)$/, under: /公务用车/ },
  { measure: 'vehicle', leaf: /^小计$/, headerHas: /公务用车/ },
  { measure: 'vehiclePurchase', leaf: /购置/, under: /公务用车/ },
  { measure: 'vehicleOperation', leaf: /运行/, under: /公务用车/ },
  { measure: 'vehicle', leaf: /公务用车购置(及|和)运行/ },
  { measure: 'vehiclePurchase', leaf: /公务用车购置费?$|^购置费$/ },
  { measure: 'vehicleOperation', leaf: /公务用车运行(维护)?费?$|^运行(维护)?费$/ },
  { measure: 'abroad', leaf: /因公出国/ },
  { measure: 'reception', leaf: /公务接待/ },
  { measure: 'basic', leaf: /^(小计|合计)$/, under: /基本支出$/ },
  { measure: 'basic', leaf: /^基本支出$|人员经费和公用经费支出/ },
  // A part of a measure printed beside it (项目支出总数 | 扣除基建项目后预算数): never the measure itself.
  { measure: 'ofWhich', leaf: /^扣除.+后/ },
  { measure: 'project', leaf: /^项目支出(出*|总数|总额)$|专项业务经费支出/ },
  { measure: 'toSuperior', leaf: /上缴上级支出/ },
  { measure: 'operating', leaf: /经营支出/ },
  { measure: 'toSubsidiary', leaf: /对附属单位补助/ },
  { measure: 'personnel', leaf: /人员经费|^人员支出$/ },
  { measure: 'publicUse', leaf: /公用经费|^(日常)?公用支出$/ },
  { measure: 'currentYear', leaf: /当年财政拨款|本年财政拨款|当年拨款/ },
  { measure: 'carryOver', leaf: /上年结转/ },
  { measure: 'gpb', leaf: /^一般公共预算/ },
  { measure: 'govFund', leaf: /^政府性基金/ },
  { measure: 'soc', leaf: /^国有资本经营/ },
  // A 小计 under “其中：…” (of which: 政府采购项目) is a breakdown no template measures, not the row total.
  { measure: 'ofWhich', leaf: /^(合计|总计|小计)$/, under: /(^|›)其中/ },
  {
    measure: 'total',
    leaf: /^(合计|总计|小计|金额|预算数|本年预算数?|预算金额|\d{4}年预算数?|支出总计|收入总计|支出合计|收入合计|本年支出合计|本年收入合计)$/,
  },
  { measure: 'total', leaf: /^“?三公”?经费.{0,12}(合计|总计|总额|预算数?|\(决\)算数.*)$/ },
];

/**
 * The measure a column's header path names. The most specific label is the lowest one, so the
 * path is tried from the bottom up; a rule's `under` must match a label above the one it names.
 */
export function measureOfHeader(path: string[], headerText = ''): string | null {
  const clean = path.map((p) => p.replace(/\s+/g, '').replace(/[（(][^（(]*?[)）]$/, '')).filter(Boolean);
  const all = headerText.replace(/\s+/g, '');
  // A label wrapped over lines ("公务接" / "待费") is the run of path elements ending at it.
  for (let i = clean.length - 1; i >= 0; i--)
    for (let j = i; j >= 0; j--) {
      // “其中：基本支出” (of which: basic) heads the basic column itself, beside 小计 and 项目支出.
      const joined = clean.slice(j, i + 1).join('');
      const leaf = /^其中[:：](?!(合计|总计|小计)$)/.test(joined) ? joined.slice(3) : joined;
      const ancestors = clean.slice(0, j).join('›');
      for (const r of HEADER_RULES) if (r.leaf.test(leaf) && (!r.under || r.under.test(ancestors)) && (!r.headerHas || r.headerHas.test(all))) return r.measure;
    }
  return null;
}
