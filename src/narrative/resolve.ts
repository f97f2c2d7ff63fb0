// What table figure a narrative phrase is about. "公共安全支出" means the 类 total — of the
// summary table in 收支预算情况, of the 财政拨款 table in 财政拨款收支情况, and of the 当年拨款
// column of the 一般公共预算支出表 in 一般公共预算当年拨款情况: the section sets the basis (口径).

import type { DisclosureIndex, Valued } from '../model/query.js';
import type { NumericClaim, TableInstance } from '../model/types.js';
import type { NarrativeBasis, Profile } from '../profiles/types.js';
import { catalogs } from '../reference/catalog.js';
import { stripNumbering } from '../interpret/common.js';

export type Basis = NarrativeBasis['basis'] | null;

export interface Figure {
  fen: number;
  label: string;
  locations: { line: number; page?: number; table: string; tableTitle: string; label: string; value: string }[];
  /** The phrase names the figure under the wrong classification (e.g. a 项 under another 类). */
  misplaced?: string;
  /** The phrase gives a code with a name that is not the code's ("医疗卫生与计划生育支出（210类）"). */
  misnamed?: string;
}

/** Sections of one fund are that fund's whatever the template: a 政府性基金 section's 类 amounts are
 *  in the 政府性基金预算支出表, never in the 一般公共预算 one. Checked before the profile's bases (whose
 *  "收支" would take "政府性基金预算收支情况" for all funds). */
const FUND_BASES: NarrativeBasis[] = [
  { headingIncludes: ['政府性基金'], basis: 'govFund' },
  { headingIncludes: ['国有资本经营'], basis: 'soc' },
];
/** After the profile's: a section about 一般公共预算 that no profile basis names. */
const FALLBACK_BASES: NarrativeBasis[] = [{ headingIncludes: ['一般公共预算'], basis: 'gpb' }];

export function sectionBasis(doc: DisclosureIndex['doc'], profile: Profile, sectionId: string): Basis {
  const section = doc.narrative.sections.find((s) => s.id === sectionId);
  if (!section) return null;
  const parent = section.parent ? doc.narrative.sections.find((s) => s.id === section.parent) : undefined;
  for (const heading of [section.heading, parent?.heading ?? '']) {
    const b = [...FUND_BASES, ...profile.narrative.bases, ...FALLBACK_BASES].find((x) => x.headingIncludes.every((k) => heading.includes(k)));
    if (b) return b.basis;
  }
  return null;
}

/** The function-classification table of a fund basis. */
const FUND_TABLE: Partial<Record<NonNullable<Basis>, string>> = { govFund: 'govFundByFunction', soc: 'socByFunction' };

function fromValued(t: TableInstance, v: Valued | null, label: string): Figure | null {
  if (!v) return null;
  return {
    fen: v.fen,
    label: `表${t.id}${label}`,
    locations: [
      { line: v.fact.source.line, ...(v.fact.source.page ? { page: v.fact.source.page } : {}), table: t.id, tableTitle: t.title, label, value: v.fact.value },
    ],
  };
}

/**
 * A blank cell of a measure the table prints counts as zero, but still needs a location. A measure
 * the table does not print (a 支出表 without 人员经费 columns) is unknown, not zero.
 */
function zeroOr(t: TableInstance | undefined, line: number, label: string, f: Figure | null, measure?: string): Figure | null {
  if (f || !t) return f;
  if (measure !== undefined && !t.empty && !t.measures.includes(measure)) return null;
  return { fen: 0, label: `表${t.id}${label}`, locations: [{ line, table: t.id, tableTitle: t.title, label, value: '' }] };
}

export class FigureLookup {
  constructor(
    private readonly index: DisclosureIndex,
    private readonly profile: Profile,
  ) {}

  item(role: string, key: string, measure: string, label: string): Figure | null {
    const t = this.index.table(role);
    const row = t?.rows.find((r) => r.item === key);
    if (!t || !row) return null;
    return zeroOr(t, row.source.line, label, fromValued(t, this.index.cell(t.id, row.index, measure), label), measure);
  }

  total(role: string, measure: string, label: string): Figure | null {
    const t = this.index.table(role);
    if (!t) return null;
    const row = this.index.totalRow(t);
    if (!row) return t.empty ? zeroOr(t, t.source.line, label, null) : null;
    return zeroOr(t, row.source.line, label, fromValued(t, this.index.cell(t.id, row.index, measure), label), measure);
  }

  /** Sum over detail rows whose code starts with `prefix`. */
  codeSum(role: string, prefix: string, measure: string, label: string): Figure | null {
    const t = this.index.table(role);
    if (!t) return null;
    const rows = t.rows.filter((r) => r.kind === 'detail' && r.code?.startsWith(prefix));
    if (rows.length === 0) return null;
    const vals = rows.map((r) => this.index.cell(t.id, r.index, measure)).filter((v): v is Valued => v !== null);
    return {
      fen: vals.reduce((s, v) => s + v.fen, 0),
      label: `表${t.id}${label}`,
      locations: vals.map((v) => ({
        line: v.fact.source.line,
        table: t.id,
        tableTitle: t.title,
        label: `${v.fact.dims.functionCode ?? ''} ${v.fact.label}`,
        value: v.fact.value,
      })),
    };
  }

  /** Resolve a claim's subject to a table figure on the section's basis; null when unknown. */
  resolve(claim: NumericClaim, basis: Basis): Figure | null {
    const s = claim.subject.replace(/[“”"]/g, '');
    const tp = (m: string, l: string) => this.total('gpbThreePublic', m, l);
    if (/三公经费/.test(s)) return tp('total', '“三公”经费合计');
    if (/因公出国/.test(s)) return tp('abroad', '因公出国（境）费用');
    if (/公务用车购置及运行/.test(s)) return tp('vehicle', '公务用车购置及运行费');
    if (/公务用车购置费?$|购置公务用车/.test(s) && claim.kind === 'amount') return tp('vehiclePurchase', '公务用车购置费');
    if (/公务用车运行/.test(s)) return tp('vehicleOperation', '公务用车运行费');
    if (/公务接待/.test(s)) return tp('reception', '公务接待费');
    // A 政府性基金 or 国有资本经营 section: only that fund's table holds its figures.
    const fund = basis ? FUND_TABLE[basis] : undefined;
    if (fund) return this.resolveInFund(fund, s);
    if (/^人员经费$/.test(s)) return this.total('gpbBasicByEconomic', 'personnel', '人员经费合计');
    if (/^公用经费$/.test(s)) return this.total('gpbBasicByEconomic', 'publicUse', '公用经费合计');
    if (/财政拨款收支(预算)?总(数|预算)|财政拨款(收支)?预算总数/.test(s)) return this.item('fiscalSummary', 'currentExpenditure', 'total', '本年支出合计');
    if (/一般公共预算当年拨款/.test(s)) return this.total('gpbByFunction', 'currentYear', '当年财政拨款安排合计');
    if (/^(一般公共预算)?基本支出$/.test(s)) {
      if (basis === 'gpbBasic' || basis === 'gpb' || basis === 'gpbCurrent' || s.startsWith('一般公共预算'))
        return this.total('gpbBasicByEconomic', 'total', '基本支出合计');
      if (basis === 'fiscal') return null;
      return this.total('expenditureByFunction', 'basic', '基本支出合计');
    }
    // 项目支出 of a 一般公共预算 section is the 一般公共预算支出表's, not the all-funds 支出总表's
    // (which also holds 事业收入 …); of a 财政拨款 section, neither is known to be it.
    if (/^(一般公共预算)?项目支出$/.test(s)) {
      if (basis === 'gpb' || basis === 'gpbCurrent' || s.startsWith('一般公共预算')) return this.total('gpbByFunction', 'project', '项目支出合计');
      if (basis === 'fiscal') return null;
      return this.total('expenditureByFunction', 'project', '项目支出合计');
    }
    if (/一般公共预算拨款(收入)?$/.test(s))
      return basis === 'fiscal'
        ? this.item('fiscalSummary', 'currentIncome.gpb', 'amount', '本年一般公共预算拨款收入')
        : this.item('summary', 'gpbIncome', 'amount', '一般公共预算拨款收入');
    if (/^上年结转/.test(s))
      return basis === 'fiscal' ? this.item('fiscalSummary', 'carryOver', 'amount', '上年结转') : this.item('summary', 'carryOver', 'amount', '上年结转');
    if (/收支(预算)?总(数|预算)|^收入(预算|总计)$|收入预算总数/.test(s)) return this.item('summary', 'incomeTotal', 'amount', '收入总计');
    if (/^支出(预算|总计)$|支出预算总数/.test(s)) return this.item('summary', 'expenditureTotal', 'amount', '支出总计');
    const coded = /(.+?)[（(](\d{3})类[)）](.+?)[（(](\d{2})款[)）](.+?)[（(](\d{2})项[)）]/.exec(s);
    if (coded) return this.resolveCodedItem(coded, basis);
    const path = /(.+?)[（(]类[)）](.+?)[（(]款[)）](.+?)[（(]项[)）]/.exec(s);
    if (path) return this.resolveItemPath(path[1]!, path[2]!, path[3]!, basis);
    const cls = catalogs().functional.classByName(stripNumbering(s));
    if (cls) {
      if (basis === 'gpbCurrent') return this.codeSum('gpbByFunction', cls.code, 'currentYear', `${cls.name}当年财政拨款安排`);
      if (basis === 'gpb') return this.codeSum('gpbByFunction', cls.code, 'total', `${cls.name}（一般公共预算）`);
      if (basis === 'fiscal') return this.item('fiscalSummary', `class:${cls.code}`, 'total', cls.name);
      return this.item('summary', `class:${cls.code}`, 'amount', cls.name);
    }
    return null;
  }

  /** A 类 or 项 of a 政府性基金 / 国有资本经营 section, in that fund's table; null for anything else. */
  private resolveInFund(role: string, s: string): Figure | null {
    const fn = catalogs().functional;
    const coded = /[（(](\d{3})类[)）].*?[（(](\d{2})款[)）].*?[（(](\d{2})项[)）]/.exec(s);
    if (coded) return this.codeSum(role, `${coded[1]}${coded[2]}${coded[3]}`, 'total', `${coded[1]}${coded[2]}${coded[3]}合计`);
    const path = /(.+?)[（(]类[)）](.+?)[（(]款[)）](.+?)[（(]项[)）]/.exec(s);
    if (path) {
      const cls = fn.classByName(path[1]!) ?? fn.classByName(`${path[1]!}支出`);
      const kuan = cls ? fn.childByName(cls.code, path[2]!) : undefined;
      const xiang = kuan ? fn.childByName(kuan.code, path[3]!) : undefined;
      return xiang ? this.codeSum(role, xiang.code, 'total', `${xiang.code} ${path[3]!}合计`) : null;
    }
    const cls = fn.classByName(stripNumbering(s));
    return cls ? this.codeSum(role, cls.code, 'total', `${cls.name}合计`) : null;
  }

  /** "住房保障支出（221类）住房改革支出（02款）住房公积金（01项）": the codes decide; the names must agree. */
  private resolveCodedItem(m: RegExpExecArray, basis: Basis): Figure | null {
    const fn = catalogs().functional;
    const [, className, c1, kuanName, c2, xiangName, c3] = m as unknown as string[];
    const code = `${c1}${c2}${c3}`;
    const measure = basis === 'gpbCurrent' ? 'currentYear' : 'total';
    const label = `${code} ${xiangName}${basis === 'gpbCurrent' ? '当年财政拨款安排' : '合计'}`;
    const figure = this.codeSum('gpbByFunction', code, measure, label) ?? this.codeSum('expenditureByFunction', code, 'total', label);
    if (!figure) return null;
    const t = this.index.table('gpbByFunction') ?? this.index.table('expenditureByFunction');
    const printed = (c: string) => t?.rows.find((r) => r.code === c)?.label.replace(/\s+/g, '');
    const wrong: string[] = [];
    for (const [c, name] of [
      [c1!, className!],
      [`${c1}${c2}`, kuanName!],
      [code, xiangName!],
    ] as const) {
      const entry = fn.get(c);
      const names = [entry?.name, ...(entry?.variants ?? []), printed(c)].filter((x): x is string => !!x).map((x) => x.replace(/\s+/g, ''));
      const n = name.replace(/\s+/g, '').replace(/^\d+[、.．]/, '');
      if (names.length && !names.some((x) => x === n || x.startsWith(n) || n.startsWith(x))) wrong.push(`${c}“${n}”应为“${names[0]}”`);
    }
    if (wrong.length) figure.misnamed = `科目名称与编码不符：${wrong.join('；')}`;
    return figure;
  }

  private resolveItemPath(className: string, kuanName: string, xiangName: string, basis: Basis): Figure | null {
    const fn = catalogs().functional;
    const cls = fn.classByName(className) ?? fn.classByName(`${className}支出`);
    if (!cls) return null;
    const kuan = fn.childByName(cls.code, kuanName);
    const xiang = kuan ? fn.childByName(kuan.code, xiangName) : undefined;
    const t = this.index.table('gpbByFunction');
    if (!t) return null;
    let code = xiang?.code;
    let misplaced: string | undefined;
    if (!code) {
      // Catalog gap: accept a unique row of the class whose printed name is the 项 name.
      const same = (r: { label: string }) => r.label.replace(/\s/g, '') === xiangName.replace(/\s/g, '');
      const rows = t.rows.filter((r) => r.kind === 'detail' && r.code?.startsWith(kuan?.code ?? cls.code) && same(r));
      if (rows.length === 1) code = rows[0]!.code!;
      else {
        // The 项 exists, but under another 类/款 than the sentence says.
        const elsewhere = t.rows.filter((r) => r.kind === 'detail' && r.code && same(r));
        if (elsewhere.length !== 1) return null;
        code = elsewhere[0]!.code!;
        const realClass = fn.get(code.slice(0, 3));
        const realKuan = fn.get(code.slice(0, 5));
        misplaced = `说明写作“${className}（类）${kuanName}（款）${xiangName}（项）”，但表中该科目为 ${code}，属于 ${code.slice(0, 3)} ${realClass?.name ?? ''}（类）${realKuan ? `${realKuan.name}（款）` : ''}`;
      }
    }
    const measure = basis === 'gpbCurrent' ? 'currentYear' : 'total';
    const label = `${code} ${xiangName}${basis === 'gpbCurrent' ? '当年财政拨款安排' : '合计'}`;
    const figure = this.codeSum('gpbByFunction', code, measure, label);
    if (figure && misplaced) figure.misplaced = misplaced;
    return (
      figure ?? {
        fen: 0,
        label: `表${t.id}${label}`,
        locations: [{ line: t.source.line, table: t.id, tableTitle: t.title, label: `（表中无 ${code}）`, value: '' }],
      }
    );
  }

  /** The total a share is computed against when the sentence names no base. */
  basisTotal(basis: Basis): Figure | null {
    switch (basis) {
      case 'summary':
        return this.item('summary', 'incomeTotal', 'amount', '收入总计');
      case 'fiscal':
        return this.item('fiscalSummary', 'currentExpenditure', 'total', '本年支出合计');
      case 'gpbCurrent':
        return this.total('gpbByFunction', 'currentYear', '当年财政拨款安排合计');
      case 'govFund':
        return this.total('govFundByFunction', 'total', '政府性基金预算支出合计');
      case 'soc':
        return this.total('socByFunction', 'total', '国有资本经营预算支出合计');
      case 'gpbBasic':
        return this.total('gpbBasicByEconomic', 'total', '基本支出合计');
      case 'threePublic':
        return this.total('gpbThreePublic', 'total', '“三公”经费合计');
      default:
        return null;
    }
  }

  get profileId(): string {
    return this.profile.id;
  }
}
