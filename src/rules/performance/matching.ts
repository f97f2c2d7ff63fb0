// Pairs the projects of the performance-target table with the rows of the project table, and
// works out how much of each 功能科目 was carried over (上年结转, from the 一般公共预算支出表).
// Targets cover only current-year money: a target amount may fall short of the project by at
// most the carry-over of its 科目, and a project missing from the target table must be wholly
// carried over. Shared by reconcile.performance-vs-projects and performance.missing-targets.

import { matchProjectName, type NameMatch } from '../../interpret/project-names.js';
import { toFen } from '../../money/amount.js';
import type { DisclosureIndex } from '../../model/query.js';
import type { PerformanceProject, TableRow } from '../../model/types.js';

export interface ProjectRow {
  row: TableRow;
  fen: number;
  line: number;
  value: string;
}

export interface TargetMatch {
  project: PerformanceProject;
  amountFen: number | null;
  rows: ProjectRow[];
  match: NameMatch;
}

export interface ProjectMatching {
  matches: TargetMatch[];
  unmatchedRows: ProjectRow[];
  carryByCode: Map<string, number>;
  /** Carry-over left per code after covering shortfalls of matched projects. */
  carryLeft: Map<string, number>;
}

const cache = new WeakMap<DisclosureIndex, ProjectMatching | null>();

export function matchProjects(index: DisclosureIndex): ProjectMatching | null {
  if (cache.has(index)) return cache.get(index)!;
  const result = compute(index);
  cache.set(index, result);
  return result;
}

function compute(index: DisclosureIndex): ProjectMatching | null {
  const t32 = index.table('gpbProjects');
  const projects = index.doc.performance.projects;
  if (!t32 || projects.length === 0) return null;
  const rows: ProjectRow[] = t32.rows
    .filter((r) => r.kind === 'detail' && r.project)
    .map((r) => {
      const v = index.cell(t32.id, r.index, 'total');
      return { row: r, fen: v?.fen ?? 0, line: v?.fact.source.line ?? r.source.line, value: v?.fact.value ?? '' };
    });
  const carryByCode = new Map<string, number>();
  const t3 = index.table('gpbByFunction');
  if (t3)
    for (const r of t3.rows)
      if (r.kind === 'detail' && r.code) carryByCode.set(r.code, (carryByCode.get(r.code) ?? 0) + index.fen(t3.id, r.index, 'carryOver'));

  const used = new Set<ProjectRow>();
  const matches: TargetMatch[] = projects.map((p) => {
    const cands = rows.filter((r) => !used.has(r) && (!p.unitCode || !r.row.unitCode || r.row.unitCode === p.unitCode));
    const scored = cands.map((r) => ({ r, m: matchProjectName(r.row.project!, p.name) })).filter((x) => x.m !== 'none');
    const exact = scored.filter((x) => x.m === 'exact');
    const chosen = exact.length ? exact : scored;
    for (const c of chosen) used.add(c.r);
    return {
      project: p,
      amountFen: p.amount ? toFen(p.amount, p.unit) : null,
      rows: chosen.map((c) => c.r),
      match: chosen.length === 0 ? 'none' : exact.length ? 'exact' : 'similar',
    };
  });
  const unmatchedRows = rows.filter((r) => !used.has(r));
  // Shortfalls use up carry-over. A project spread over several 科目 draws first on the 科目 with
  // the most carry-over to spare after the projects that have no targets at all.
  const carryLeft = new Map(carryByCode);
  const demand = new Map<string, number>();
  for (const r of unmatchedRows) demand.set(r.row.code ?? '', (demand.get(r.row.code ?? '') ?? 0) + r.fen);
  const spare = (code: string) => (carryLeft.get(code) ?? 0) - (demand.get(code) ?? 0);
  const ordered = [...matches].sort((a, b) => new Set(a.rows.map((r) => r.row.code)).size - new Set(b.rows.map((r) => r.row.code)).size);
  for (const m of ordered) {
    if (m.amountFen === null || m.rows.length === 0) continue;
    let shortfall = m.rows.reduce((s, r) => s + r.fen, 0) - m.amountFen;
    const codes = [...new Set(m.rows.map((r) => r.row.code ?? ''))].sort((a, b) => spare(b) - spare(a));
    for (const code of codes) {
      if (shortfall <= 0) break;
      const take = Math.min(shortfall, carryLeft.get(code) ?? 0);
      carryLeft.set(code, (carryLeft.get(code) ?? 0) - take);
      shortfall -= take;
    }
  }
  return { matches, unmatchedRows, carryByCode, carryLeft };
}
