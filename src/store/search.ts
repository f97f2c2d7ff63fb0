// Search over the latest documents: departments, budget units, projects, classification names.

import { sql } from 'kysely';
import { catalogs } from '../reference/catalog.js';
import type { Store } from './db.js';
import { contains, wan } from './repository.js';

const LIMIT = 50;

export async function search(store: Store, q: string) {
  const p = contains(q);
  const like = (col: string) => sql<boolean>`${sql.ref(col)} like ${p} escape '\\'`;
  const deps = await store.db
    .selectFrom('documents')
    .select(['id', 'department', 'year', 'kind'])
    .where('latest', '=', 1)
    .where(like('documents.department'))
    .orderBy('department')
    .orderBy('year', 'desc')
    .limit(500)
    .execute();
  const departments = new Map<string, number[]>();
  for (const d of deps) departments.set(d.department, [...(departments.get(d.department) ?? []), d.id]);
  const units = await store.db
    .selectFrom('units')
    .innerJoin('documents', 'documents.id', 'units.document_id')
    .select(['units.code', 'units.name', 'documents.id as documentId', 'documents.department', 'documents.year'])
    .where('documents.latest', '=', 1)
    .where((eb) => eb.or([like('units.name'), like('units.code')]))
    .orderBy('units.name')
    .orderBy('documents.year', 'desc')
    .limit(LIMIT)
    .execute();
  // A project can appear in several tables (项目支出表, 绩效目标表): one amount per document, from
  // the first table (by table number) that lists it.
  const projectRows = await store.db
    .selectFrom('facts')
    .innerJoin('documents', 'documents.id', 'facts.document_id')
    .select([
      'facts.project',
      'facts.table_id',
      'documents.id as documentId',
      'documents.department',
      'documents.year',
      sql<number>`CAST(SUM(facts.fen) AS BIGINT)`.as('fen'),
    ])
    .where('documents.latest', '=', 1)
    .where('facts.leaf', '=', 1)
    .where('facts.measure', '=', 'total')
    .where(like('facts.project'))
    .groupBy(['facts.project', 'facts.table_id', 'documents.id', 'documents.department', 'documents.year'])
    .orderBy('facts.project')
    .orderBy('documents.id')
    .orderBy('facts.table_id')
    .limit(LIMIT * 4)
    .execute();
  const seen = new Set<string>();
  const projects: { name: string; documentId: number; department: string; year: number | null; amount: string }[] = [];
  for (const r of projectRows) {
    const key = `${r.documentId}|${r.project}`;
    if (seen.has(key) || projects.length >= LIMIT) continue;
    seen.add(key);
    projects.push({ name: r.project ?? '', documentId: r.documentId, department: r.department, year: r.year, amount: wan(r.fen) });
  }
  const classifications: { code: string; name: string; kind: 'function' | 'economic' }[] = [];
  const { functional, economic } = catalogs();
  for (const cat of [functional, economic])
    for (const e of cat.all()) {
      if (classifications.length >= LIMIT) break;
      if (e.code.startsWith(q) || e.name.includes(q) || e.variants.some((v) => v.includes(q)))
        classifications.push({ code: e.code, name: e.name, kind: cat.kind });
    }
  // Where each classification is used: latest documents with facts under that code (a 类/款 code
  // matches its 项 too), so a result leads somewhere (the document's chart drilled to the code).
  const used = new Map<string, { id: number; department: string; year: number | null }[]>();
  if (classifications.length) {
    const codes = classifications.map((c) => c.code);
    const rows = await store.db
      .selectFrom('facts')
      .innerJoin('documents', 'documents.id', 'facts.document_id')
      .select(['facts.function_code', 'facts.economic_code', 'documents.id', 'documents.department', 'documents.year'])
      .distinct()
      .where('documents.latest', '=', 1)
      .where((eb) =>
        eb.or([
          eb('facts.function_class', 'in', codes),
          eb('facts.economic_code', 'in', codes),
          eb(sql<string>`substr(facts.economic_code, 1, 3)`, 'in', codes),
        ]),
      )
      .orderBy('documents.id')
      .limit(5000)
      .execute();
    for (const c of classifications)
      for (const r of rows) {
        const code = c.kind === 'function' ? r.function_code : r.economic_code;
        if (!code?.startsWith(c.code)) continue;
        const list = used.get(c.code) ?? [];
        if (list.length < 8 && !list.some((d) => d.id === r.id)) list.push({ id: r.id, department: r.department, year: r.year });
        used.set(c.code, list);
      }
  }
  return {
    departments: [...departments].map(([department, ids]) => ({ department, ids })).slice(0, LIMIT),
    units: units.map((u) => ({ name: u.name, code: u.code, documentId: u.documentId, department: u.department, year: u.year })),
    projects,
    classifications: classifications.map((c) => ({ ...c, documents: used.get(c.code) ?? [] })),
  };
}
