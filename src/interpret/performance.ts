// 绩效目标表: project targets (one project = name, amount, goal, indicators) and the department-wide
// table. PDF extraction of these tables is messy: the project's merged name cell is vertically
// centred, so its text line can come after some of the project's indicator lines; goal text wraps
// across page breaks. Indicators are therefore read by content (the 指标性质 cell anchors a row), and
// the boundaries between neighbouring projects are placed where each project's weights add up to
// the profile's total — the name line alone does not say where a project starts.

import type { AmountUnit } from '../money/amount.js';
import type { DepartmentPerformance, PerformanceIndicator, PerformanceProject, Provenance } from '../model/types.js';
import type { RawRow, RawTable } from '../read/raw.js';
import { compact, readAmount } from './common.js';

const NATURE = /^(≥|≤|=|＝|>|<|＞|＜|≧|≦|定性|定量)$/;
const LEVEL1 = /^(产出|效益|满意度|成本|效果|影响)指标$/;
const DIRECTION = /^(正向|反向)(指标)?$/;

const NATURE_CANON: Record<string, string> = { '＝': '=', '≧': '≥', '≦': '≤', '＞': '>', '＜': '<' };

interface IndicatorCells {
  level1: string | null;
  level2: string | null;
  level3: string;
  nature: string;
  value: string;
  measureUnit: string;
  weight: string | null;
  direction: string | null;
  /** Cells of the row before the indicator part. */
  prefix: string[];
}

export function parseIndicatorCells(cells: string[]): IndicatorCells | null {
  const ni = cells.findIndex((c) => NATURE.test(c.trim()));
  if (ni < 0) return null;
  const before = cells.slice(0, ni);
  const l1 = before.findIndex((c) => LEVEL1.test(compact(c)));
  const names = (l1 >= 0 ? before.slice(l1) : before).map((c) => c.trim()).filter(Boolean);
  let level1: string | null = null;
  let level2: string | null = null;
  let level3: string;
  if (l1 >= 0) level1 = compact(names.shift() ?? '');
  // Without a 一级 cell, only the trailing 二级/三级 cells of the row belong to the indicator.
  if (names.length >= 2) {
    level2 = compact(names[names.length - 2]!);
    level3 = names[names.length - 1]!;
  } else level3 = names[0] ?? '';
  if (l1 < 0 && level2 && !/指标$/.test(level2)) level2 = null;
  const after = cells.slice(ni + 1).map((c) => c.trim());
  // value, unit (may be empty), weight, direction (optional); blank cells are unreliable, so read by content.
  const nonEmpty = after.filter(Boolean);
  let direction: string | null = null;
  if (nonEmpty.length && DIRECTION.test(nonEmpty[nonEmpty.length - 1]!)) direction = nonEmpty.pop()!;
  const value = nonEmpty.shift() ?? '';
  let weight: string | null = null;
  if (nonEmpty.length && /^\d+(\.\d+)?$/.test(nonEmpty[nonEmpty.length - 1]!)) weight = nonEmpty.pop()!;
  const measureUnit = nonEmpty.join('');
  return {
    level1,
    level2,
    level3,
    nature: NATURE_CANON[cells[ni]!.trim()] ?? cells[ni]!.trim(),
    value,
    measureUnit,
    weight,
    direction,
    prefix: l1 >= 0 ? cells.slice(0, l1) : before.slice(0, Math.max(0, before.length - names.length)),
  };
}

function toIndicator(ind: IndicatorCells, level1: string, level2: string, source: Provenance): PerformanceIndicator {
  const { level3, nature, value, measureUnit, weight, direction } = ind;
  return { level1, level2, level3, nature, value, measureUnit, weight, direction, source };
}

type Event =
  | { type: 'project'; name: string; amount: string; goal: string; unitName: string | null; source: Provenance }
  | { type: 'indicator'; indicator: PerformanceIndicator; ownRow: boolean }
  | { type: 'goal'; text: string }
  | { type: 'unit'; name: string };

const src = (raw: RawTable, r: RawRow): Provenance => ({ line: r.line, table: raw.tableId, ...(r.page ? { page: r.page } : {}) });

export interface ProjectTableResult {
  declaredTotal: string | null;
  declaredTotalSource: Provenance | null;
  projects: PerformanceProject[];
  /** Unit markers in reading order, with the index of the project nearest to each. */
  unitMarkers: { name: string; nearProject: number }[];
}

export function interpretProjectPerformance(raw: RawTable, unit: AmountUnit, weightTotal: number): ProjectTableResult {
  const events: Event[] = [];
  let declaredTotal: string | null = null;
  let declaredTotalSource: Provenance | null = null;
  let pendingUnit: string | null = null;
  let inherited: { level1: string | null; level2: string | null } = { level1: null, level2: null };

  for (const r of raw.rows) {
    const cells = r.cells;
    const joined = cells.join('');
    if (joined.includes('一级指标') && joined.includes('权重')) continue;
    if (cells.length === 1) {
      const t = cells[0]!.trim();
      if (/^\d{3,}-/.test(t)) {
        pendingUnit = t.replace(/^\d{3,}-/, '');
        events.push({ type: 'unit', name: pendingUnit });
      } else if (pendingUnit !== null && t.length <= 20 && !/\d/.test(t)) {
        const last = events[events.length - 1];
        if (last?.type === 'unit') last.name += t;
      }
      continue;
    }
    const ind = parseIndicatorCells(cells);
    const prefix = ind ? ind.prefix : cells;
    const head = parseProjectCells(prefix);
    if (head?.kind === 'total' && head.amount) {
      declaredTotal = head.amount;
      declaredTotalSource = src(raw, r);
    } else if (head?.kind === 'project')
      events.push({ type: 'project', name: head.name, amount: head.amount, goal: head.goal, unitName: head.unitName, source: src(raw, r) });
    else if (head?.kind === 'goal') events.push({ type: 'goal', text: head.goal });
    if (ind) {
      const level1 = ind.level1 ?? inherited.level1 ?? '';
      const level2 = ind.level2 ?? (ind.level1 ? null : inherited.level2) ?? '';
      inherited = { level1, level2 };
      events.push({ type: 'indicator', ownRow: head?.kind === 'project', indicator: toIndicator(ind, level1, level2, src(raw, r)) });
    }
  }
  return { ...segment(events, declaredTotal, unit, weightTotal), declaredTotalSource };
}

type Head = { kind: 'total' | 'project' | 'goal'; name: string; amount: string; goal: string; unitName: string | null };

function parseProjectCells(cells: string[]): Head | null {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length === 0) return null;
  const ai = filled.findIndex((c) => /^[\d,]+\.\d{1,6}$|^\d{1,3}(,\d{3})+$/.test(c));
  if (ai < 0) {
    const text = filled.join('');
    return text.length >= 6 ? { kind: 'goal', name: '', amount: '', goal: text, unitName: null } : null;
  }
  const amount = readAmount(filled[ai]) ?? '';
  const before = filled.slice(0, ai);
  const goal = filled.slice(ai + 1).join('');
  const last = before[before.length - 1] ?? '';
  if (/^\d{3,}-/.test(last) && before.length === 1) return { kind: 'total', name: last, amount, goal, unitName: last.replace(/^\d{3,}-/, '') };
  const unitName = before.length >= 2 ? before[0]!.replace(/^\d{3,}-/, '') : null;
  return { kind: 'project', name: last.replace(/\s+/g, ''), amount, goal, unitName };
}

/** Assign indicators to projects: by default to the project above; then move boundary runs where that makes weights add up. */
function segment(events: Event[], declaredTotal: string | null, unit: AmountUnit, weightTotal: number): Omit<ProjectTableResult, 'declaredTotalSource'> {
  const projects: {
    head: Extract<Event, { type: 'project' }>;
    seg: Extract<Event, { type: 'indicator' }>[];
    goals: { text: string; at: number }[];
  }[] = [];
  const leading: Extract<Event, { type: 'indicator' }>[] = [];
  const unitMarkers: { name: string; nearProject: number }[] = [];
  for (const e of events) {
    const cur = projects[projects.length - 1];
    if (e.type === 'project') projects.push({ head: e, seg: [], goals: [{ text: e.goal, at: -1 }] });
    else if (e.type === 'indicator') (cur ? cur.seg : leading).push(e);
    else if (e.type === 'goal') cur?.goals.push({ text: e.text, at: cur.seg.length });
    else unitMarkers.push({ name: e.name, nearProject: Math.max(0, projects.length - 0.5) });
  }
  if (projects.length === 0) return { declaredTotal, projects: [], unitMarkers };
  projects[0]!.seg.unshift(...leading);

  const w = (xs: Extract<Event, { type: 'indicator' }>[]) => xs.reduce((s, x) => s + Math.round(Number(x.indicator.weight ?? 0) * 1000), 0);
  const target = Math.round(weightTotal * 1000);
  const n = projects.length;
  // dp over k (indicators moved from the end of segment i to project i+1).
  type Cell = { score: number; moves: number; prev: number };
  let prevRow: Map<number, Cell> = new Map([[0, { score: 0, moves: 0, prev: -1 }]]);
  const choices: Map<number, Cell>[] = [];
  for (let i = 0; i < n; i++) {
    const seg = projects[i]!.seg;
    const own = seg.length > 0 && seg[0]!.ownRow ? 1 : 0;
    const row = new Map<number, Cell>();
    for (const [kPrev, cell] of prevRow) {
      const incoming = i > 0 ? projects[i - 1]!.seg.slice(projects[i - 1]!.seg.length - kPrev) : [];
      const maxK = i === n - 1 ? 0 : seg.length - own;
      for (let k = 0; k <= maxK; k++) {
        const mine = [...incoming, ...seg.slice(0, seg.length - k)];
        const ok = w(mine) === target ? 1 : 0;
        const next = { score: cell.score + ok, moves: cell.moves + k, prev: kPrev };
        const best = row.get(k);
        if (!best || next.score > best.score || (next.score === best.score && next.moves < best.moves)) row.set(k, next);
      }
    }
    choices.push(row);
    prevRow = row;
  }
  const ks: number[] = new Array(n).fill(0);
  let k = 0;
  for (let i = n - 1; i >= 0; i--) {
    ks[i] = k;
    k = choices[i]!.get(k)!.prev;
  }
  const out: PerformanceProject[] = projects.map((p, i) => {
    const incoming = i > 0 ? projects[i - 1]!.seg.slice(projects[i - 1]!.seg.length - ks[i - 1]!) : [];
    const mine = [...incoming, ...p.seg.slice(0, p.seg.length - ks[i]!)];
    // Goal text printed beside indicators that moved to the next project moves with them.
    const prev = i > 0 ? projects[i - 1]! : null;
    const goalsIn = prev ? prev.goals.filter((g) => ks[i - 1]! > 0 && g.at >= 0 && g.at >= prev.seg.length - ks[i - 1]!) : [];
    const goalsKept = p.goals.filter((g) => ks[i] === 0 || g.at < 0 || g.at < p.seg.length - ks[i]!);
    return {
      unitCode: null,
      unitName: p.head.unitName,
      name: p.head.name,
      amount: p.head.amount || null,
      unit,
      goal: [...goalsIn, ...goalsKept].map((g) => g.text).join(''),
      indicators: mine.map((m) => m.indicator),
      source: p.head.source,
    };
  });
  return { declaredTotal, projects: joinRepeated(out), unitMarkers };
}

/** A project's merged cells printed again on a continuation page: the same project, its indicators continued. */
function joinRepeated(projects: PerformanceProject[]): PerformanceProject[] {
  const out: PerformanceProject[] = [];
  for (const p of projects) {
    const last = out[out.length - 1];
    if (last && p.name && last.name === p.name && last.amount === p.amount && last.unitName === p.unitName) {
      out[out.length - 1] = { ...last, indicators: [...last.indicators, ...p.indicators], goal: last.goal || p.goal };
    } else out.push(p);
  }
  return out;
}

export function interpretDepartmentPerformance(raw: RawTable, unit: AmountUnit): DepartmentPerformance {
  const result: DepartmentPerformance = {
    totalFunds: null,
    fiscalFunds: null,
    otherFunds: null,
    fundsSource: null,
    unit,
    goal: '',
    tasks: [],
    indicators: [],
    source: { line: raw.titleLine, table: raw.tableId },
  };
  let mode: 'head' | 'tasks' | 'indicators' = 'head';
  let labels: string[] | null = null;
  let inherited: { level1: string; level2: string } = { level1: '', level2: '' };
  for (const r of raw.rows) {
    const cells = r.cells.map((c) => c.trim());
    const first = cells[0] ?? '';
    if (labels) {
      result.fundsSource = src(raw, r);
      cells.forEach((c, i) => {
        const v = readAmount(c);
        const label = compact(labels![i] ?? '');
        if (!v) return;
        if (label === '资金总额') result.totalFunds = v;
        else if (label === '财政拨款') result.fiscalFunds = v;
        else if (label === '其他资金') result.otherFunds = v;
      });
      labels = null;
      continue;
    }
    if (cells.some((c) => compact(c) === '资金总额')) {
      labels = cells;
      continue;
    }
    if (compact(first) === '年度总体目标') {
      result.goal = cells.slice(1).filter(Boolean).join('');
      continue;
    }
    if (compact(first) === '年度主要任务') {
      mode = 'tasks';
      continue;
    }
    if (compact(first) === '年度绩效指标' || cells.some((c) => compact(c) === '一级指标')) {
      mode = 'indicators';
      continue;
    }
    if (mode === 'tasks') {
      const filled = cells.filter(Boolean);
      if (filled.length >= 2) result.tasks.push({ name: filled[0]!, content: filled.slice(1).join('') });
      else if (filled.length === 1 && result.tasks.length) result.tasks[result.tasks.length - 1]!.content += filled[0];
      continue;
    }
    const ind = parseIndicatorCells(r.cells);
    if (!ind) continue;
    const level1 = ind.level1 ?? inherited.level1;
    const level2 = ind.level2 ?? (ind.level1 ? '' : inherited.level2);
    inherited = { level1, level2 };
    result.indicators.push(toIndicator(ind, level1, level2, src(raw, r)));
  }
  return result;
}
