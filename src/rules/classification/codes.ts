// Classification-coded rows of every table, with the catalog they belong to.

import type { Disclosure, TableInstance, TableRow } from '../../model/types.js';
import type { Profile } from '../../profiles/types.js';
import { catalogs, type Catalog } from '../../reference/catalog.js';

export interface CodedRow {
  table: TableInstance;
  row: TableRow;
  code: string;
  catalog: Catalog;
  /** The printed name of the code: the row label, or for project rows the enclosing group's label. */
  printedName: string | null;
}

export function codedRows(doc: Disclosure, profile: Profile): CodedRow[] {
  const { functional, economic } = catalogs();
  const out: CodedRow[] = [];
  for (const t of doc.tables) {
    const spec = profile.tables.find((s) => s.id === t.id);
    if (!spec || spec.layout !== 'classTree' || spec.classification === 'none') continue;
    const catalog = spec.classification === 'economic' ? economic : functional;
    for (const row of t.rows) {
      if (!row.code) continue;
      let printedName: string | null = row.label;
      if (spec.hasProjects) {
        const parent = row.parent !== null ? t.rows[row.parent] : undefined;
        printedName = parent?.kind === 'group' && !parent.code ? parent.label : null;
      }
      out.push({ table: t, row, code: row.code, catalog, printedName });
    }
  }
  return out;
}
