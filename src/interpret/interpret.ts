// RawDocument + profile → Disclosure. Pure: no I/O. Every reader feeds this one function.

import { documentTitle } from './title.js';
import { decimalsOf, fenToDecimal, isAmountText, proseToFen, toFen, type AmountUnit } from '../money/amount.js';
import {
  SCHEMA_VERSION,
  type BudgetUnit,
  type CountedBreakdown,
  type Disclosure,
  type Fact,
  type NumericClaim,
  type OtherFacts,
  type Performance,
  type Provenance,
  type TableInstance,
} from '../model/types.js';
import { readNarrative } from '../narrative/claims.js';
import { printedTableNumber } from '../profiles/titles.js';
import type { Profile } from '../profiles/types.js';
import type { RawDocument } from '../read/raw.js';
import { interpretClassTree, nestsByIndent } from './class-tree.js';
import { compact, newTable, normName, unitNameMatches, type InterpretContext } from './common.js';
import { interpretDepartmentPerformance, interpretProjectPerformance } from './performance.js';
import { departmentTableReliability, fundsThatAddUp, projectTableReliability } from './performance-check.js';
import { matchProjectName } from './project-names.js';
import { interpretStatement } from './statement.js';
import { chooseReading } from '../reading/choose.js';
import type { RawTable } from '../read/raw.js';

export function interpretDocument(raw: RawDocument, profile: Profile): Disclosure {
  const coverTitle = raw.cover.map((l) => l.text.trim()).join('');
  // Without a cover naming the year (a table-only attachment), the first table's title does.
  const title = /\d{4}\s*年/.test(coverTitle) || !raw.tables[0] ? coverTitle : raw.tables[0].printedTitle;
  // A table-only attachment whose titles carry no year prints it on a line of its own under a title ("（2026年度）").
  const yearMatch =
    /(\d{4})\s*年/.exec(title) ??
    raw.tables
      .flatMap((t) => t.rows.slice(0, 3).flatMap((r) => r.cells))
      .map((c) => /^[（(]?(\d{4})年度?[)）]?$/.exec(c.replace(/\s+/g, '')))
      .find((m) => m !== null) ??
    null;
  // "预算主管部门：上海市普陀区司法局" names the department outright; else it is what precedes the year.
  const NAMED = /(主管部门|部门名称|编制部门|编制单位|单位名称|部门)[:：]\s*([^\s:：]{2,40})/;
  // A table-only attachment has no cover: its tables' 部门名称 lines name the department.
  const named = NAMED.exec(raw.cover.map((l) => l.text).join(' ')) ?? NAMED.exec(raw.tables.map((t) => t.unitText ?? '').join(' '));
  // …or, when neither they nor the title name it, a "部门名称 | 北京市审计局" row of a table (the
  // 部门整体支出绩效目标表). Column headings ("单位名称 | 项目名称") are not names.
  const namedInRow = () =>
    raw.tables
      .flatMap((t) => t.rows.slice(0, 4))
      .map((r) => r.cells.map((c) => c.replace(/\s+/g, '')).filter((c) => c !== ''))
      .map((cs) =>
        /^(部门|单位)名称[:：]?$/.test(cs[0] ?? '') && /^[^\d:：]{2,40}$/.test(cs[1] ?? '') && !/(名称|编码|代码|项目|科目)$/.test(cs[1] ?? '') ? cs[1]! : null,
      )
      .find((m) => m !== null) ?? null;
  // "2026年度福州市公安局交通管理支队单位预算": with the year first, the name follows it.
  const afterYear = yearMatch ? /^[^\d]*?\d{4}\s*年度?\s*(.{2,40}?)(部门|单位)?(综合)?(预算|决算)/.exec(title.slice(yearMatch.index))?.[1] : undefined;
  const beforeYear = yearMatch ? title.slice(0, yearMatch.index) : title;
  const fromTitle = yearMatch ? beforeYear.replace(/\s+/g, '') || afterYear : '';
  const department = (named ? named[2]! : fromTitle || namedInRow() || title).replace(/\s+/g, '') || '未知部门';
  const overview = readOverview(raw);
  const kind = /决算/.test(title) ? 'final' : 'budget';
  const ctx: InterpretContext = { department, kind, fiscalYear: yearMatch ? Number(yearMatch[1]) : null, unitNames: overview.unitNames, notes: [] };

  const tables: TableInstance[] = [];
  const facts: Fact[] = [];
  const performance: Performance = { declaredTotal: null, declaredTotalSource: null, projects: [], department: null };
  let unitMarkers: { name: string; nearProject: number }[] = [];
  const seen = new Set<string>();
  const unreliable = (id: string, rt: RawTable, why: string) =>
    ctx.notes.push({
      message: `表${id}“${rt.printedTitle}”（绩效目标表）未能可靠读取（${why}），本次未核对其指标`,
      source: { line: rt.titleLine, ...(rt.page ? { page: rt.page } : {}) },
    });
  for (const rt of raw.tables) {
    const spec = profile.tables.find((t) => t.id === rt.tableId);
    if (!spec) continue;
    if (seen.has(spec.id)) {
      ctx.notes.push({ message: `表${spec.id}“${spec.title}”在正文中出现多次，只读取第一次`, source: { line: rt.titleLine } });
      continue;
    }
    seen.add(spec.id);
    const unit: AmountUnit = rt.unit ?? profile.amountUnit;
    if (spec.layout === 'listing') {
      // Recognised, so not reported missing or unknown; its figures are not modelled.
      const printsAmounts = rt.rows.some((r) => r.cells.some((c) => /\d\.\d{2}$|\d,\d{3}/.test(c)));
      tables.push({ ...newTable(spec, rt, unit, 2), empty: !printsAmounts });
    } else if (spec.layout === 'projectPerformance') {
      // Read by position, the table is checked only when a reading of it holds together
      // (performance-check.ts); of the candidate readings the one that holds best is taken.
      const readings = [{ why: '', rows: rt.rows }, ...(rt.candidates ?? [])].map((c) => {
        const r = interpretProjectPerformance({ ...rt, rows: c.rows }, unit, profile.performance.weightTotal);
        return { r, check: raw.layout === 'positioned' ? projectTableReliability(r.projects, profile.performance.weightTotal) : null };
      });
      const { r, check } = readings.reduce((a, b) => (b.check && a.check && b.check.score > a.check.score ? b : a));
      if (check && !check.reliable) unreliable(spec.id, rt, check.why);
      else {
        performance.declaredTotal = r.declaredTotal;
        performance.declaredTotalSource = r.declaredTotalSource;
        performance.projects = r.projects;
        unitMarkers = r.unitMarkers;
      }
      tables.push({ ...newTable(spec, rt, unit, 2), empty: check ? rt.rows.length === 0 : r.projects.length === 0 });
    } else if (spec.layout === 'departmentPerformance') {
      const readings = [{ why: '', rows: rt.rows }, ...(rt.candidates ?? [])].map((c) => {
        const d = interpretDepartmentPerformance({ ...rt, rows: c.rows }, unit);
        return { d, check: raw.layout === 'positioned' ? departmentTableReliability(d, profile.performance.weightTotal) : null };
      });
      const { d, check } = readings.reduce((a, b) => (b.check && a.check && b.check.score > a.check.score ? b : a));
      if (check && !check.reliable) unreliable(spec.id, rt, check.why);
      else performance.department = check ? fundsThatAddUp(d) : d;
      tables.push({ ...newTable(spec, rt, unit, 2), empty: check ? rt.rows.length === 0 : d.indicators.length === 0 });
    } else {
      const readOne = (rows: RawTable['rows'], byIndent = false) => {
        const notes: InterpretContext['notes'] = [];
        const local = { ...ctx, notes };
        const v = { ...rt, rows };
        const read = spec.layout === 'statement' ? interpretStatement(v, spec, unit, local) : interpretClassTree(v, spec, unit, local, { byIndent });
        // A number finer than the table's unit allows (2021.032022 in a 元 table: a date run into a
        // year) is no amount of that table: left out, and said so.
        const fine = read.facts.filter((f) => !fitsUnit(f.value, f.unit));
        for (const f of fine)
          notes.push({
            message: `表${spec.id}“${f.label}”中的“${f.value}”超出${f.unit}的精度，不是金额，已忽略`,
            source: { line: f.source.line, ...(f.source.page ? { page: f.source.page } : {}) },
          });
        // A number with more decimals than the rest of its table (174,900.64101 among x.xx) is two
        // cells run together or a wrapped one: not to be trusted as printed, and not 0 either.
        const finest = Math.max(read.table.decimals, 2);
        const glued = read.facts.filter((f) => !fine.includes(f) && decimalsOf(f.value) > finest);
        for (const f of glued)
          notes.push({
            message: `表${spec.id}“${f.label}”中的“${f.value}”比表中其他金额多出小数位（相邻单元格的数字粘连或折行），未能可靠读取，已忽略`,
            source: { line: f.source.line, ...(f.source.page ? { page: f.source.page } : {}) },
          });
        const left = [...fine, ...glued];
        return { ...read, facts: left.length ? read.facts.filter((f) => !left.includes(f)) : read.facts, notes };
      };
      const defaults = [{ why: '', rows: rt.rows }, ...(rt.candidates ?? [])];
      // The glued number's own digits as the table's precision allows, when the identities confirm it.
      const cut = truncatedToPrecision(rt.rows);
      if (cut) defaults.push({ why: '小数位多于表中其他金额的数字按表的精度截断', rows: cut });
      const variants = defaults.map((c) => ({ why: c.why, ...readOne(c.rows) }));
      // How rows nest, where a names-only table also shows it by indent.
      if (spec.layout !== 'statement' && nestsByIndent(rt, spec)) variants.push({ why: '按科目名称的缩进确定层级', ...readOne(rt.rows, true) });
      const { chosen, index, scores } = chooseReading(variants, profile);
      ctx.notes.push(...(chosen as (typeof variants)[number]).notes);
      if (index > 0)
        ctx.notes.push({
          message: `表${spec.id}“${rt.printedTitle}”按另一种读法读取（${chosen.why}）：表内恒等关系的印证得分 ${scores[index]}，默认读法 ${scores[0]}`,
          source: { line: rt.titleLine, ...(rt.page ? { page: rt.page } : {}) },
        });
      tables.push(chosen.table);
      facts.push(...chosen.facts);
    }
  }

  const units = buildUnits(overview.unitNames, tables);
  assignProjectUnits(performance, tables, units, unitMarkers);
  const narrative = readNarrative(raw.narrative);
  const other = otherFacts([...overview.claims, ...narrative.claims]);
  fillUnitTypesByCount(units, other.unitCounts);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      // The title proper (no date, 保密审查 text or paragraph after it), else a short one made of what was read.
      title: titled(documentTitle(title), title, department, year, kind),
      department,
      region: profile.region,
      level: profile.level,
      fiscalYear: year,
      kind,
      scope: /单位预算|单位决算/.test(title) ? 'unit' : profile.scope,
      profile: profile.id,
      source: { file: raw.file, format: raw.format, sha256: raw.sha256, lines: raw.lineCount },
    },
    units,
    toc: raw.toc.map((l) => ({
      title: l.text.trim().replace(/^[-•]\s*/, ''),
      number: printedTableNumber(l.text),
      source: { line: l.line },
    })),
    tables,
    facts,
    narrative: {
      sections: narrative.sections,
      sentences: narrative.sentences,
      claims: narrative.claims,
    },
    performance,
    other,
    glossary: readGlossary(raw),
    readerNotes: [...ctx.notes, ...raw.unrecognisedTitles.map((l) => ({ message: `未识别的表格标题“${l.text.trim()}”`, source: { line: l.line } }))],
  };
}

interface Overview {
  unitNames: string[];
  claims: NumericClaim[];
  unitListSource: Provenance | null;
}

function readOverview(raw: RawDocument): Overview {
  const unitNames: string[] = [];
  let unitListSource: Provenance | null = null;
  let inList = false;
  for (const l of raw.overview) {
    const cells = l.text.split('\t').map((c) => c.trim());
    if (cells.length >= 2 && /单位名称/.test(cells[1] ?? '')) {
      inList = true;
      unitListSource = { line: l.line };
      continue;
    }
    if (inList && cells.length >= 2 && /^\d+$/.test(cells[0] ?? '') && cells[1]) unitNames.push(cells[1]);
    else if (inList && cells.length < 2) inList = false;
  }
  const claims = readNarrative(raw.overview, 'o').claims.map((c) => ({ ...c, section: '概况' }));
  return { unitNames, claims, unitListSource };
}

function buildUnits(listed: string[], tables: TableInstance[]): BudgetUnit[] {
  const spending = tables.find((t) => t.role === 'expenditureByFunction');
  const unitRows = (spending?.rows ?? []).filter((r) => r.kind === 'unit');
  const units: BudgetUnit[] = listed.map((name) => ({ code: null, name, type: null, typeBasis: null }));
  for (const r of unitRows) {
    const u = units.find((x) => normName(x.name) === normName(r.label)) ?? units.find((x) => unitNameMatches(r.label, x.name));
    if (u) u.code ??= r.unitCode;
    else units.push({ code: r.unitCode, name: r.label, type: null, typeBasis: null });
  }
  // 行政运行 is only budgeted by administrative units, 事业运行 only by public institutions.
  for (const u of units) {
    if (!u.code || !spending) continue;
    const items = spending.rows.filter((r) => r.unitCode === u.code && r.code).map((r) => compact(r.label));
    if (items.includes('行政运行')) u.type = '行政单位';
    else if (items.includes('事业运行')) u.type = '事业单位';
    if (u.type) u.typeBasis = 'inferred';
  }
  return units;
}

/**
 * "下属预算单位 4 个，其中行政单位 3 个，事业单位 1 个": when the stated counts leave exactly one
 * type unaccounted for, the units whose type could not be inferred from their rows have it.
 */
function fillUnitTypesByCount(units: BudgetUnit[], counts: CountedBreakdown | null) {
  if (!counts || counts.parts.length === 0) return;
  const family = (t: string) => (/行政|参公|参照公务员/.test(t) ? '行政' : /事业/.test(t) ? '事业' : t);
  const unknown = units.filter((u) => !u.type);
  if (unknown.length === 0) return;
  const spare = counts.parts.filter((p) => Number(p.value) > units.filter((u) => u.type && family(u.type) === family(p.label)).length);
  if (spare.length !== 1) return;
  const need = Number(spare[0]!.value) - units.filter((u) => u.type && family(u.type) === family(spare[0]!.label)).length;
  if (need !== unknown.length) return;
  for (const u of unknown) {
    u.type = spare[0]!.label;
    u.typeBasis = 'inferred';
  }
}

function assignProjectUnits(performance: Performance, tables: TableInstance[], units: BudgetUnit[], markers: { name: string; nearProject: number }[]) {
  const projects = tables.find((t) => t.role === 'gpbProjects');
  const rows = (projects?.rows ?? []).filter((r) => r.project);
  performance.projects.forEach((p, i) => {
    const hits = rows.filter((r) => matchProjectName(r.project!, p.name) !== 'none');
    const codes = [...new Set(hits.map((r) => r.unitCode).filter((c): c is string => !!c))];
    let code = codes.length === 1 ? codes[0]! : null;
    let name = p.unitName;
    if (!code && markers.length) {
      const nearest = [...markers].sort((a, b) => Math.abs(a.nearProject - i) - Math.abs(b.nearProject - i))[0]!;
      name ??= nearest.name;
      code = units.find((u) => unitNameMatches(nearest.name, u.name))?.code ?? null;
    }
    p.unitCode = code;
    p.unitName = name ?? units.find((u) => u.code === code)?.name ?? null;
  });
}

function otherFacts(claims: NumericClaim[]): OtherFacts {
  const breakdown = (parent: NumericClaim): CountedBreakdown => ({
    total: { value: parent.value, source: parent.source },
    parts: claims.filter((c) => c.partOf === parent.id && c.section === parent.section).map((c) => ({ label: c.subject, value: c.value, source: c.source })),
  });
  const parents = claims.filter((c) => claims.some((x) => x.partOf === c.id && x.section === c.section));
  const operating = claims.find((c) => c.kind === 'amount' && /机关运行经费/.test(c.subject));
  const assets = claims.find((c) => c.kind === 'count' && /大型设备/.test(c.subject));
  const units = parents.find((c) => c.unit === '个' && /预算单位/.test(c.subject));
  return {
    vehicles: parents.filter((c) => c.unit === '辆').map(breakdown),
    procurement: parents.filter((c) => c.kind === 'amount' && /政府采购/.test(c.subject)).map(breakdown),
    operatingCost: operatingCost(operating),
    largeAssets: assets ? { value: assets.value, source: assets.source } : null,
    projectCounts: parents.filter((c) => c.unit === '个' && /项目/.test(c.subject)).map(breakdown),
    unitCounts: units ? breakdown(units) : null,
  };
}

/** 机关运行经费 as stated, in 元 or 万元 (亿元 is converted to 万元). */
function operatingCost(c: NumericClaim | undefined): OtherFacts['operatingCost'] {
  if (!c) return null;
  if (c.unit === '元' || c.unit === '万元') return { value: c.value, unit: c.unit, source: c.source };
  const fen = proseToFen(c.value, c.unit);
  return fen === null ? null : { value: fenToDecimal(fen, '万元'), unit: '万元', source: c.source };
}

function readGlossary(raw: RawDocument): Disclosure['glossary'] {
  const out: Disclosure['glossary'] = [];
  for (const l of raw.glossary) {
    // Entries are numbered ("1.基本支出：…", "（一）…：…") or not ("基本支出：指…"); an unnumbered term is short and unpunctuated.
    const m =
      /^\s*(?:\d+[.、．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])\s*([^：:]{1,30})[：:](.+)$/.exec(l.text) ??
      /^\s*([^：:，。；,;\s]{2,20})[：:](.+)$/.exec(l.text);
    if (m) out.push({ term: m[1]!.trim(), definition: m[2]!.trim(), source: { line: l.line } });
    else if (out.length) out[out.length - 1]!.definition += l.text.trim();
  }
  return out;
}

/** The title proper (no date, 保密审查 text or paragraph after it), naming the department when the
 *  printed title does not ("上海市普陀区2025年区级部门预算（上海市普陀区人民政府办公室）"); else a short
 *  one made of what was read. */
function titled(proper: string | null, cover: string, department: string, year: number | null, kind: string): string {
  if (proper) return proper.includes(department) || department === '未知部门' ? proper : `${proper}（${department}）`;
  const text = cover.replace(/\s+/g, '');
  if (text && text.length <= 40) return text;
  return `${department}${year ? `${year}年` : ''}${/单位预算|单位决算/.test(cover) ? '单位' : '部门'}${kind === 'final' ? '决算' : '预算'}`;
}

/** Whether a decimal string is a whole number of fen in `unit` (at most 2 decimals in 元, 6 in 万元). */
function fitsUnit(value: string, unit: AmountUnit): boolean {
  try {
    toFen(value, unit);
    return true;
  } catch {
    return false;
  }
}

/**
 * The rows with every amount that prints more decimals than most of the table's (in a table of
 * x.xx, 174,900.64101) cut to that precision: the extra digits are the next cell's. Null when no
 * amount does.
 */
export function truncatedToPrecision(rows: RawTable['rows']): RawTable['rows'] | null {
  const ds = rows.flatMap((r) => r.cells.filter((c) => isAmountText(c) && c.includes('.')).map((c) => decimalsOf(c)));
  const counts = new Map<number, number>();
  for (const d of ds) counts.set(d, (counts.get(d) ?? 0) + 1);
  const [precision, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (precision < 2 || n < 10) return null;
  let changed = false;
  const out = rows.map((r) => ({
    ...r,
    cells: r.cells.map((c) => {
      if (!isAmountText(c) || decimalsOf(c) <= precision) return c;
      changed = true;
      return c.trim().slice(0, c.trim().indexOf('.') + 1 + precision);
    }),
  }));
  return changed ? out : null;
}
