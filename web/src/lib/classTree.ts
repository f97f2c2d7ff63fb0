// Expenditure by function class (支出功能分类) as a tree 类 → 款 → 项, built from the document's
// expenditure-by-function table: detail rows' totals are summed per code in integer fen, then
// rolled up by code prefix (3 digits 类, 5 digits 款, 7 digits 项).

import type { Disclosure, TableInstance } from '../../../src/model/types.js';
import { toFen } from '../../../src/money/amount.js';
import functional2024 from '../../../reference/functional-2024.csv?raw';
import functionalObserved from '../../../reference/functional-observed.csv?raw';

export interface ClassNode {
  code: string;
  name: string;
  fen: number;
  children: ClassNode[];
}

/** The parts of a row's 合计 in expenditure tables (基本, 项目, 上缴, 经营, 对附属单位补助). */
const PARTS = ['basic', 'project', 'toSuperior', 'operating', 'toSubsidiary'];

let catalog: Map<string, string> | null = null;

/** Code → name from the reference catalogs (the 2024 catalog wins over observed names). */
export function classificationNames(): Map<string, string> {
  if (catalog) return catalog;
  catalog = new Map();
  for (const csv of [functionalObserved, functional2024]) {
    for (const line of csv.split(/\r?\n/).slice(1)) {
      const [code, name] = line.split(',');
      if (code && name) catalog.set(code.trim(), name.trim());
    }
  }
  return catalog;
}

/** The table the tree is built from: 部门支出总表 first, then the 一般公共预算 table. */
export function functionTable(doc: Disclosure): TableInstance | null {
  for (const role of ['expenditureByFunction', 'gpbByFunction']) {
    const t = doc.tables.find((x) => x.role === role && x.present && !x.empty);
    if (t && doc.facts.some((f) => f.table === t.id && f.rowKind === 'detail')) return t;
  }
  return null;
}

/** "四、公共安全支出", "4、公共安全支出", "（4）公共安全支出" → "公共安全支出": a list number is not part of the name. */
export function stripNumbering(label: string): string {
  return label.replace(/^\s*[（(]?(?:[一二三四五六七八九十]+|\d{1,2})[、.．)）]\s*/, '').trim();
}

export function buildClassTree(doc: Disclosure): ClassNode[] {
  const table = functionTable(doc);
  if (!table) return [];
  const names = new Map<string, string>();
  // Names as printed in this document win: detail labels, then statement items (class:201 …).
  for (const t of doc.tables)
    for (const r of t.rows) {
      const code = r.code ?? (r.item?.startsWith('class:') ? r.item.slice(6) : null);
      if (code && /^\d{3,7}$/.test(code) && r.label && !names.has(code)) names.set(code, stripNumbering(r.label));
    }
  const ref = classificationNames();
  const nameOf = (code: string) => names.get(code) ?? ref.get(code) ?? code;

  const rows = new Map(table.rows.map((r) => [r.index, r]));
  // A detail row's amount: its 合计, or (final-account tables that print no 合计 column) the sum
  // of its parts.
  const perRow = new Map<number, { total: number | null; parts: number }>();
  for (const f of doc.facts) {
    if (f.table !== table.id || f.rowKind !== 'detail' || !(f.measure === 'total' || PARTS.includes(f.measure))) continue;
    const r = perRow.get(f.row) ?? { total: null, parts: 0 };
    const fen = toFen(f.value, f.unit);
    if (f.measure === 'total') r.total = fen;
    else r.parts += fen;
    perRow.set(f.row, r);
  }
  const leaves = new Map<string, number>();
  for (const [index, amount] of perRow) {
    const row = rows.get(index);
    const code = row?.code ?? null;
    if (!code || !/^\d{3,7}$/.test(code)) continue;
    leaves.set(code, (leaves.get(code) ?? 0) + (amount.total ?? amount.parts));
  }
  // A detail row whose code heads other detail rows is a subtotal printed as a line: not a leaf.
  for (const code of [...leaves.keys()]) if ([...leaves.keys()].some((c) => c !== code && c.startsWith(code))) leaves.delete(code);

  const nodes = new Map<string, ClassNode>();
  const node = (code: string): ClassNode => {
    let n = nodes.get(code);
    if (!n) {
      n = { code, name: nameOf(code), fen: 0, children: [] };
      nodes.set(code, n);
    }
    return n;
  };
  const roots: ClassNode[] = [];
  for (const [code, fen] of [...leaves].sort(([a], [b]) => a.localeCompare(b))) {
    const chain = [code.slice(0, 3), code.slice(0, 5), code.slice(0, 7)].filter(
      (c, i, all) => c.length >= 3 && all.indexOf(c) === i && c.length <= code.length,
    );
    let parent: ClassNode | null = null;
    for (const c of chain) {
      const n = node(c);
      n.fen += fen;
      if (parent && !parent.children.includes(n)) parent.children.push(n);
      if (!parent && !roots.includes(n)) roots.push(n);
      parent = n;
    }
  }
  return roots;
}

/** The path from a root to the node with `code` (empty when not found). */
export function pathTo(roots: ClassNode[], code: string | null | undefined): ClassNode[] {
  if (!code) return [];
  for (const r of roots) {
    if (r.code === code) return [r];
    const sub = pathTo(r.children, code);
    if (sub.length) return [r, ...sub];
  }
  return [];
}

export function totalFen(nodes: ClassNode[]): number {
  return nodes.reduce((s, n) => s + n.fen, 0);
}
