// Key figures of a disclosure, as `yusuan summary --json` prints them and the API serves them.
// Amounts are JSON numbers in 万元 (converted from 元 where a table is in 元); null when the
// document does not state the figure.

import { fenToWanNumber } from './money/amount.js';
import { DisclosureIndex } from './model/query.js';
import type { Disclosure } from './model/types.js';
import { KINDS } from './glossary.js';

export interface Summary {
  department: string;
  year: number | null;
  kind: string;
  profile: string;
  amountUnit: string;
  figures: {
    incomeTotal: number | null;
    expenditureTotal: number | null;
    currentYearIncome: number | null;
    gpbAppropriation: number | null;
    carryOver: number | null;
    /** 本年支出合计 (as printed, else 支出总计 less what is not this year's spending). */
    currentYearExpenditure: number | null;
    basic: number | null;
    project: number | null;
    /** 一般公共预算基本支出: the total of the basic-expenditure table, whose parts 人员经费 and 公用经费 are. */
    gpbBasic: number | null;
    personnel: number | null;
    publicUse: number | null;
    threePublic: { total: number | null; abroad: number | null; vehiclePurchase: number | null; vehicleOperation: number | null; reception: number | null };
  };
  units: { code: string | null; name: string; total: number | null; basic: number | null; project: number | null }[];
  functionClasses: Record<string, number>;
  counts: { projects: number; performanceProjects: number };
}

export function summarize(doc: Disclosure, index = new DisclosureIndex(doc)): Summary {
  const wan = (fen: number | undefined | null) => (fen === undefined || fen === null ? null : fenToWanNumber(fen));
  // A table that could not be read reliably states nothing here: its figures are unknown, not 0.
  const table = (role: string) => {
    const t = index.table(role);
    return t && t.reading.status !== 'unreliable' ? t : undefined;
  };
  // A statement item's amount: undefined when the line is absent, null when it is left blank.
  const stated = (role: string, key: string, measure = 'amount') => {
    const t = table(role);
    const row = t?.rows.find((r) => r.item === key);
    return t && row ? (index.cell(t.id, row.index, measure)?.fen ?? null) : undefined;
  };
  // …with a blank line read as 0, an absent one as null.
  const item = (role: string, key: string, measure = 'amount') => {
    const v = stated(role, key, measure);
    return v === undefined ? null : (v ?? 0);
  };
  // …and a blank line as null too: only what the 收支总表 prints.
  const printed = (key: string) => stated('summary', key) ?? null;
  const total = (role: string, measure: string) => {
    const t = table(role);
    const row = t ? index.totalRow(t) : undefined;
    if (!t) return null;
    if (t.empty) return 0;
    // A column the table does not print (or that was not read) is unknown, not 0.
    if (!t.measures.includes(measure)) return null;
    if (row) return index.cell(t.id, row.index, measure)?.fen ?? 0;
    // No 合计 line: a single-unit table's unit line is its total (Shenzhen prints 本级 only).
    const top = t.rows.filter((r) => r.parent === null && (r.kind === 'unit' || r.kind === 'department'));
    if (top.length === 1) return index.cell(t.id, top[0]!.index, measure)?.fen ?? 0;
    return null;
  };
  const spending = table('expenditureByFunction');
  const units = doc.units.map((u) => {
    const row = spending?.rows.find((r) => r.kind === 'unit' && r.unitCode === u.code && u.code);
    const v = (m: string) => (row && spending ? wan(index.cell(spending.id, row.index, m)?.fen ?? 0) : null);
    return { code: u.code, name: u.name, total: v('total'), basic: v('basic'), project: v('project') };
  });
  const functionClasses: Record<string, number> = {};
  const t1 = table('summary');
  if (t1) {
    for (const r of t1.rows) {
      if (!r.code || r.side !== 'expenditure') continue;
      const v = index.cell(t1.id, r.index, 'amount');
      if (v && v.fen !== 0) functionClasses[r.code] = fenToWanNumber(v.fen);
    }
  } else if (spending) {
    for (const r of spending.rows) {
      if (r.kind !== 'detail' || !r.code) continue;
      const c = r.code.slice(0, 3);
      functionClasses[c] = fenToWanNumber(Math.round((functionClasses[c] ?? 0) * 1e6) + index.fen(spending.id, r.index, 'total'));
    }
  }
  // Templates whose 收支总表 has one 财政拨款 line (预算拨款, 本级财政拨款收入) state the 一般公共预算
  // part in the 财政拨款收支总表, or as the 当年 column of the 一般公共预算支出表.
  const measured = (role: string, measure: string) => {
    const t = table(role);
    return t && index.measures(t).includes(measure) ? total(role, measure) : null;
  };
  const gpbAppropriation = () =>
    item('summary', 'gpbIncome') ?? item('fiscalSummary', 'currentIncome.gpb') ?? measured('gpbByFunction', 'currentYear') ?? measured('fiscalSummary', 'gpb');
  // Income sources of the year: 财政拨款 as one line or as its three parts, then the rest.
  const incomeSources = () => {
    const fiscal = printed('fiscalIncome');
    const keys = ['specialAccountIncome', 'businessIncome', 'superiorSubsidy', 'subsidiaryRemit', 'operatingIncome', 'otherIncome'];
    const parts = [fiscal, ...(fiscal === null ? ['gpbIncome', 'govFundIncome', 'socIncome'].map(printed) : []), ...keys.map(printed)];
    return parts.some((v) => v !== null) ? parts.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  };
  // Templates without a 本年收入合计 line: income total less carry-over and fund make-up; with the
  // total left blank too (005 prints only 支出总计 on the total line), the income sources.
  const currentYearIncome = () => {
    const stated = item('summary', 'currentYearIncome');
    if (stated !== null) return stated;
    const totalIncome = printed('incomeTotal');
    if (totalIncome === null) return incomeSources();
    return totalIncome - (item('summary', 'carryOver') ?? 0) - (item('summary', 'fundMakeUp') ?? 0);
  };
  // 收入总计 as printed; when its line is there but blank, what its parts add up to.
  const incomeTotal = () => {
    const total = stated('summary', 'incomeTotal');
    if (total !== null) return total ?? null;
    const current = currentYearIncome();
    return current === null ? null : current + (printed('carryOver') ?? 0) + (printed('fundMakeUp') ?? 0);
  };
  // 基本/项目支出 from the 部门支出总表. Shaanxi's 支出总表 splits by source of funds instead: its 收支总表
  // states them itself. Hangzhou's splits 基本 into 人员 + 公用 without a 基本支出 column.
  const spendingMeasures = spending ? index.measures(spending) : [];
  const basic = () => {
    if (spending && !spendingMeasures.some((m) => m === 'basic' || m === 'personnel'))
      return printed('basicExpenditure') ?? total('expenditureByFunction', 'basic');
    if (!spending || spendingMeasures.includes('basic') || !spendingMeasures.includes('personnel')) return total('expenditureByFunction', 'basic');
    const [p, u] = [total('expenditureByFunction', 'personnel'), total('expenditureByFunction', 'publicUse')];
    return p === null ? null : p + (u ?? 0);
  };
  const project = () => (spending && !spendingMeasures.includes('project') ? printed('projectExpenditure') : null) ?? total('expenditureByFunction', 'project');
  const projects = table('gpbProjects');
  const projectNames = new Set((projects?.rows ?? []).filter((r) => r.project).map((r) => `${r.unitCode}|${r.project}`));
  const tp = (m: string) => wan(total('gpbThreePublic', m));
  const currentYearExpenditure = () => {
    const stated = item('summary', 'currentYearExpenditure');
    if (stated !== null) return stated;
    const whole = printed('expenditureTotal');
    if (whole === null) return null;
    return whole - (printed('carryForward') ?? 0) - (printed('surplusDistribution') ?? 0) - (printed('toBusinessFund') ?? 0);
  };
  return {
    department: doc.meta.department,
    year: doc.meta.fiscalYear,
    kind: KINDS[doc.meta.kind],
    profile: doc.meta.profile,
    amountUnit: t1?.unit ?? spending?.unit ?? '万元',
    figures: {
      incomeTotal: wan(incomeTotal()),
      expenditureTotal: wan(item('summary', 'expenditureTotal')),
      currentYearIncome: wan(currentYearIncome()),
      gpbAppropriation: wan(gpbAppropriation()),
      carryOver: wan(item('summary', 'carryOver')),
      currentYearExpenditure: wan(currentYearExpenditure()),
      basic: wan(basic()),
      project: wan(project()),
      gpbBasic: wan(total('gpbBasicByEconomic', 'total')),
      personnel: wan(total('gpbBasicByEconomic', 'personnel')),
      publicUse: wan(total('gpbBasicByEconomic', 'publicUse')),
      threePublic: {
        total: tp('total'),
        abroad: tp('abroad'),
        vehiclePurchase: tp('vehiclePurchase'),
        vehicleOperation: tp('vehicleOperation'),
        reception: tp('reception'),
      },
    },
    units,
    functionClasses,
    counts: { projects: projectNames.size, performanceProjects: doc.performance.projects.length },
  };
}
