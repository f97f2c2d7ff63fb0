// Layout model of a disclosure as departments publish it: cover, contents, 概况, every table of the
// profile in its official layout (merged multi-row headers, 类/款/项 columns, units, empty tables
// with their note), 情况说明 and 名词解释. Pure: the writers (src/write/*) turn it into HTML, PDF and
// XLSX. Body cells are strings as printed; each visual column remembers the profile column index it
// feeds, so a writer can embed the structure and a reader can take the cells back exactly.

import { MEASURES, KINDS } from '../glossary.js';
import { groupThousands, formatFen, toFen, decimalsOf, type AmountUnit } from '../money/amount.js';
import type { BudgetUnit, Disclosure, TableInstance, TableRow } from '../model/types.js';
import type { GeneratedNarrative } from '../narrative/generate.js';
import type { Profile, ProfileTable } from '../profiles/types.js';

export const LAYOUT_VERSION = 1;

export type ColumnKind = 'code' | 'unitCode' | 'label' | 'amount' | 'text';

export interface LayoutColumn {
  /** The profile column index the cell feeds (tabColumns order); null for performance tables. */
  index: number | null;
  kind: ColumnKind;
  /** Header path, top to bottom ("公务用车购置及运行费" › "小计"). */
  header: string[];
  measure?: string;
  /** Relative width (percent of the table) for tables of text (绩效目标表). */
  width?: number;
}

export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

export interface LayoutRow {
  cells: string[];
  /** Colspan of each cell (cells covered by a span are ''); absent = 1 each. */
  spans?: number[];
  /** total / department / unit / group / detail / item; 'text' for performance rows. */
  kind: string;
}

export interface TableLayout {
  id: string;
  number: string;
  title: string;
  layout: ProfileTable['layout'];
  unit: AmountUnit;
  department: string;
  columns: LayoutColumn[];
  header: HeaderCell[][];
  body: LayoutRow[];
  /** The table was in the disclosure (false: listed by the profile, absent from the data). */
  present: boolean;
  empty: boolean;
  note: string | null;
}

export interface Section {
  heading: string;
  level: number;
  paragraphs: string[];
}

export interface ChartSlice {
  label: string;
  /** Value in the table's unit, as a decimal string. */
  value: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  kind: 'pie' | 'bar';
  unit: AmountUnit;
  data: ChartSlice[];
}

export interface DocumentLayout {
  version: typeof LAYOUT_VERSION;
  profileId: string;
  profileName: string;
  title: string;
  department: string;
  year: number | null;
  kindName: string;
  /** Cover lines, as printed. */
  cover: string[];
  parts: { overview: string; tables: string; narrative: string; glossary: string };
  overview: Section[];
  units: BudgetUnit[];
  tables: TableLayout[];
  narrative: Section[];
  glossary: { term: string; definition: string }[];
  charts: ChartSpec[];
}

/** Amount as printed: thousands separators, the table's decimals. */
export function printAmount(value: string, unit: AmountUnit, decimals: number): string {
  return groupThousands(formatFen(toFen(value, unit), unit, Math.max(decimals, decimalsOf(value))));
}

const CODE_SPLIT = (code: string): string[] => [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];

function measureHeader(spec: ProfileTable, measure: string, kind: Disclosure['meta']['kind']): string[] {
  if (spec.role === 'gpbThreePublic' || spec.role === 'govFundThreePublic') {
    if (measure === 'vehicle') return ['公务用车购置及运行费', '小计'];
    if (measure === 'vehiclePurchase') return ['公务用车购置及运行费', '公务用车购置费'];
    if (measure === 'vehicleOperation') return ['公务用车购置及运行费', '公务用车运行费'];
  }
  if (measure === 'amount') return [kind === 'final' ? '决算数' : '预算数'];
  return [(MEASURES as Record<string, string>)[measure] ?? measure];
}

/** Columns of a table in the profile's official layout. */
export function tableColumns(spec: ProfileTable, kind: Disclosure['meta']['kind']): LayoutColumn[] {
  if (spec.layout === 'statement') {
    return (spec.sides ?? []).flatMap((side) => {
      const top = side.side === 'income' ? '收 入' : '支 出';
      return [
        { index: side.labelColumn, kind: 'label' as const, header: [top, '项 目'] },
        ...side.measures.map((m) => ({ index: m.column, kind: 'amount' as const, header: [top, ...measureHeader(spec, m.measure, kind)], measure: m.measure })),
      ];
    });
  }
  if (spec.layout === 'projectPerformance')
    return ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'].map(
      (h, i) => ({
        index: i,
        kind: i === 2 ? ('amount' as const) : ('text' as const),
        header: [h],
      }),
    );
  if (spec.layout === 'departmentPerformance')
    return new Array(8).fill(0).map((_, i) => ({ index: i, kind: 'text' as const, header: [i === 0 ? '部门名称' : '{department}'] }));
  const cols: LayoutColumn[] = [];
  const codes = spec.codeColumns ?? [];
  if (codes.length === 3) ['类', '款', '项'].forEach((h, i) => cols.push({ index: codes[i]!, kind: 'code', header: ['科目编码', h] }));
  else if (codes.length === 1) cols.push({ index: codes[0]!, kind: 'code', header: ['科目编码'] });
  if (spec.unitCodeColumn !== undefined) cols.push({ index: spec.unitCodeColumn, kind: 'unitCode', header: ['单位代码'] });
  const label = spec.hasProjects ? '单位名称（项目）' : spec.classification === 'none' ? '单位名称' : '单位名称（科目）';
  cols.push({ index: spec.labelColumn ?? 0, kind: 'label', header: [label] });
  for (const m of spec.measures ?? []) cols.push({ index: m.column, kind: 'amount', header: measureHeader(spec, m.measure, kind), measure: m.measure });
  return cols;
}

/** Merged header rows (colspan/rowspan) from the columns' header paths. */
export function headerRows(columns: LayoutColumn[]): HeaderCell[][] {
  const depth = Math.max(1, ...columns.map((c) => c.header.length));
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeaderCell[] = [];
    for (let i = 0; i < columns.length;) {
      const path = columns[i]!.header;
      if (path.length - 1 < level) {
        i++;
        continue;
      }
      if (path.length - 1 === level) {
        // Adjacent leaves with the same text are one merged cell.
        let j = i + 1;
        while (j < columns.length && columns[j]!.header.length === path.length && columns[j]!.header.join('›') === path.join('›')) j++;
        row.push({ text: path[level]!, colspan: j - i, rowspan: depth - level });
        i = j;
        continue;
      }
      // A group label spans the following columns that share the path down to this level.
      let j = i + 1;
      const prefix = path.slice(0, level + 1).join('›');
      while (j < columns.length && columns[j]!.header.length - 1 > level && columns[j]!.header.slice(0, level + 1).join('›') === prefix) j++;
      row.push({ text: path[level]!, colspan: j - i, rowspan: 1 });
      i = j;
    }
    rows.push(row);
  }
  return rows;
}

/** The value of every fact, by table|row|measure. */
function factValues(doc: Disclosure): Map<string, string> {
  return new Map(doc.facts.map((f) => [`${f.table}|${f.row}|${f.measure}`, f.value]));
}

function rowCells(t: TableInstance, r: TableRow, columns: LayoutColumn[], values: Map<string, string>): string[] {
  return columns.map((c) => {
    if (c.kind === 'amount') {
      const v = values.get(`${t.id}|${r.index}|${c.measure}`);
      return v === undefined ? '' : printAmount(v, t.unit, t.decimals);
    }
    if (c.kind === 'code') {
      const codeCols = columns.filter((x) => x.kind === 'code');
      // Tables without a unit-code column print a unit's code in the code column (基本支出表).
      if (!r.code) return r.kind === 'unit' && codeCols.length === 1 && !columns.some((x) => x.kind === 'unitCode') ? (r.unitCode ?? '') : '';
      if (codeCols.length === 1) return r.code;
      return CODE_SPLIT(r.code)[codeCols.indexOf(c)] ?? '';
    }
    // A unit row prints its code only when it cannot pass for a classification code (3/5/7 digits).
    if (c.kind === 'unitCode') return r.kind === 'detail' || (r.kind === 'unit' && (r.unitCode?.length ?? 0) >= 6) ? (r.unitCode ?? '') : '';
    if (r.kind === 'total') return '合计';
    return r.project ?? r.label;
  });
}

function statementBody(t: TableInstance, spec: ProfileTable, columns: LayoutColumn[], values: Map<string, string>): LayoutRow[] {
  // Rows printed on one line (an income item beside an expenditure item) share their source line;
  // a second row of the same side from that line (Shaanxi's 基本支出 beside 一般公共服务支出, read
  // from another column group) gets a line of its own.
  const lines = new Map<number, TableRow[][]>();
  for (const r of t.rows) {
    const printed = lines.get(r.source.line) ?? [];
    const free = printed.find((rows) => !rows.some((x) => x.side === r.side));
    if (free) free.push(r);
    else printed.push([r]);
    lines.set(r.source.line, printed);
  }
  const sides = spec.sides ?? [];
  return [...lines.values()].flat().map((rows) => {
    const cells = columns.map(() => '');
    for (const r of rows) {
      const side = sides.find((s) => s.side === r.side) ?? sides[0]!;
      columns.forEach((c, i) => {
        if (c.index === side.labelColumn && c.kind === 'label') cells[i] = r.label;
        const m = side.measures.find((x) => x.column === c.index);
        if (m && c.kind === 'amount') {
          const v = values.get(`${t.id}|${r.index}|${m.measure}`);
          if (v !== undefined) cells[i] = printAmount(v, t.unit, t.decimals);
        }
      });
    }
    return { cells, kind: rows[0]!.kind };
  });
}

function performanceBody(doc: Disclosure, spec: ProfileTable): LayoutRow[] {
  const rows: LayoutRow[] = [];
  const perf = doc.performance;
  if (spec.layout === 'projectPerformance') {
    for (const p of perf.projects) {
      const amount = p.amount ? printAmount(p.amount, p.unit, 2) : '';
      const head = [p.unitName ?? '', p.name, amount, p.goal];
      if (p.indicators.length === 0) rows.push({ cells: [...head, '', '', '', '', '', '', '', ''], kind: 'project' });
      p.indicators.forEach((ind, i) =>
        rows.push({
          cells: [
            ...(i === 0 ? head : ['', '', '', '']),
            ind.level1,
            ind.level2,
            ind.level3,
            ind.nature,
            ind.value,
            ind.measureUnit,
            ind.weight ?? '',
            ind.direction ?? '',
          ],
          kind: i === 0 ? 'project' : 'indicator',
        }),
      );
    }
    return rows;
  }
  const d = perf.department;
  if (!d) return rows;
  const amt = (v: string | null) => (v ? printAmount(v, d.unit, 2) : '');
  const blank = (cells: string[]) => [...cells, ...new Array(8 - cells.length).fill('')];
  rows.push({ cells: blank(['年度部门整体支出预算', '资金总额', '财政拨款', '其他资金']), spans: [1, 1, 1, 5, 0, 0, 0, 0], kind: 'funds' });
  rows.push({ cells: blank(['', amt(d.totalFunds), amt(d.fiscalFunds), amt(d.otherFunds)]), spans: [1, 1, 1, 5, 0, 0, 0, 0], kind: 'funds' });
  if (d.goal) rows.push({ cells: blank(['年度总体目标', d.goal]), spans: [1, 7, 0, 0, 0, 0, 0, 0], kind: 'goal' });
  if (d.tasks.length) {
    rows.push({ cells: blank(['年度主要任务', '任务名称', '', '主要内容']), spans: [1, 2, 0, 5, 0, 0, 0, 0], kind: 'task' });
    for (const task of d.tasks) rows.push({ cells: blank(['', task.name, '', task.content]), spans: [1, 2, 0, 5, 0, 0, 0, 0], kind: 'task' });
  }
  if (d.indicators.length) {
    rows.push({ cells: ['年度绩效指标', '一级指标', '二级指标', '三级指标', '绩效指标性质', '绩效指标值', '绩效度量单位', '权重'], kind: 'indicator' });
    for (const ind of d.indicators)
      rows.push({ cells: ['', ind.level1, ind.level2, ind.level3, ind.nature, ind.value, ind.measureUnit, ind.weight ?? ''], kind: 'indicator' });
  }
  return rows;
}

export function layoutTable(doc: Disclosure, spec: ProfileTable, values = factValues(doc)): TableLayout {
  const t = doc.tables.find((x) => x.id === spec.id);
  const columns = tableColumns(spec, doc.meta.kind);
  const base = {
    id: spec.id,
    number: spec.number,
    title: spec.title,
    layout: spec.layout,
    unit: t?.unit ?? (doc.tables[0]?.unit || '万元'),
    department: doc.meta.department,
    columns,
    header: headerRows(columns).map((r) => r.map((c) => ({ ...c, text: c.text.replace('{department}', doc.meta.department) }))),
  };
  if (!t) return { ...base, body: [], present: false, empty: true, note: '注：本表无数据' };
  let body: LayoutRow[];
  if (spec.layout === 'statement') body = statementBody(t, spec, columns, values);
  else if (spec.layout === 'classTree') body = t.empty ? [] : t.rows.map((r) => ({ cells: rowCells(t, r, columns, values), kind: r.kind }));
  else body = performanceBody(doc, spec);
  const empty = t.empty || body.length === 0;
  return { ...base, body: empty && spec.layout === 'classTree' ? [] : body, present: true, empty, note: t.note ?? (empty ? '注：本表无数据' : null) };
}

/** Charts of the expenditure structure: function classes, 基本/项目, 三公. */
export function chartSpecs(doc: Disclosure): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const values = factValues(doc);
  const summary = doc.tables.find((t) => t.role === 'summary');
  if (summary) {
    const data = summary.rows
      .filter((r) => r.side === 'expenditure' && r.code)
      .map((r) => ({ label: r.label.replace(/^[一二三四五六七八九十]+、/, ''), value: values.get(`${summary.id}|${r.index}|amount`) ?? '0' }))
      .filter((d) => toFen(d.value, summary.unit) > 0);
    if (data.length) charts.push({ id: 'classes', title: '支出功能分类结构', kind: 'bar', unit: summary.unit, data });
  }
  const spending = doc.tables.find((t) => t.role === 'expenditureByFunction');
  const total = spending?.rows.find((r) => r.kind === 'total');
  if (spending && total) {
    const data = ['basic', 'project', 'toSuperior', 'toSubsidiary']
      .map((m) => ({ label: (MEASURES as Record<string, string>)[m]!, value: values.get(`${spending.id}|${total.index}|${m}`) ?? '0' }))
      .filter((d) => toFen(d.value, spending.unit) > 0);
    if (data.length) charts.push({ id: 'basic-project', title: '基本支出与项目支出', kind: 'pie', unit: spending.unit, data });
  }
  const tp = doc.tables.find((t) => t.role === 'gpbThreePublic');
  const tpTotal = tp?.rows.find((r) => r.kind === 'total');
  if (tp && tpTotal) {
    const data = ['abroad', 'vehiclePurchase', 'vehicleOperation', 'reception']
      .map((m) => ({ label: (MEASURES as Record<string, string>)[m]!, value: values.get(`${tp.id}|${tpTotal.index}|${m}`) ?? '0' }))
      .filter((d) => toFen(d.value, tp.unit) > 0);
    if (data.length) charts.push({ id: 'three-public', title: '“三公”经费构成', kind: 'pie', unit: tp.unit, data });
  }
  return charts;
}

export interface LayoutInputs {
  /** 概况 paragraphs a person supplies (duties, main work); never invented. */
  duties: string[];
  tasks: string[];
}

/** 第一部分 … 第四部分: the part titles in the profile's wording. */
export function partTitles(profile: Profile, dept: string, year: number | null, kindName: string): DocumentLayout['parts'] {
  const y = year ? `${year}年` : '';
  const pt = profile.narrative.partTitles;
  return {
    overview: `第一部分 ${dept}${pt.overview}`,
    tables: `第二部分 ${dept}${y}${pt.tables}`,
    narrative: `第三部分 ${dept}${y}${kindName}${pt.narrative}`,
    glossary: `第四部分 ${pt.glossary}`,
  };
}

/** A disclosure with no data, for a profile: what the preparer's template is laid out from. */
export function emptyDisclosure(profile: Profile): Disclosure {
  return {
    schemaVersion: 1,
    meta: {
      title: '',
      department: '',
      region: profile.region,
      level: profile.level,
      fiscalYear: profile.years[profile.years.length - 1] ?? null,
      kind: profile.kind,
      scope: profile.scope,
      profile: profile.id,
      source: { file: '', format: 'xlsx', sha256: '', lines: 0 },
    },
    units: [],
    toc: [],
    tables: [],
    facts: [],
    narrative: { sections: [], sentences: [], claims: [] },
    performance: { declaredTotal: null, declaredTotalSource: null, projects: [], department: null },
    other: { vehicles: [], procurement: [], operatingCost: null, largeAssets: null, projectCounts: [], unitCounts: null },
    glossary: [],
    readerNotes: [],
  };
}

/** The whole disclosure laid out. */
export function layoutDisclosure(doc: Disclosure, profile: Profile, narrative: GeneratedNarrative, inputs: LayoutInputs): DocumentLayout {
  const dept = doc.meta.department;
  const year = doc.meta.fiscalYear;
  const kindName = `${doc.meta.scope === 'unit' ? '单位' : '部门'}${KINDS[doc.meta.kind]}`;
  const y = year ? `${year}年` : '';
  const parts = partTitles(profile, dept, year, kindName);
  const values = factValues(doc);
  const overview: Section[] = [];
  overview.push({ heading: '一、基本职能及主要工作', level: 1, paragraphs: [...inputs.duties, ...inputs.tasks] });
  overview.push({
    heading: `二、${kindName.slice(0, 2)}预算单位构成`,
    level: 1,
    paragraphs: [`${dept}${kindName.slice(0, 2) === '部门' ? '下属' : ''}预算单位 ${doc.units.length} 个。`],
  });
  return {
    version: LAYOUT_VERSION,
    profileId: profile.id,
    profileName: profile.name,
    title: `${dept}${y}${kindName}`,
    department: dept,
    year,
    kindName,
    cover: [dept, `${y}${kindName}`],
    parts,
    overview,
    units: doc.units,
    tables: profile.tables.map((spec) => layoutTable(doc, spec, values)),
    narrative: narrative.sections,
    glossary: doc.glossary.length ? doc.glossary.map((g) => ({ term: g.term, definition: g.definition })) : DEFAULT_GLOSSARY,
    charts: chartSpecs(doc),
  };
}

/** Standard terms (财预〔2016〕143号 and the usual 名词解释), for a disclosure that supplies none. */
export const DEFAULT_GLOSSARY: { term: string; definition: string }[] = [
  { term: '财政拨款收入', definition: '指本级财政当年拨付的资金。' },
  { term: '上年结转', definition: '指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。' },
  { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。' },
  { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
  {
    term: '“三公”经费',
    definition: '纳入财政预决算管理的“三公”经费，是指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。',
  },
  { term: '机关运行经费', definition: '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。' },
];
