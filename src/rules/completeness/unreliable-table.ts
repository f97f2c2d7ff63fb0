import { rowSum } from '../arithmetic/row-sum.js';
import { nameMismatch } from '../classification/name-mismatch.js';
import { subtotal } from '../arithmetic/subtotal.js';
import type { Draft, Rule, RuleContext } from '../types.js';

/** Share of a table's rows that may fail arithmetic before the reading itself is in doubt. */
const MAX_FAILING_SHARE = 0.3;
const MIN_FAILURES = 5;

const cache = new WeakMap<RuleContext['index'], Map<string, { failures: number; rows: number }>>();

/** Tables where so many rows contradict themselves that the reading, not the document, is suspect.
 *  Computed once per check: the rule reports them, the engine drops their row errors. */
export function unreliableTables(ctx: RuleContext): Map<string, { failures: number; rows: number }> {
  const hit = cache.get(ctx.index);
  if (hit) return hit;
  const failures = new Map<string, number>();
  for (const d of [...rowSum.check(ctx), ...subtotal.check(ctx), ...nameMismatch.check(ctx)]) {
    if ((d.severity ?? 'error') !== 'error') continue;
    const t = d.locations[0]?.table;
    if (t) failures.set(t, (failures.get(t) ?? 0) + 1);
  }
  const out = new Map<string, { failures: number; rows: number }>();
  for (const [id, n] of failures) {
    const rows = ctx.doc.tables.find((t) => t.id === id)?.rows.length ?? 0;
    if (n > Math.max(MIN_FAILURES, rows * MAX_FAILING_SHARE)) out.set(id, { failures: n, rows });
  }
  cache.set(ctx.index, out);
  return out;
}

/**
 * When most of a table's rows do not add up, the columns were almost certainly misread (an
 * unfamiliar layout): one warning replaces the row-by-row errors, which the engine then drops for
 * that table, so a reviewer is not sent after errors the document does not have.
 */
export const unreliableTable: Rule = {
  id: 'completeness.unreliable-table',
  title: '表格读取结果不可靠',
  category: 'completeness',
  severity: 'warning',
  description: `一张表中超过 ${MAX_FAILING_SHARE * 100}% 的行（且不少于 ${MIN_FAILURES} 行）行内或上下级合计不符、或科目名称与编码不符时，更可能是版式未被正确识别而非文件本身有误：报告为一条警告，并不再逐行报告该表的计算错误，请人工核对该表。`,
  check(ctx) {
    const out: Draft[] = [];
    for (const [id, { failures, rows }] of unreliableTables(ctx)) {
      const t = ctx.doc.tables.find((x) => x.id === id)!;
      out.push({
        message: `表${id}“${t.printedTitle}”有 ${failures} 处合计不符（共 ${rows} 行），更可能是版式未被正确识别：已跳过该表的逐行计算核对，请人工核对`,
        expected: null,
        actual: String(failures),
        difference: null,
        unit: null,
        locations: [{ line: t.source.line, ...(t.source.page ? { page: t.source.page } : {}), table: id, tableTitle: t.title, label: t.printedTitle }],
      });
    }
    return out;
  },
};
