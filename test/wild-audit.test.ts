// The hand-verified audit set (test/fixtures/wild-audit.tsv, see bench/wild-audit.ts): on real PDFs of
// ../shared/wild that yusuan was not developed on, every finding a person confirmed on the page must
// still be reported, and of those a person found to be a misreading or a rule applied on the wrong
// basis, no more may be errors than the ceiling below.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadAudit, matches, type AuditRow } from '../bench/wild-audit.js';
import { analyse } from '../src/analysis.js';
import { readDisclosureFiles } from '../src/read/index.js';
import type { Finding } from '../src/rules/types.js';
import { profiles } from './support/seed.js';

/**
 * Misread or rule-wrong findings still reported as errors: at most this many of the 258, as last
 * measured (`npm run bench:wild`, the 人工核对集 line). Lower it as reading improves; never raise it
 * to let a change pass.
 */
const MAX_FALSE_ERRORS = 1;
const WILD = fileURLToPath(new URL('../../shared/wild/pdf/', import.meta.url));
const audit = loadAudit();
const byDocument = new Map<string, AuditRow[]>();
for (const r of audit) byDocument.set(r.id, [...(byDocument.get(r.id) ?? []), r]);

test('wild audit: the audit set holds at least 150 findings from 40 documents, each with a verdict and evidence', () => {
  assert.ok(audit.length >= 150, `${audit.length} findings`);
  assert.ok(byDocument.size >= 40, `${byDocument.size} documents`);
  for (const r of audit) {
    assert.match(r.verdict, /^(genuine|misread|rule-wrong)$/, `${r.id} ${r.rule}`);
    assert.ok(r.evidence.length > 10, `${r.id} ${r.rule}: evidence`);
  }
});

const present = existsSync(WILD);
const ids = [...byDocument.keys()].sort();
const results = new Map<string, Finding[] | Error>();

// Each PDF is read off the main thread: two at a time keep both cores busy.
before(async () => {
  if (!present) return;
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      try {
        results.set(id, analyse(await readDisclosureFiles([`${WILD}${id}.pdf`], { profiles: profiles() })).findings);
      } catch (e) {
        results.set(id, e instanceof Error ? e : new Error(String(e)));
      }
    }
  };
  await Promise.all([worker(), worker()]);
});

for (const id of ids) {
  const rows = byDocument.get(id)!;
  test(`wild audit ${id}: ${rows.length} verified findings`, { skip: present ? false : `../shared/wild 不存在，跳过 ${id}` }, () => {
    const findings = results.get(id);
    if (findings instanceof Error) throw findings;
    const problems: string[] = [];
    for (const r of rows) {
      const hits = (findings ?? []).filter((f) => matches(r, f));
      if (r.verdict === 'genuine' && hits.length === 0)
        problems.push(`真实问题未再报告：p${r.page} ${r.rule} 应为 ${r.expected} 实为 ${r.actual} — ${r.evidence}`);
    }
    assert.deepEqual(problems, []);
  });
}

test('wild audit: misread or rule-wrong findings still reported as errors stay under the ceiling', { skip: present ? false : '../shared/wild 不存在' }, () => {
  const still: string[] = [];
  for (const id of ids) {
    const findings = results.get(id);
    if (findings instanceof Error || !findings) continue;
    for (const r of byDocument.get(id)!)
      if (r.verdict !== 'genuine' && findings.some((f) => matches(r, f) && f.severity === 'error'))
        still.push(`${id} p${r.page} ${r.rule}（${r.verdict === 'misread' ? '误读' : '规则不当'}）应为 ${r.expected} 实为 ${r.actual}`);
  }
  assert.ok(still.length <= MAX_FALSE_ERRORS, `${still.length} 条（上限 ${MAX_FALSE_ERRORS}）：\n${still.join('\n')}`);
});
