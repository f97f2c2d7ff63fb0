// A published table laid out for display: the model's rows and facts back in the printed
// column order, with each finding mapped onto the cells (or rows) its locations name.

import type { Disclosure, Fact, TableInstance, TableRow } from '../../../src/model/types.js';
import { measureName, termToId } from '../../../src/glossary.js';
import type { Finding } from './api';
import { fmtAmount } from './format';

export type Severity = 'error' | 'warning' | 'info';
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface CellView {
  text: string;
  amount: boolean;
  /** Indexes into the findings array of the findings that name this cell. */
  findings: number[];
  severity: Severity | null;
  /** Long prose (a goal, a task): shown in a wide column. */
  wide?: boolean;
  /** A longer name: wraps within a medium column. */
  wrap?: boolean;
  /** Printed rows this cell spans (a project's name over its indicators). */
  rowspan?: number;
}

export interface RowView {
  key: string;
  kind: string;
  line: number;
  /** Other source lines printed on this row (a project's own line beside its first indicator). */
  alsoLines?: number[];
  cells: CellView[];
}

export interface TableView {
  id: string;
  title: string;
  unit: string;
  columns: string[];
  rows: RowView[];
  note: string | null;
  empty: boolean;
  /** How far the document's own arithmetic confirms the reading (absent in versions stored before it was recorded). */
  reading: TableInstance['reading'] | null;
  /** Findings that concern this table (indexes into the findings array). */
  findings: number[];
}

function worst(a: Severity | null, b: Severity): Severity {
  return a && RANK[a] >= RANK[b] ? a : b;
}

function mark(cell: CellView, index: number, severity: Severity) {
  if (!cell.findings.includes(index)) cell.findings.push(index);
  cell.severity = worst(cell.severity, severity);
}

/** Measures of the given facts, in printed column order. */
function measuresOf(facts: Fact[]): string[] {
  const first = new Map<string, number>();
  for (const f of facts) {
    const c = f.source.column ?? 999;
    if (!first.has(f.measure) || c < (first.get(f.measure) ?? 999)) first.set(f.measure, c);
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([m]) => m);
}

interface Slot {
  row: TableRow;
  cells: Map<string, CellView>;
  label: CellView;
}

export function buildTableView(doc: Disclosure, table: TableInstance, findings: Finding[]): TableView {
  const facts = doc.facts.filter((f) => f.table === table.id);
  const byRow = new Map<number, Fact[]>();
  for (const f of facts) byRow.set(f.row, [...(byRow.get(f.row) ?? []), f]);
  const places = table.decimals;
  const cell = (text: string, amount = false): CellView => ({ text, amount, findings: [], severity: null });
  const slots = new Map<number, Slot>();
  const view: TableView = {
    id: table.id,
    title: table.printedTitle || table.title,
    unit: table.unit,
    columns: [],
    rows: [],
    note: table.note,
    empty: table.empty,
    reading: table.reading ?? null,
    findings: [],
  };

  const statement = table.rows.some((r) => r.side);
  if (statement) {
    const sides = (['income', 'expenditure'] as const).map((side) => {
      const rows = table.rows.filter((r) => r.side === side);
      return { side, measures: measuresOf(facts.filter((f) => rows.some((r) => r.index === f.row))) };
    });
    for (const s of sides) {
      view.columns.push(s.side === 'income' ? '收入项目' : '支出项目');
      for (const m of s.measures) view.columns.push(measureName(m));
    }
    const lines = [...new Set(table.rows.map((r) => r.source.line))].sort((a, b) => a - b);
    for (const line of lines) {
      const cells: CellView[] = [];
      for (const s of sides) {
        const row = table.rows.find((r) => r.source.line === line && r.side === s.side);
        const label = cell(row?.label ?? '');
        cells.push(label);
        const byMeasure = new Map<string, CellView>();
        for (const m of s.measures) {
          const f = row ? byRow.get(row.index)?.find((x) => x.measure === m) : undefined;
          const c = cell(f ? fmtAmount(f.value, places) : '', true);
          byMeasure.set(m, c);
          cells.push(c);
        }
        if (row) slots.set(row.index, { row, cells: byMeasure, label });
      }
      const kind = table.rows.find((r) => r.source.line === line)?.kind ?? 'item';
      view.rows.push({ key: `l${line}`, kind, line, cells });
    }
  } else {
    const measures = measuresOf(facts);
    const hasCode = table.rows.some((r) => r.code || r.unitCode);
    if (hasCode) view.columns.push('科目编码');
    view.columns.push(table.rows.some((r) => r.project) ? '项目（科目）名称' : '科目名称');
    for (const m of measures) view.columns.push(measureName(m));
    for (const row of table.rows) {
      const cells: CellView[] = [];
      if (hasCode) cells.push(cell(row.code ?? (row.kind === 'unit' ? (row.unitCode ?? '') : '')));
      const label = cell(row.label || (row.kind === 'department' ? doc.meta.department : ''));
      cells.push(label);
      const byMeasure = new Map<string, CellView>();
      for (const m of measures) {
        const f = byRow.get(row.index)?.find((x) => x.measure === m);
        const c = cell(f ? fmtAmount(f.value, places) : '', true);
        byMeasure.set(m, c);
        cells.push(c);
      }
      slots.set(row.index, { row, cells: byMeasure, label });
      view.rows.push({ key: `r${row.index}`, kind: row.kind, line: row.source.line, cells });
    }
  }

  findings.forEach((finding, i) => {
    const severity = finding.severity as Severity;
    let hit = false;
    for (const loc of finding.locations) {
      if (loc.table !== table.id) continue;
      hit = true;
      const targets: Slot[] =
        loc.row !== undefined && loc.row !== null
          ? [slots.get(loc.row)].filter((s): s is Slot => !!s)
          : [...slots.values()].filter((s) => s.row.source.line === loc.line);
      for (const slot of targets) {
        const measure = loc.measure ? (termToId(loc.measure) ?? loc.measure) : null;
        const target = measure ? slot.cells.get(measure) : undefined;
        if (target) mark(target, i, severity);
        else if (!measure && loc.value !== undefined) {
          // No measure named: the cell holding the quoted value, else the row's label.
          const byValue = [...slot.cells.values()].find((c) => c.text && c.text === fmtAmount(loc.value, places));
          mark(byValue ?? slot.label, i, severity);
        } else mark(slot.label, i, severity);
      }
    }
    if (hit) view.findings.push(i);
  });
  return view;
}

/** Finding indexes grouped by the table they name (a finding may name several tables). */
export function findingsByTable(findings: Finding[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  findings.forEach((f, i) => {
    for (const t of new Set(f.locations.map((l) => l.table).filter((x): x is string => !!x))) out.set(t, [...(out.get(t) ?? []), i]);
  });
  return out;
}

/** 绩效目标 tables: one printed row per indicator, findings matched by source line. */
export function buildPerformanceView(doc: Disclosure, table: TableInstance, findings: Finding[]): TableView {
  const cell = (text: string, amount = false): CellView => ({
    text,
    amount,
    findings: [],
    severity: null,
    ...(text.length > 30 ? { wide: true } : text.length > 10 ? { wrap: true } : {}),
  });
  const view: TableView = {
    id: table.id,
    title: table.printedTitle || table.title,
    unit: table.unit,
    columns: [],
    rows: [],
    note: table.note,
    empty: table.empty,
    reading: table.reading ?? null,
    findings: [],
  };
  const indicatorCells = (ind: Disclosure['performance']['projects'][number]['indicators'][number]) => [
    cell(ind.level1),
    cell(ind.level2),
    cell(ind.level3),
    cell(ind.nature),
    cell(ind.value),
    cell(ind.measureUnit),
    cell(ind.weight ?? ''),
    cell(ind.direction ?? ''),
  ];
  const indicatorColumns = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向'];
  if (table.role === 'departmentPerformance') {
    const dep = doc.performance.department;
    view.columns = ['项目', '内容', ...indicatorColumns];
    if (dep) {
      const pad = () => indicatorColumns.map(() => cell(''));
      const funds = dep.fundsSource?.line ?? dep.source.line;
      view.rows.push({ key: 'funds', kind: 'item', line: funds, cells: [cell('资金总额'), cell(fmtAmount(dep.totalFunds, table.decimals), true), ...pad()] });
      view.rows.push({ key: 'fiscal', kind: 'item', line: funds, cells: [cell('财政拨款'), cell(fmtAmount(dep.fiscalFunds, table.decimals), true), ...pad()] });
      view.rows.push({ key: 'other', kind: 'item', line: funds, cells: [cell('其他资金'), cell(fmtAmount(dep.otherFunds, table.decimals), true), ...pad()] });
      view.rows.push({ key: 'goal', kind: 'item', line: dep.source.line, cells: [cell('整体绩效目标'), cell(dep.goal), ...pad()] });
      dep.tasks.forEach((t, i) => view.rows.push({ key: `t${i}`, kind: 'item', line: -1, cells: [cell(t.name), cell(t.content), ...pad()] }));
      dep.indicators.forEach((ind, i) =>
        view.rows.push({ key: `i${i}`, kind: 'detail', line: ind.source.line, cells: [cell(i === 0 ? '绩效指标' : ''), cell(''), ...indicatorCells(ind)] }),
      );
    }
  } else {
    view.columns = ['单位', '项目名称', '金额', '年度绩效目标', ...indicatorColumns];
    doc.performance.projects.forEach((p, pi) => {
      const head = [cell(p.unitName ?? p.unitCode ?? ''), cell(p.name), cell(fmtAmount(p.amount, table.decimals), true), cell(p.goal)];
      if (!p.indicators.length) view.rows.push({ key: `p${pi}`, kind: 'item', line: p.source.line, cells: [...head, ...indicatorColumns.map(() => cell(''))] });
      if (p.indicators.length > 1) for (const c of head) c.rowspan = p.indicators.length;
      p.indicators.forEach((ind, i) =>
        view.rows.push({
          key: `p${pi}i${i}`,
          kind: i === 0 ? 'item' : 'detail',
          line: ind.source.line,
          ...(i === 0 ? { alsoLines: [p.source.line] } : {}),
          cells: [...(i === 0 ? head : []), ...indicatorCells(ind)],
        }),
      );
    });
  }
  findings.forEach((finding, i) => {
    let hit = false;
    for (const loc of finding.locations) {
      if (loc.table !== table.id) continue;
      hit = true;
      for (const row of view.rows) {
        if (row.line !== loc.line && !row.alsoLines?.includes(loc.line)) continue;
        const byValue =
          loc.value !== undefined ? row.cells.find((c) => c.text && (c.text === loc.value || c.text === fmtAmount(loc.value, table.decimals))) : undefined;
        mark(byValue ?? row.cells[1] ?? row.cells[0]!, i, finding.severity as Severity);
      }
    }
    if (hit) view.findings.push(i);
  });
  return view;
}

export function buildAnyTableView(doc: Disclosure, table: TableInstance, findings: Finding[]): TableView {
  return table.role === 'projectPerformance' || table.role === 'departmentPerformance' || (table.rows.length === 0 && /绩效/.test(table.title))
    ? buildPerformanceView(doc, table, findings)
    : buildTableView(doc, table, findings);
}
