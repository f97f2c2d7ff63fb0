// Synthetic disclosures for benchmarks and end-to-end data: `Disclosure` objects built from one
// ledger (units × function 项 × basic/project, basic split by economic 款, projects under their 项),
// so every total equals the sum of its parts in every table by construction. Deterministic for a
// seed. `injectError` changes one printed figure (a detail amount in 部门支出总表) so that
// the checks have a genuine error to find.

import { createHash } from 'node:crypto';
import { fenToDecimal } from '../money/amount.js';
import { SCHEMA_VERSION, type Disclosure, type Fact, type RowKind, type TableInstance, type TableRow } from '../model/types.js';

const PROVINCES = ['四川省', '北京市', '上海市', '重庆市', '广东省', '浙江省', '江苏省', '湖南省', '陕西省', '山东省', '福建省', '湖北省'];
const AGENCIES = [
  '公安厅',
  '财政厅',
  '教育厅',
  '卫生健康委员会',
  '交通运输厅',
  '统计局',
  '审计厅',
  '气象局',
  '信访局',
  '商务厅',
  '司法厅',
  '民政厅',
  '生态环境厅',
  '水利厅',
  '农业农村厅',
  '文化和旅游厅',
  '体育局',
  '市场监督管理局',
  '应急管理厅',
  '自然资源厅',
];
const BASIC_CODES: [string, string][] = [
  ['2040201', '行政运行'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2101101', '行政单位医疗'],
  ['2210201', '住房公积金'],
  ['2080501', '行政单位离退休'],
];
const PROJECT_CODES: [string, string][] = [
  ['2040202', '一般行政管理事务'],
  ['2040219', '信息化建设'],
  ['2010399', '其他政府办公厅(室)及相关机构事务支出'],
  ['2050803', '培训支出'],
];
const CLASS_NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '204': '公共安全支出',
  '205': '教育支出',
  '208': '社会保障和就业支出',
  '210': '卫生健康支出',
  '221': '住房保障支出',
};
const PERSONNEL: [string, string][] = [
  ['30101', '基本工资'],
  ['30102', '津贴补贴'],
  ['30103', '奖金'],
  ['30108', '机关事业单位基本养老保险缴费'],
];
const PUBLIC_USE: [string, string][] = [
  ['30201', '办公费'],
  ['30211', '差旅费'],
  ['30217', '公务接待费'],
  ['30231', '公务用车运行维护费'],
];
const PROJECT_WORDS = ['专项业务经费', '信息系统运维经费', '设备购置经费', '宣传培训经费', '办公用房维修项目', '执法装备经费', '数据采集经费', '安全保障经费'];

const NARRATIVE_HEADINGS = [
  '一、收支预算情况说明',
  '二、财政拨款收支预算情况的总体说明',
  '三、一般公共预算当年拨款情况说明',
  '四、一般公共预算基本支出情况说明',
  '五、一般公共预算“三公”经费预算情况说明',
  '六、政府性基金预算支出情况说明',
  '七、国有资本经营预算支出情况说明',
  '八、机关运行经费情况说明',
  '九、政府采购预算情况说明',
  '十、国有资产占用情况说明',
  '十一、预算绩效管理情况说明',
];

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CENT = 10_000; // 0.01 万元 in fen: amounts are printed with two decimals

export interface SyntheticOptions {
  seed: number;
  /** Override the department (e.g. to make several years of one department). */
  department?: string;
  region?: string;
  year?: number;
  /** Change one detail amount of 部门支出总表 so its unit subtotal no longer adds up. */
  injectError?: boolean;
}

/** Split `total` (a multiple of CENT) into n positive parts that add up exactly. */
function split(total: number, n: number, r: () => number): number[] {
  const cents = total / CENT;
  const weights = Array.from({ length: n }, () => 0.5 + r());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((cents * w) / sum)));
  parts[parts.length - 1]! += cents - parts.reduce((a, b) => a + b, 0);
  return parts.map((p) => p * CENT);
}

export function syntheticDisclosure(o: SyntheticOptions): Disclosure {
  const r = rng(o.seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const region = o.region ?? pick(PROVINCES);
  const department = o.department ?? `${region.replace(/[省市]$/, '')}${pick(AGENCIES)}`;
  const year = o.year ?? 2021 + Math.floor(r() * 5);
  const deptCode = String(100 + Math.floor(r() * 800));
  const unitCount = 1 + Math.floor(r() * 4);
  const units = Array.from({ length: unitCount }, (_, i) => ({
    code: `${deptCode}${String(i + 1).padStart(3, '0')}`,
    name: i === 0 ? `${department}机关` : `${department}${pick(['直属', '所属', '下属'])}事业单位${i}`,
    type: i === 0 ? '行政单位' : '事业单位',
    typeBasis: 'inferred' as const,
  }));
  // Ledger: per unit, basic lines (by function 项) and projects (by function 项).
  const ledger = units.map((u) => {
    const basicCodes = BASIC_CODES.slice(0, 2 + Math.floor(r() * 4));
    const basic = basicCodes.map(([code, name]) => ({ code, name, fen: (100 + Math.floor(r() * 50_000)) * CENT }));
    const projectCodes = PROJECT_CODES.slice(0, 1 + Math.floor(r() * 4));
    const projects = projectCodes.flatMap(([code, name], ci) =>
      Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => ({
        code,
        name,
        project: `${PROJECT_WORDS[(ci * 3 + k) % PROJECT_WORDS.length]}（${u.code.slice(-3)}-${ci}${k}）`,
        fen: (10 + Math.floor(r() * 20_000)) * CENT,
      })),
    );
    const basicTotal = basic.reduce((a, b) => a + b.fen, 0);
    const personnelTotal = Math.round((basicTotal * (0.6 + r() * 0.3)) / CENT) * CENT;
    const personnel = split(personnelTotal, PERSONNEL.length, r);
    const publicUse = split(basicTotal - personnelTotal, PUBLIC_USE.length, r);
    return { unit: u, basic, projects, personnel, publicUse };
  });

  let line = 1;
  const tables: TableInstance[] = [];
  const facts: Fact[] = [];
  const table = (id: string, role: string, title: string) => {
    const t: TableInstance = {
      id,
      role,
      title,
      printedTitle: title,
      unit: '万元',
      decimals: 2,
      present: true,
      empty: false,
      note: null,
      rows: [],
      measures: [],
      // One ledger makes every identity hold: nothing to doubt.
      reading: { status: 'confirmed', checked: 0, failed: 0, reason: null },
      source: { line: line++, table: id },
    };
    tables.push(t);
    return t;
  };
  const addRow = (
    t: TableInstance,
    kind: RowKind,
    label: string,
    values: Record<string, number>,
    extra: Partial<Pick<TableRow, 'code' | 'unitCode' | 'project' | 'item' | 'side' | 'parent'>> & { fundType?: string; economic?: boolean } = {},
  ) => {
    const index = t.rows.length;
    const source = { line: line++, table: t.id, row: index };
    const row: TableRow = {
      index,
      kind,
      label,
      code: extra.code ?? null,
      unitCode: extra.unitCode ?? null,
      project: extra.project ?? null,
      item: extra.item ?? null,
      side: extra.side ?? null,
      parent: extra.parent ?? null,
      source,
    };
    t.rows.push(row);
    let column = 1;
    for (const [measure, fen] of Object.entries(values)) {
      column++;
      if (!t.measures.includes(measure)) t.measures.push(measure);
      if (fen === 0) continue;
      const dims: Fact['dims'] = { fundType: extra.fundType ?? 'gpb' };
      if (extra.code) dims[extra.economic ? 'economicCode' : 'functionCode'] = extra.code;
      if (extra.unitCode) dims.unitCode = extra.unitCode;
      if (extra.project) dims.project = extra.project;
      if (extra.item) dims.item = extra.item;
      facts.push({
        table: t.id,
        row: index,
        measure,
        value: fenToDecimal(fen, '万元'),
        unit: '万元',
        rowKind: kind,
        label,
        dims,
        source: { ...source, column },
      });
    }
    return index;
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const basicOf = (l: (typeof ledger)[number]) => sum(l.basic.map((b) => b.fen));
  const projectOf = (l: (typeof ledger)[number]) => sum(l.projects.map((p) => p.fen));
  const basicAll = sum(ledger.map(basicOf));
  const projectAll = sum(ledger.map(projectOf));
  const total = basicAll + projectAll;
  // Function 项 totals for the department: code → {basic, project}.
  const byCode = new Map<string, { name: string; basic: number; project: number }>();
  for (const l of ledger) {
    for (const b of l.basic) byCode.set(b.code, { name: b.name, basic: (byCode.get(b.code)?.basic ?? 0) + b.fen, project: byCode.get(b.code)?.project ?? 0 });
    for (const p of l.projects)
      byCode.set(p.code, { name: p.name, basic: byCode.get(p.code)?.basic ?? 0, project: (byCode.get(p.code)?.project ?? 0) + p.fen });
  }
  const codes = [...byCode.keys()].sort();
  const classTotals = new Map<string, number>();
  for (const c of codes) classTotals.set(c.slice(0, 3), (classTotals.get(c.slice(0, 3)) ?? 0) + byCode.get(c)!.basic + byCode.get(c)!.project);

  // 1 部门收支总表
  const t1 = table('1', 'summary', '部门收支总表');
  addRow(t1, 'item', '一、一般公共预算拨款收入', { amount: total }, { item: 'gpbIncome', side: 'income', fundType: 'all' });
  for (const [c, v] of [...classTotals].sort())
    addRow(t1, 'item', CLASS_NAMES[c] ?? c, { amount: v }, { code: c, item: `class:${c}`, side: 'expenditure', fundType: 'all' });
  addRow(t1, 'total', '本年收入合计', { amount: total }, { item: 'currentYearIncome', side: 'income', fundType: 'all' });
  addRow(t1, 'total', '本年支出合计', { amount: total }, { item: 'currentYearExpenditure', side: 'expenditure', fundType: 'all' });
  addRow(t1, 'total', '收入总计', { amount: total }, { item: 'incomeTotal', side: 'income', fundType: 'all' });
  addRow(t1, 'total', '支出总计', { amount: total }, { item: 'expenditureTotal', side: 'expenditure', fundType: 'all' });

  // The empty tables are printed in the template's order, each with its note.
  const emptyTable = (id: string, role: string, title: string) => {
    const t = table(id, role, title);
    t.empty = true;
    t.note = '注：本表无数据';
    addRow(t, 'total', '合计', {});
  };
  emptyTable('1-1', 'incomeByUnit', '部门收入总表');

  // 1-2 部门支出总表: total → department → unit → 项 rows.
  const t12 = table('1-2', 'expenditureByFunction', '部门支出总表');
  const tot12 = addRow(t12, 'total', '合计', { total, basic: basicAll, project: projectAll }, { fundType: 'all' });
  const dep12 = addRow(t12, 'department', department, { total, basic: basicAll, project: projectAll }, { parent: tot12, fundType: 'all' });
  let injected = !o.injectError;
  for (const l of ledger) {
    const b = basicOf(l);
    const p = projectOf(l);
    const u = addRow(t12, 'unit', l.unit.name, { total: b + p, basic: b, project: p }, { unitCode: l.unit.code, parent: dep12, fundType: 'all' });
    const perCode = new Map<string, { name: string; basic: number; project: number }>();
    for (const x of l.basic) perCode.set(x.code, { name: x.name, basic: x.fen, project: 0 });
    for (const x of l.projects) {
      const e = perCode.get(x.code) ?? { name: x.name, basic: 0, project: 0 };
      e.project += x.fen;
      perCode.set(x.code, e);
    }
    for (const [code, e] of [...perCode].sort()) {
      let t = e.basic + e.project;
      if (!injected) {
        t += 1000 * CENT; // printed 10.00 万元 too much: the unit subtotal no longer adds up
        injected = true;
      }
      addRow(t12, 'detail', e.name, { total: t, basic: e.basic, project: e.project }, { code, unitCode: l.unit.code, parent: u, fundType: 'all' });
    }
  }

  // 2 财政拨款收支预算总表
  const t2 = table('2', 'fiscalSummary', '财政拨款收支预算总表');
  addRow(t2, 'total', '一、本年收入', { amount: total }, { item: 'currentIncome', side: 'income', fundType: 'fiscal' });
  addRow(t2, 'total', '一、本年支出', { total, gpb: total }, { item: 'currentExpenditure', side: 'expenditure', fundType: 'fiscal' });
  addRow(t2, 'item', '一般公共预算拨款收入', { amount: total }, { item: 'currentIncome.gpb', side: 'income', fundType: 'fiscal' });
  for (const [c, v] of [...classTotals].sort())
    addRow(t2, 'item', CLASS_NAMES[c] ?? c, { total: v, gpb: v }, { code: c, item: `class:${c}`, side: 'expenditure', fundType: 'fiscal' });

  emptyTable('2-1', 'fiscalByEconomic', '财政拨款支出预算表（部门经济分类科目）');

  // 3 一般公共预算支出预算表 (by department)
  const t3 = table('3', 'gpbByFunction', '一般公共预算支出预算表');
  const tot3 = addRow(t3, 'total', '合计', { total, currentYear: total });
  const dep3 = addRow(t3, 'department', '', { total, currentYear: total }, { parent: tot3 });
  const u3 = addRow(t3, 'unit', `${department}部门`, { total, currentYear: total }, { unitCode: deptCode, parent: dep3 });
  for (const c of codes) {
    const v = byCode.get(c)!.basic + byCode.get(c)!.project;
    addRow(t3, 'detail', byCode.get(c)!.name, { total: v, currentYear: v }, { code: c, unitCode: deptCode, parent: u3 });
  }

  // 3-1 一般公共预算基本支出预算表 (economic)
  const t31 = table('3-1', 'gpbBasicByEconomic', '一般公共预算基本支出预算表');
  const personnelAll = sum(ledger.map((l) => sum(l.personnel)));
  const tot31 = addRow(t31, 'total', '合计', { total: basicAll, personnel: personnelAll, publicUse: basicAll - personnelAll });
  const dep31 = addRow(t31, 'department', '', { total: basicAll, personnel: personnelAll, publicUse: basicAll - personnelAll }, { parent: tot31 });
  for (const l of ledger) {
    const pe = sum(l.personnel);
    const pu = sum(l.publicUse);
    const u = addRow(t31, 'unit', l.unit.name, { total: pe + pu, personnel: pe, publicUse: pu }, { unitCode: l.unit.code, parent: dep31 });
    const g1 = addRow(t31, 'group', '工资福利支出', { total: pe, personnel: pe }, { code: '301', unitCode: l.unit.code, parent: u, economic: true });
    PERSONNEL.forEach(([code, name], i) =>
      addRow(t31, 'detail', name, { total: l.personnel[i]!, personnel: l.personnel[i]! }, { code, unitCode: l.unit.code, parent: g1, economic: true }),
    );
    const g2 = addRow(t31, 'group', '商品和服务支出', { total: pu, publicUse: pu }, { code: '302', unitCode: l.unit.code, parent: u, economic: true });
    PUBLIC_USE.forEach(([code, name], i) =>
      addRow(t31, 'detail', name, { total: l.publicUse[i]!, publicUse: l.publicUse[i]! }, { code, unitCode: l.unit.code, parent: g2, economic: true }),
    );
  }

  // 3-2 一般公共预算项目支出预算表
  const t32 = table('3-2', 'gpbProjects', '一般公共预算项目支出预算表');
  const tot32 = addRow(t32, 'total', '合计', { total: projectAll });
  const dep32 = addRow(t32, 'department', '', { total: projectAll }, { parent: tot32 });
  for (const l of ledger) {
    const u = addRow(t32, 'unit', l.unit.name, { total: projectOf(l) }, { unitCode: l.unit.code, parent: dep32 });
    for (const [code, name] of PROJECT_CODES) {
      const ps = l.projects.filter((p) => p.code === code);
      if (!ps.length) continue;
      const g = addRow(t32, 'group', name, { total: sum(ps.map((p) => p.fen)) }, { unitCode: l.unit.code, parent: u });
      for (const p of ps) addRow(t32, 'detail', p.project, { total: p.fen }, { code, unitCode: l.unit.code, project: p.project, parent: g });
    }
  }

  // 3-3 “三公”经费: reception and vehicle operation equal their economic lines (30217, 30231).
  const t33 = table('3-3', 'gpbThreePublic', '一般公共预算“三公”经费支出预算表');
  const rec = (l: (typeof ledger)[number]) => l.publicUse[2]!;
  const veh = (l: (typeof ledger)[number]) => l.publicUse[3]!;
  const recAll = sum(ledger.map(rec));
  const vehAll = sum(ledger.map(veh));
  const tot33 = addRow(t33, 'total', '合计', { total: recAll + vehAll, vehicle: vehAll, vehicleOperation: vehAll, reception: recAll });
  const dep33 = addRow(t33, 'department', '', { total: recAll + vehAll, vehicle: vehAll, vehicleOperation: vehAll, reception: recAll }, { parent: tot33 });
  for (const l of ledger)
    addRow(
      t33,
      'unit',
      l.unit.name,
      { total: rec(l) + veh(l), vehicle: veh(l), vehicleOperation: veh(l), reception: rec(l) },
      { unitCode: l.unit.code, parent: dep33 },
    );

  for (const [id, role, title] of [
    ['4', 'govFundByFunction', '政府性基金预算支出预算表'],
    ['4-1', 'govFundThreePublic', '政府性基金预算“三公”经费支出预算表'],
    ['5', 'socByFunction', '国有资本经营预算支出预算表'],
    ['6', 'projectPerformance', '部门预算项目支出绩效目标表'],
    ['7', 'departmentPerformance', '部门整体支出绩效目标表'],
  ] as const)
    emptyTable(id, role, title);

  const body = JSON.stringify({ tables, facts });
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      title: `${department}${year}年部门预算`,
      department,
      region,
      level: 'province',
      fiscalYear: year,
      kind: 'budget',
      scope: 'department',
      profile: 'sichuan-province-budget-2024',
      source: { file: `synthetic/${o.seed}.json`, format: 'text', sha256: createHash('sha256').update(body).digest('hex'), lines: line },
    },
    units,
    toc: tables.map((t) => ({ title: t.title, number: t.id, source: { line: t.source.line } })),
    tables,
    facts,
    narrative: {
      sections: NARRATIVE_HEADINGS.map((heading, i) => ({ id: String(i + 1), heading, level: 1, parent: null, source: { line: line + i } })),
      sentences: NARRATIVE_HEADINGS.map((heading, i) => ({ index: i, section: String(i + 1), text: `${heading}详见公开表。`, source: { line: line + i } })),
      claims: [],
    },
    performance: { declaredTotal: null, declaredTotalSource: null, projects: [], department: null },
    other: { vehicles: [], procurement: [], operatingCost: null, largeAssets: null, projectCounts: [], unitCounts: null },
    glossary: [
      {
        term: '基本支出',
        definition: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。',
        source: { line: line + NARRATIVE_HEADINGS.length },
      },
    ],
    readerNotes: [],
  };
}
