// `yusuan export --reviews`: the 误报 marks on the latest versions with their findings, as JSON or as
// rows in the audit set's columns (tsv), to be judged misread or rule-wrong there.

import { writeFileSync } from 'node:fs';
import { openStore } from '../store/db.js';
import { filtersFrom } from '../store/export.js';
import { auditTsv } from '../store/findings-export.js';
import { markedFindings } from '../store/reviews.js';
import { documentFilterFlags, PortalUsageError } from './portal.js';

export async function exportReviews(flags: Map<string, string | true>, out: (s: string) => void): Promise<number> {
  const format = typeof flags.get('format') === 'string' ? (flags.get('format') as string) : 'json';
  if (format !== 'json' && format !== 'tsv') throw new PortalUsageError('--reviews 的 --format 只能是 json 或 tsv');
  const filters = documentFilterFlags(flags);
  const store = await openStore();
  try {
    const marked = await markedFindings(store, 'false-positive', filtersFrom(filters));
    const body = format === 'tsv' ? auditTsv(marked) : `${JSON.stringify({ status: 'false-positive', statusName: '误报', items: marked }, null, 2)}\n`;
    const target = flags.get('out');
    if (typeof target === 'string') {
      writeFileSync(target, body);
      out(`已导出 ${marked.length} 条标为“误报”的检查发现到 ${target}\n`);
    } else out(body);
    return 0;
  } finally {
    await store.close();
  }
}
