// How far each table's reading is confirmed by the document's own arithmetic. A disclosure is its
// own checksum: a misread column or hierarchy breaks many identities at once, with differences that
// have nothing to do with each other, while a publisher's slip breaks one identity (and the totals
// above it, by the same amount). So the failures are grouped by their difference: one difference is
// one cause, and a table whose failures have many unrelated causes is taken to be misread.

import { DisclosureIndex } from '../model/query.js';
import type { Disclosure, TableReading } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import { rowSumChecks } from '../rules/arithmetic/row-sum.js';
import { statementChecks } from '../rules/arithmetic/statement.js';
import { subtotalChecks } from '../rules/arithmetic/subtotal.js';
import { nameMismatches } from '../rules/classification/name-mismatch.js';
import type { IdentityCheck, RuleContext } from '../rules/types.js';

/** Unrelated causes a table may show before its reading, not the document, is in doubt. */
const MAX_LOCAL_CAUSES = 2;
/** …unless they are a small share of what was checked (a long table with a few slips). */
const MAX_FAILING_SHARE = 0.2;
/**
 * Identities that must hold for each unrelated cause of failure before a reading counts as
 * confirmed: a table where 1 of 1 identities fails, or 2 of 4 with different differences, has
 * nothing that tells a misreading from a slip. (One wrong 收入总计 breaks two identities by the same
 * amount: one cause.)
 */
const HOLDING_PER_FAILURE = 2;
/** Unrelated amounts found in the neighbouring column before the columns, not the document, are in doubt. */
const MAX_MOVED = 1;

export interface TableEvidence {
  checked: number;
  failed: number;
  /** Distinct absolute differences among the failures: each is one cause. */
  causes: number;
  /** Coded rows whose printed name is not the code's (a wrapped or shifted label). */
  misnamed: number;
  /**
   * Distinct amounts by which a subtotal is over in one column and under in another (基本支出
   * +95.82, 项目支出 −95.82). Several unrelated ones are amounts read into the neighbouring column:
   * the table is unreliable. One alone leaves the rest of the table standing, but its own findings
   * are warnings (未能可靠读取): every audited case was a misreading (see subtotal's markMoved).
   */
  moved?: number;
  /** Causes seen only where a statement total is printed blank: omissions on the page, no sign of a misreading. */
  omitted?: number;
}

/** The identities evaluated on every table, tallied per table. */
export function tableEvidence(
  doc: Disclosure,
  profile: Profile,
  index = new DisclosureIndex(doc),
  keep: (c: IdentityCheck) => boolean = () => true,
): Map<string, TableEvidence> {
  const ctx: RuleContext = { doc, profile, index };
  const checks: IdentityCheck[] = [...rowSumChecks(ctx), ...subtotalChecks(ctx), ...statementChecks(ctx)].filter(keep);
  const out = new Map<string, TableEvidence & { differences: Set<string>; read: Set<string> }>();
  const of = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { checked: 0, failed: 0, causes: 0, misnamed: 0, differences: new Set(), read: new Set() }));
    return e;
  };
  const byRow = new Map<string, number[]>();
  for (const c of checks) {
    const e = of(c.table);
    if (c.uninformative) continue;
    e.checked++;
    if (c.draft && ((c.draft.severity ?? 'error') === 'error' || c.moved)) {
      e.failed++;
      e.differences.add((c.draft.difference ?? '').replace(/^-/, ''));
      if (!c.blankTotal) e.read.add((c.draft.difference ?? '').replace(/^-/, ''));
      if (c.measure !== undefined && c.draft.difference !== null) {
        const k = `${c.table}\u0000${c.row}`;
        byRow.set(k, [...(byRow.get(k) ?? []), Number(c.draft.difference)]);
      }
    }
  }
  const movedBy = new Map<string, Set<string>>();
  for (const [k, diffs] of byRow) {
    const d = diffs.find((a, i) => a !== 0 && diffs.some((b, j) => j !== i && Math.abs(a + b) <= 0.015));
    if (d === undefined) continue;
    const table = k.split('\u0000')[0]!;
    movedBy.set(table, (movedBy.get(table) ?? new Set()).add(Math.abs(d).toFixed(2)));
  }
  for (const [table, amounts] of movedBy) of(table).moved = amounts.size;
  for (const { draft, confident } of nameMismatches(ctx)) {
    const t = draft.locations[0]?.table;
    if (t && confident) of(t).misnamed++;
  }
  return new Map([...out].map(([id, { differences, read, ...e }]) => [id, { ...e, causes: differences.size, omitted: differences.size - read.size }]));
}

export function readingOf(e: TableEvidence | undefined, rows: number): TableReading {
  if (!e || (e.checked === 0 && e.misnamed === 0)) return { status: 'unchecked', checked: 0, failed: 0, reason: null };
  const { checked, failed, causes, misnamed } = e;
  const base = { checked, failed };
  if (failed === 0 && misnamed === 0) return { ...base, status: 'confirmed', reason: null };
  const spread = causes > MAX_LOCAL_CAUSES && failed > Math.max(MAX_LOCAL_CAUSES, checked * MAX_FAILING_SHARE);
  const shifted = misnamed > Math.max(3, rows * 0.3);
  if (spread)
    return {
      ...base,
      status: 'unreliable',
      reason: `${checked} 处合计关系中有 ${failed} 处不成立，涉及 ${causes} 个互不相关的差额，更像是版式未被正确识别，而不是文件本身的错误`,
    };
  if (shifted) return { ...base, status: 'unreliable', reason: `${misnamed} 行科目名称与编码对不上，更像是名称或编码错行读取` };
  if ((e.moved ?? 0) > MAX_MOVED)
    return {
      ...base,
      status: 'unreliable',
      reason: `${e.moved} 个互不相关的数额在小计中一列多出、另一列少了同样多，更像是金额被读进了相邻的列`,
    };
  // A total the page leaves blank (005 prints only 支出总计 on its total line) is the document's
  // omission, not a sign either way about how the rest was read.
  if (checked - failed < (causes - (e.omitted ?? 0)) * HOLDING_PER_FAILURE)
    return {
      ...base,
      status: 'unreliable',
      reason: `${checked} 处合计关系中有 ${failed} 处不成立，成立的太少，无法确认表格读取正确`,
    };
  return { ...base, status: 'exceptions', reason: null };
}

/** Give every table of a disclosure its reading status (in place). */
export function assessReadings(doc: Disclosure, profile: Profile): Disclosure {
  const evidence = tableEvidence(doc, profile);
  for (const t of doc.tables) t.reading = readingOf(evidence.get(t.id), t.rows.length);
  return doc;
}
