// Change any single figure of the example — a table cell, a weight, a narrative amount, share
// or change, a count in a stated breakdown — and `check` must report a new finding that names
// the changed figure's line. Figures no rule can verify are listed by narrative.unverified, so
// changing them changes that finding. Indicator target values (≥ 95 %) are goals, not figures
// that anything in the document constrains, and are not mutated.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DisclosureIndex } from '../src/model/query.js';
import { runRules } from '../src/rules/engine.js';
import { analyseNarrative } from '../src/rules/narrative/analysis.js';
import type { Finding } from '../src/rules/types.js';
import { readSeed, readText, SEED_LINES } from './support/seed.js';

const key = (f: Finding) => `${f.rule}|${f.message}`;

interface Mutation {
  line: number;
  column: number;
  from: string;
  to: string;
  what: string;
}

/** Add one unit in the last printed place, keeping the printed format. */
function bump(token: string): string {
  const digits = token.replace(/[^\d]/g, '');
  const bumped = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  let k = bumped.length;
  let out = '';
  for (let i = token.length - 1; i >= 0; i--) out = (/\d/.test(token[i]!) ? bumped[--k] : token[i]) + out;
  return bumped.length > digits.length ? bumped.slice(0, bumped.length - digits.length) + out : out;
}

function mutations(): Mutation[] {
  const { disclosure: doc, profile } = readSeed();
  const out: Mutation[] = [];
  const seen = new Set<string>();
  const add = (line: number, from: string, what: string, nth = 0) => {
    const text = SEED_LINES[line - 1]!;
    let column = -1;
    for (let k = 0; k <= nth; k++) column = text.indexOf(from, column + 1);
    if (column < 0) return;
    const id = `${line}:${column}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ line, column, from, to: bump(from), what });
  };
  // Every filled table cell.
  for (const f of doc.facts) {
    const cells = SEED_LINES[f.source.line - 1]!.split('\t');
    const raw = cells[f.source.column ?? -1]?.trim();
    if (raw) add(f.source.line, raw, `表${f.table} ${f.label} ${f.measure}`);
  }
  // Performance amounts, totals and weights.
  const perf = doc.performance;
  if (perf.declaredTotal && perf.declaredTotalSource) add(perf.declaredTotalSource.line, '32,489.09', '表6 部门合计');
  for (const p of perf.projects)
    if (p.amount)
      add(
        p.source.line,
        SEED_LINES[p.source.line - 1]!.split('\t')
          .map((c) => c.replace(/<\/?p>/g, '').trim())
          .find((c) => /^[\d,]+\.\d+$/.test(c))!,
        `表6 ${p.name} 金额`,
      );
  const weights = [...perf.projects.flatMap((p) => p.indicators), ...(perf.department?.indicators ?? [])];
  for (const i of weights) {
    if (!i.weight) continue;
    const cells = SEED_LINES[i.source.line - 1]!.split('\t').map((c) => c.replace(/<\/?p>/g, '').trim());
    // The weight is the last numeric cell before the direction.
    const idx = cells
      .map((c, k) => (c === i.weight ? k : -1))
      .filter((k) => k >= 0)
      .pop();
    if (idx === undefined) continue;
    const column = SEED_LINES[i.source.line - 1]!.split('\t').slice(0, idx).join('\t').length + 1;
    const text = SEED_LINES[i.source.line - 1]!;
    const at = text.indexOf(i.weight, column);
    if (at >= 0 && !seen.has(`${i.source.line}:${at}`)) {
      seen.add(`${i.source.line}:${at}`);
      out.push({ line: i.source.line, column: at, from: i.weight, to: bump(i.weight), what: `权重 ${i.level3}` });
    }
  }
  const dp = perf.department;
  if (dp?.fundsSource) for (const v of ['80,818.35', '0.00']) add(dp.fundsSource.line, v, `表7 ${v}`, v === '80,818.35' ? 0 : 0);
  // Narrative figures: amounts, shares, changes, and counts some rule checks.
  const a = analyseNarrative(new DisclosureIndex(doc), profile);
  const nth = new Map<string, number>();
  for (const { claim } of a.claims) {
    if (claim.kind === 'count' && !a.verifiable.has(claim.id)) continue;
    if (claim.unit === '') continue;
    const text = SEED_LINES[claim.source.line - 1]!;
    // The printed token: the number right before its unit, not a digit of a year or another number.
    const unit = claim.unit.replace(/[()（）]/g, '.').replace('%', '[%％]');
    const re = new RegExp(`(?<![\\d.,])(\\d[\\d,]*(?:\\.\\d+)?)\\s*${unit}`, 'g');
    const hits = [...text.matchAll(re)].filter((m) => m[1]!.replace(/,/g, '') === claim.value || Number(m[1]!.replace(/,/g, '')) === Number(claim.value));
    const k = `${claim.source.line}|${claim.value}|${claim.unit}`;
    const n = nth.get(k) ?? 0;
    nth.set(k, n + 1);
    const hit = hits[n] ?? hits[0];
    if (!hit) continue;
    const column = hit.index!;
    if (seen.has(`${claim.source.line}:${column}`)) continue;
    seen.add(`${claim.source.line}:${column}`);
    out.push({ line: claim.source.line, column, from: hit[1]!, to: bump(hit[1]!), what: `说明 ${claim.subject}` });
  }
  return out;
}

test('every single-figure change of the example is reported at the changed line', () => {
  const { disclosure, profile } = readSeed();
  const baselineFindings = runRules(disclosure, profile);
  const baseline = new Set(baselineFindings.map(key));
  const list = mutations();
  assert.ok(list.length > 600, `expected many mutations, got ${list.length}`);
  const missed: string[] = [];
  for (const m of list) {
    const lines = [...SEED_LINES];
    const l = lines[m.line - 1]!;
    lines[m.line - 1] = l.slice(0, m.column) + m.to + l.slice(m.column + m.from.length);
    const { disclosure: d, profile: p } = readText(lines.join('\n'));
    const after = runRules(d, p);
    const afterKeys = new Set(after.map(key));
    const fresh = after.filter((f) => !baseline.has(key(f)));
    // A change that happens to correct one of the example's own errors shows as that finding going away.
    const fixed = baselineFindings.filter((f) => !afterKeys.has(key(f)));
    const names = (f: Finding) => f.locations.some((loc) => loc.line === m.line);
    if (!fresh.some(names) && !fixed.some(names)) missed.push(`第 ${m.line} 行 ${m.what}: ${m.from} → ${m.to}`);
  }
  assert.deepEqual(missed, [], `${missed.length} of ${list.length} changes went unreported`);
});
