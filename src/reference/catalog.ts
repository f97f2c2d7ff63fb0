// Classification catalogs (支出功能分类, 部门预算支出经济分类) from /reference. The catalogs are
// partial (reference/SOURCES.md): an unknown code is a warning, never an error.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CatalogEntry {
  code: string;
  name: string;
  level: number;
  parent: string | null;
  /** seed / confirmed / corroborated / recalled / uncertain / observed */
  status: string;
  /** Other printed names seen for this code. */
  variants: string[];
}

export interface Catalog {
  kind: 'function' | 'economic';
  get(code: string): CatalogEntry | undefined;
  /** 类-level entries (3 digits). */
  classes(): CatalogEntry[];
  /** Every entry, in catalog order (search). */
  all(): CatalogEntry[];
  /** Find a 类 by its printed name. */
  classByName(name: string): CatalogEntry | undefined;
  /** Children of a code with the given printed name. */
  childByName(parent: string, name: string): CatalogEntry | undefined;
}

const REFERENCE_DIR = fileURLToPath(new URL('../../reference/', import.meta.url));

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

function readRows(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(REFERENCE_DIR + file, 'utf8'));
  if (!header) return [];
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export const normalizeName = (s: string) =>
  s.replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[“”"]/g, '');

function build(kind: 'function' | 'economic', files: string[]): Catalog {
  const byCode = new Map<string, CatalogEntry>();
  for (const file of files) {
    for (const r of readRows(file)) {
      const code = r.code ?? '';
      if (!code) continue;
      const existing = byCode.get(code);
      const variants = (r.variants ?? '').split('|').filter(Boolean);
      if (existing) {
        for (const v of [r.name ?? '', ...variants]) if (v && v !== existing.name && !existing.variants.includes(v)) existing.variants.push(v);
        continue;
      }
      byCode.set(code, {
        code,
        name: r.name ?? '',
        level: Number(r.level) || (code.length === 3 ? 1 : code.length === 5 ? 2 : 3),
        parent: r.parent || null,
        status: r.status || 'observed',
        variants,
      });
    }
  }
  const children = new Map<string, CatalogEntry[]>();
  for (const e of byCode.values()) {
    const p = e.parent ?? '';
    children.set(p, [...(children.get(p) ?? []), e]);
  }
  const classes = [...byCode.values()].filter((e) => e.code.length === 3);
  const names = (e: CatalogEntry) => [e.name, ...e.variants].map(normalizeName);
  return {
    kind,
    get: (code) => byCode.get(code),
    classes: () => classes,
    all: () => [...byCode.values()],
    classByName: (name) => {
      const n = normalizeName(name);
      return classes.find((e) => names(e).includes(n));
    },
    childByName: (parent, name) => {
      const n = normalizeName(name);
      return (children.get(parent) ?? []).find((e) => names(e).includes(n));
    },
  };
}

let cached: { functional: Catalog; economic: Catalog } | null = null;

/** Catalogs for a fiscal year. The reference data reflects 2024; other years use it as the best available. */
export function catalogs(): { functional: Catalog; economic: Catalog } {
  cached ??= {
    functional: build('function', ['functional-2024.csv', 'functional-observed.csv']),
    economic: build('economic', ['economic-dept.csv', 'economic-observed.csv', 'economic-gov.csv']),
  };
  return cached;
}

/** Does a printed name agree with the catalog name? Printed names may be truncated by cell width. */
export function nameMatches(entry: CatalogEntry, printed: string): boolean {
  const p = normalizeName(printed);
  if (!p) return true;
  return [entry.name, ...entry.variants].map(normalizeName).some((n) => n === p || (p.length >= 2 && n.startsWith(p)));
}
