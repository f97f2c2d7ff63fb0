// 情况说明 generated from the facts, in the profile's conventions. Every amount, share (on the
// section's basis, 口径) and year-on-year change is computed from the tables; the wording (增加 /
// 减少 / 持平, %, ‰, ‱) is chosen from the numbers. What only people can supply — reasons for
// changes, what an item is used for, the other matters (机关运行经费, 政府采购, 国有资产, 绩效) — is
// inserted verbatim from the inputs and never invented: a missing one is a finding, not filled in.

import { formatFenIn } from '../money/amount.js';
import { formatRatio, ratio } from '../money/rounding.js';
import { DisclosureIndex } from '../model/query.js';
import type { Disclosure, TableInstance } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import { catalogs } from '../reference/catalog.js';
import type { Finding } from '../rules/types.js';
import { FigureLookup, sectionBasis, type Basis } from './resolve.js';

export interface NarrativeInputs {
  /** Reasons for year-on-year changes, by key: total, fiscal, gpbCurrent, abroad, vehicle, reception. */
  reasons: Record<string, string>;
  /** What a function 项 is used for (主要用于…), by 7-digit code. */
  purposes: Record<string, string>;
  /** Paragraphs on the other matters, by topic id of the profile (operating-cost, procurement, assets, performance) and three-public. */
  notes: Record<string, string[]>;
}

/** Last year's figures in fen, from a previous disclosure or typed by the preparer. */
export interface PreviousFigures {
  year: number | null;
  total: number | null;
  fiscal: number | null;
  gpbCurrent: number | null;
  threePublic: number | null;
  abroad: number | null;
  vehicle: number | null;
  reception: number | null;
}

export interface GeneratedNarrative {
  sections: { heading: string; level: number; paragraphs: string[] }[];
  findings: Finding[];
}

export const EMPTY_INPUTS: NarrativeInputs = { reasons: {}, purposes: {}, notes: {} };

/** Topics the generator computes; every other required topic of a profile comes from the inputs. */
const COMPUTED = new Set(['income-expenditure', 'fiscal', 'gpb-current', 'gpb-basic', 'three-public', 'gov-fund', 'soc']);

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** Amount in 万元 (the narrative's unit) with 2 decimals. */
export function wan(fen: number): string {
  return formatFenIn(fen, '万元', 2)!;
}

/** A share worded by its size: %, or ‰ / ‱ when the percentage would print as 0.00. */
export function shareText(part: number, base: number): string | null {
  const r = ratio(part, base);
  if (!r) return null;
  for (const symbol of ['%', '‰'] as const) {
    const s = formatRatio(r, symbol, 2);
    if (Number(s) !== 0) return `${s}${symbol}`;
  }
  // A very small share: per ten thousand, with as many decimals as it takes to show a digit.
  for (let places = 2; places < 8; places++) {
    const s = formatRatio(r, '‱', places);
    if (Number(s) !== 0) return `${s}‱`;
  }
  return part === 0 ? '0.00%' : `${formatRatio(r, '‱', 8)}‱`;
}

/** "比2023年预算增加38.40万元，增长0.44%" / "与2023年预算持平". */
export function changeText(current: number, previous: number, previousYear: number | null, what = '预算'): string {
  const y = previousYear ? `${previousYear}年` : '上年';
  const diff = current - previous;
  if (diff === 0) return `与${y}${what}持平`;
  const word = diff > 0 ? ['增加', '增长'] : ['减少', '下降'];
  const rate = previous !== 0 ? `，${word[1]}${formatRatio(ratio(Math.abs(diff), previous)!, '%', 2)}%` : '';
  return `比${y}${what}${word[0]}${wan(Math.abs(diff))}万元${rate}`;
}

interface Ctx {
  doc: Disclosure;
  profile: Profile;
  index: DisclosureIndex;
  lookup: FigureLookup;
  inputs: NarrativeInputs;
  previous: PreviousFigures | null;
  findings: Finding[];
  dept: string;
  year: string;
}

function finding(ctx: Ctx, severity: Finding['severity'], rule: string, message: string, label: string): void {
  ctx.findings.push({
    rule,
    severity,
    category: 'narrative',
    title: '情况说明需要人工补充的内容',
    message,
    expected: null,
    actual: null,
    difference: null,
    unit: null,
    locations: [{ line: 0, label }],
  });
}

/** The change sentence part and its reason, or '' when last year's figure is not known. */
function change(ctx: Ctx, current: number | null, key: keyof Omit<PreviousFigures, 'year'>, reasonKey: string, label: string): string {
  const prev = ctx.previous?.[key];
  if (current === null) return '';
  if (prev === null || prev === undefined) return '';
  let s = `，${changeText(current, prev, ctx.previous?.year ?? null)}`;
  if (current !== prev) {
    const reason = ctx.inputs.reasons[reasonKey]?.trim();
    if (reason) s += `，主要原因是${reason.replace(/^主要原因(是|为)?[:：]?/, '').replace(/[。；;]$/, '')}`;
    else finding(ctx, 'warning', 'render.reason-missing', `“${label}”与上年相比有增减，但没有提供变动原因（请在填报表“变动原因”中填写）`, label);
  }
  return s;
}

const fen = (f: { fen: number } | null) => (f ? f.fen : null);

function className(ctx: Ctx, code: string): string {
  const summary = ctx.index.table('summary');
  const printed = summary?.rows.find((r) => r.item === `class:${code}`)?.label.replace(/^[一二三四五六七八九十]+、/, '');
  return catalogs().functional.get(code)?.name ?? printed ?? code;
}

function nonZeroClasses(ctx: Ctx, t: TableInstance | undefined, measure: string): { code: string; fen: number }[] {
  if (!t) return [];
  const sums = new Map<string, number>();
  if (t.rows.some((r) => r.item?.startsWith('class:'))) {
    for (const r of t.rows) if (r.item?.startsWith('class:') && r.code) sums.set(r.code, (sums.get(r.code) ?? 0) + ctx.index.fen(t.id, r.index, measure));
  } else
    for (const r of t.rows)
      if (r.kind === 'detail' && r.code) sums.set(r.code.slice(0, 3), (sums.get(r.code.slice(0, 3)) ?? 0) + ctx.index.fen(t.id, r.index, measure));
  return [...sums].filter(([, v]) => v !== 0).map(([code, v]) => ({ code, fen: v }));
}

function incomeExpenditure(ctx: Ctx, n: string): GeneratedNarrative['sections'] {
  const { lookup, index, dept, year } = ctx;
  const summary = index.table('summary');
  const total = fen(lookup.item('summary', 'incomeTotal', 'amount', '收入总计'));
  const out: GeneratedNarrative['sections'] = [{ heading: `${n}、收支预算情况说明`, level: 1, paragraphs: [] }];
  if (!summary || total === null) return out;
  const incomes = summary.rows.filter(
    (r) => r.side === 'income' && r.item && !['incomeTotal', 'currentYearIncome'].includes(r.item) && index.fen(summary.id, r.index, 'amount') !== 0,
  );
  const classes = nonZeroClasses(ctx, summary, 'amount');
  const label = (l: string) => l.replace(/^[一二三四五六七八九十]+、/, '');
  out[0]!.paragraphs.push(
    `按照综合预算的原则，${dept}所有收入和支出均纳入${ctx.doc.meta.scope === 'unit' ? '单位' : '部门'}预算管理。收入包括：${incomes.map((r) => label(r.label)).join('、')}；支出包括：${classes
      .map((c) => className(ctx, c.code))
      .join('、')}。${dept}${year}收支预算总数${wan(total)}万元${change(ctx, total, 'total', 'total', '收支预算总数')}。`,
  );
  const parts = incomes.map((r) => {
    const v = index.fen(summary.id, r.index, 'amount');
    return `${label(r.label)}${wan(v)}万元，占${shareText(v, total)}`;
  });
  out.push({ heading: '（一）收入预算情况', level: 2, paragraphs: [`${dept}${year}收入预算${wan(total)}万元，其中：${parts.join('；')}。`] });
  const spending = index.table('expenditureByFunction');
  const spendTotal = spending ? index.totalRow(spending) : undefined;
  const expTotal = fen(lookup.item('summary', 'expenditureTotal', 'amount', '支出总计'));
  if (spending && spendTotal && expTotal !== null) {
    const items = (['basic', 'project', 'toSuperior', 'toSubsidiary'] as const)
      .map((m) => ({
        name: { basic: '基本支出', project: '项目支出', toSuperior: '上缴上级支出', toSubsidiary: '对附属单位补助支出' }[m],
        v: index.fen(spending.id, spendTotal.index, m),
      }))
      .filter((x) => x.v !== 0);
    const current = index.fen(spending.id, spendTotal.index, 'total');
    // Shares are of the expenditure the parts add up to (本年支出合计 when 结转下年 is budgeted).
    const what = current === expTotal ? '支出预算' : '本年支出预算';
    out.push({
      heading: '（二）支出预算情况',
      level: 2,
      paragraphs: [
        `${dept}${year}${what}${wan(current)}万元，其中：${items.map((x) => `${x.name}${wan(x.v)}万元，占${shareText(x.v, current)}`).join('；')}。`,
      ],
    });
  }
  return out;
}

function fiscal(ctx: Ctx, n: string): GeneratedNarrative['sections'] {
  const { lookup, index, dept, year } = ctx;
  const t = index.table('fiscalSummary');
  const out: GeneratedNarrative['sections'] = [{ heading: `${n}、财政拨款收支预算情况说明`, level: 1, paragraphs: [] }];
  const total = fen(lookup.item('fiscalSummary', 'currentExpenditure', 'total', '本年支出合计'));
  if (!t || total === null) return out;
  const incomes: string[] = [];
  const gpb = fen(lookup.item('fiscalSummary', 'currentIncome.gpb', 'amount', ''));
  if (gpb) incomes.push(`本年一般公共预算拨款收入${wan(gpb)}万元`);
  for (const [key, name] of [
    ['currentIncome.govFund', '本年政府性基金预算拨款收入'],
    ['currentIncome.soc', '本年国有资本经营预算拨款收入'],
  ] as const) {
    const v = fen(lookup.item('fiscalSummary', key, 'amount', ''));
    if (v) incomes.push(`${name}${wan(v)}万元`);
  }
  const carry = fen(lookup.item('fiscalSummary', 'carryOver', 'amount', ''));
  if (carry) incomes.push(`上年结转${wan(carry)}万元`);
  const classes = nonZeroClasses(ctx, t, 'total');
  out[0]!.paragraphs.push(`${dept}${year}财政拨款收支预算总数${wan(total)}万元${change(ctx, total, 'fiscal', 'fiscal', '财政拨款收支预算总数')}。`);
  out[0]!.paragraphs.push(`收入包括：${incomes.join('，')}；支出包括：${classes.map((c) => `${className(ctx, c.code)}${wan(c.fen)}万元`).join('、')}。`);
  return out;
}

function gpbCurrent(ctx: Ctx, n: string): GeneratedNarrative['sections'] {
  const { lookup, index, dept, year } = ctx;
  const t = index.table('gpbByFunction');
  const out: GeneratedNarrative['sections'] = [{ heading: `${n}、一般公共预算当年拨款情况说明`, level: 1, paragraphs: [] }];
  const total = fen(lookup.total('gpbByFunction', 'currentYear', ''));
  if (!t || total === null) return out;
  out.push({
    heading: '（一）一般公共预算当年拨款规模变化情况',
    level: 2,
    paragraphs: [`${dept}${year}一般公共预算当年拨款${wan(total)}万元${change(ctx, total, 'gpbCurrent', 'gpbCurrent', '一般公共预算当年拨款')}。`],
  });
  const classes = nonZeroClasses(ctx, t, 'currentYear');
  out.push({
    heading: '（二）一般公共预算当年拨款结构情况',
    level: 2,
    paragraphs: [`${classes.map((c) => `${className(ctx, c.code)}${wan(c.fen)}万元，占${shareText(c.fen, total)}`).join('；')}。`],
  });
  // Each 项, summed over units, in code order.
  const items = new Map<string, { fen: number; label: string }>();
  for (const r of t.rows) {
    if (r.kind !== 'detail' || !r.code || r.code.length !== 7) continue;
    const cur = items.get(r.code) ?? { fen: 0, label: r.label };
    cur.fen += index.fen(t.id, r.index, 'currentYear');
    items.set(r.code, cur);
  }
  const fn = catalogs().functional;
  const paragraphs: string[] = [];
  let i = 0;
  for (const [code, it] of [...items].sort(([a], [b]) => a.localeCompare(b))) {
    if (it.fen === 0) continue;
    const kuan = fn.get(code.slice(0, 5))?.name;
    const xiang = fn.get(code)?.name ?? it.label.replace(/\s+/g, '');
    const path = kuan
      ? `${className(ctx, code.slice(0, 3))}（${code.slice(0, 3)}类）${kuan}（${code.slice(3, 5)}款）${xiang}（${code.slice(5)}项）`
      : `${className(ctx, code.slice(0, 3))}（${code.slice(0, 3)}类）${xiang}（${code.slice(5)}项，${code}）`;
    const purpose = ctx.inputs.purposes[code]
      ?.trim()
      .replace(/^主要用于[:：]?/, '')
      .replace(/[。；;]$/, '');
    if (!purpose) finding(ctx, 'info', 'render.purpose-missing', `${code} ${xiang} 没有提供“主要用于”说明（请在填报表“项目用途”中填写）`, `${code} ${xiang}`);
    paragraphs.push(`${++i}. ${path}${year}预算数为${wan(it.fen)}万元${purpose ? `，主要用于：${purpose}` : ''}。`);
  }
  out.push({ heading: '（三）一般公共预算当年拨款具体使用情况', level: 2, paragraphs });
  return out;
}

function gpbBasic(ctx: Ctx, n: string): GeneratedNarrative['sections'] {
  const { lookup, index, dept, year } = ctx;
  const t = index.table('gpbBasicByEconomic');
  const out: GeneratedNarrative['sections'] = [{ heading: `${n}、一般公共预算基本支出情况说明`, level: 1, paragraphs: [] }];
  const total = fen(lookup.total('gpbBasicByEconomic', 'total', ''));
  if (!t || total === null) return out;
  const names = (measure: string, prefixes: string[]) => {
    const seen = new Map<string, number>();
    for (const r of t.rows)
      if (r.code?.length === 5 && prefixes.includes(r.code.slice(0, 3))) seen.set(r.code, (seen.get(r.code) ?? 0) + index.fen(t.id, r.index, measure));
    const eco = catalogs().economic;
    return [...seen]
      .filter(([, v]) => v !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code]) => eco.get(code)?.name ?? t.rows.find((r) => r.code === code)!.label);
  };
  const personnel = fen(lookup.total('gpbBasicByEconomic', 'personnel', '')) ?? 0;
  const publicUse = fen(lookup.total('gpbBasicByEconomic', 'publicUse', '')) ?? 0;
  out[0]!.paragraphs.push(`${dept}${year}一般公共预算基本支出${wan(total)}万元，其中：`);
  const pn = names('personnel', ['301', '303']);
  const un = names('publicUse', ['302', '310', '399']);
  out[0]!.paragraphs.push(`人员经费${wan(personnel)}万元${pn.length ? `，主要包括：${pn.join('、')}` : ''}。`);
  out[0]!.paragraphs.push(`公用经费${wan(publicUse)}万元${un.length ? `，主要包括：${un.join('、')}` : ''}。`);
  return out;
}

function threePublic(ctx: Ctx, n: string): GeneratedNarrative['sections'] {
  const { lookup, dept, year } = ctx;
  const out: GeneratedNarrative['sections'] = [{ heading: `${n}、“三公”经费财政拨款预算安排情况说明`, level: 1, paragraphs: [] }];
  const tp = (m: string) => fen(lookup.total('gpbThreePublic', m, ''));
  const total = tp('total');
  if (total === null) return out;
  const abroad = tp('abroad') ?? 0;
  const vehicle = tp('vehicle') ?? 0;
  const purchase = tp('vehiclePurchase') ?? 0;
  const operation = tp('vehicleOperation') ?? 0;
  const reception = tp('reception') ?? 0;
  out[0]!.paragraphs.push(
    `${dept}${year}“三公”经费财政拨款预算数${wan(total)}万元${change(ctx, total, 'threePublic', 'threePublic', '“三公”经费')}，其中：因公出国（境）费${wan(abroad)}万元，公务用车购置及运行维护费${wan(vehicle)}万元，公务接待费${wan(reception)}万元。`,
  );
  const item = (k: '一' | '二' | '三', name: string, v: number, key: 'abroad' | 'vehicle' | 'reception') => {
    const prev = ctx.previous?.[key];
    const sentence = prev === null || prev === undefined ? `${name}${wan(v)}万元` : `${name}${wan(v)}万元${change(ctx, v, key, key, name)}`;
    return { heading: `（${k}）${sentence}。`, level: 2, paragraphs: [] as string[] };
  };
  const a = item('一', '因公出国（境）费', abroad, 'abroad');
  const v = item('二', '公务用车购置及运行维护费', vehicle, 'vehicle');
  v.paragraphs.push(`${year}安排公务用车购置费${wan(purchase)}万元。`, `${year}安排公务用车运行维护费${wan(operation)}万元。`);
  const r = item('三', '公务接待费', reception, 'reception');
  // The authors' own prose goes under the item it is about.
  for (const note of ctx.inputs.notes['three-public'] ?? [])
    (/车/.test(note) ? v : /接待/.test(note) ? r : /出国/.test(note) ? a : out[0]!).paragraphs.push(note);
  out.push(a, v, r);
  return out;
}

function fundTable(ctx: Ctx, n: string, role: 'govFundByFunction' | 'socByFunction', heading: string, name: string): GeneratedNarrative['sections'] {
  const total = fen(ctx.lookup.total(role, 'total', '')) ?? 0;
  const t = ctx.index.table(role);
  const text = !t || total === 0 ? `${ctx.dept}${ctx.year}没有使用${name}拨款安排的支出。` : `${ctx.dept}${ctx.year}${name}拨款安排的支出${wan(total)}万元。`;
  return [{ heading: `${n}、${heading}`, level: 1, paragraphs: [text] }];
}

/** 情况说明 from the facts. `previous` gives last year's figures for the changes; without it no change is stated. */
export function generateNarrative(
  doc: Disclosure,
  profile: Profile,
  inputs: NarrativeInputs = EMPTY_INPUTS,
  previous: PreviousFigures | null = null,
): GeneratedNarrative {
  const index = new DisclosureIndex(doc);
  const ctx: Ctx = {
    doc,
    profile,
    index,
    lookup: new FigureLookup(index, profile),
    inputs,
    previous,
    findings: [],
    dept: doc.meta.department,
    year: doc.meta.fiscalYear ? `${doc.meta.fiscalYear}年` : '',
  };
  if (!previous)
    finding(ctx, 'info', 'render.previous-missing', '没有提供上年数（--previous 上年公开文件，或填报表“上年数”），情况说明未写同比增减', '情况说明');
  const sections: GeneratedNarrative['sections'] = [];
  let k = 0;
  const roles = new Set(doc.tables.map((t) => t.role));
  const next = () => CN[k++] ?? String(k);
  if (roles.has('summary')) sections.push(...incomeExpenditure(ctx, next()));
  if (roles.has('fiscalSummary')) sections.push(...fiscal(ctx, next()));
  if (roles.has('gpbByFunction')) sections.push(...gpbCurrent(ctx, next()));
  if (roles.has('gpbBasicByEconomic')) sections.push(...gpbBasic(ctx, next()));
  if (roles.has('gpbThreePublic')) sections.push(...threePublic(ctx, next()));
  if (profile.tables.some((t) => t.role === 'govFundByFunction'))
    sections.push(...fundTable(ctx, next(), 'govFundByFunction', '政府性基金预算支出情况说明', '政府性基金预算'));
  if (profile.tables.some((t) => t.role === 'socByFunction'))
    sections.push(...fundTable(ctx, next(), 'socByFunction', '国有资本经营预算情况说明', '国有资本经营预算'));
  // The other matters: only what a person wrote.
  const other = profile.narrative.requiredTopics.filter((t) => !COMPUTED.has(t.id));
  const subs: GeneratedNarrative['sections'] = [];
  let j = 0;
  for (const topic of other) {
    const paras = (inputs.notes[topic.id] ?? []).map((p) => p.trim()).filter(Boolean);
    if (paras.length === 0) {
      finding(ctx, 'warning', 'render.note-missing', `情况说明缺少“${topic.title}”，需人工填写（填报表“其他事项”），不会自动生成`, topic.title);
      continue;
    }
    subs.push({ heading: `（${CN[j++]}）${topic.title}`, level: 2, paragraphs: paras });
  }
  if (subs.length) sections.push({ heading: `${next()}、其他重要事项的情况说明`, level: 1, paragraphs: [] }, ...subs);
  return { sections, findings: ctx.findings };
}

/** Last year's figures from the previous year's disclosure. */
export function previousFigures(prev: Disclosure, profile: Profile): PreviousFigures {
  const index = new DisclosureIndex(prev);
  const l = new FigureLookup(index, profile);
  const tp = (m: string) => fen(l.total('gpbThreePublic', m, ''));
  return {
    year: prev.meta.fiscalYear,
    total: fen(l.item('summary', 'incomeTotal', 'amount', '')),
    fiscal: fen(l.item('fiscalSummary', 'currentExpenditure', 'total', '')),
    gpbCurrent: fen(l.total('gpbByFunction', 'currentYear', '')),
    threePublic: tp('total'),
    abroad: tp('abroad'),
    vehicle: tp('vehicle'),
    reception: tp('reception'),
  };
}

/**
 * What people wrote in an existing disclosure's 情况说明, kept verbatim so a re-rendered document
 * says what its authors said: reasons for changes, what items are used for, the other matters.
 */
export function inputsFromNarrative(doc: Disclosure, profile: Profile): NarrativeInputs {
  const inputs: NarrativeInputs = { reasons: {}, purposes: {}, notes: {} };
  const sections = doc.narrative.sections;
  const topicOf = (sectionId: string): string | null => {
    const s = sections.find((x) => x.id === sectionId);
    if (!s) return null;
    const headings = [s.heading, sections.find((x) => x.id === s.parent)?.heading ?? ''];
    for (const h of headings) for (const t of profile.narrative.requiredTopics) if (!COMPUTED.has(t.id) && t.keywords.some((k) => h.includes(k))) return t.id;
    return null;
  };
  const basisKey: Partial<Record<NonNullable<Basis>, string>> = { summary: 'total', fiscal: 'fiscal', gpbCurrent: 'gpbCurrent' };
  const gpb = doc.tables.find((t) => t.role === 'gpbByFunction');
  for (const s of doc.narrative.sentences) {
    const topic = topicOf(s.section);
    if (topic) {
      (inputs.notes[topic] ??= []).push(s.text);
      continue;
    }
    const reason = /主要原因(是|为)?[:：]?(.+?)[。]?$/.exec(s.text);
    const basis = sectionBasis(doc, profile, s.section);
    // Prose of the 三公 section that states no money (plans, vehicle counts) is the authors' own.
    const level2 = sections.find((x) => x.id === s.section)?.level === 2;
    if (basis === 'threePublic' && level2 && !reason && !/元|[%‰‱]/.test(s.text) && !/^[（(][一二三四五六七八九十]+[)）]/.test(s.text))
      (inputs.notes['three-public'] ??= []).push(s.text);
    if (reason && basis) {
      let key = basisKey[basis] ?? null;
      if (basis === 'threePublic') {
        // The item a reason is about: named in its sentence, else in the sentence before (the change
        // it explains), else in its section's heading.
        const before = doc.narrative.sentences[s.index - 1];
        const heading = sections.find((x) => x.id === s.section);
        const where = `${s.text} ${before?.section === s.section ? before.text : ''} ${heading?.level === 2 ? heading.heading : ''}`;
        key = /出国/.test(where) ? 'abroad' : /公务用车/.test(where) ? 'vehicle' : /接待/.test(where) ? 'reception' : 'threePublic';
      }
      if (key && !inputs.reasons[key]) inputs.reasons[key] = reason[2]!.trim();
    }
    const used = /(.+?)[（(]项[)）].*?主要用于[:：]?(.+?)。?$/.exec(s.text);
    if (used && gpb) {
      const name = used[1]!.replace(/^.*[（(]款[)）]/, '').replace(/\s+/g, '');
      const row = gpb.rows.find((r) => r.kind === 'detail' && r.code && r.label.replace(/\s+/g, '') === name);
      if (row?.code && !inputs.purposes[row.code]) inputs.purposes[row.code] = used[2]!.trim();
    }
  }
  return inputs;
}
