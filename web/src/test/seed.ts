// The reference example as the API serves it: produced by the real command (`yusuan extract`,
// `check --format json`, `summary --json`; the API's shapes are exactly these), so component
// tests render real data. Needs the compiled CLI (`npm run build`, which `npm test` runs first).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Disclosure, Finding, Summary } from '../lib/api';

const ROOT = fileURLToPath(new URL('../../../', 'file://' + __filename));
export const SEED = 'fixtures/seed/000_33d948831ce53c8e.txt';

function cli(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/yusuan.js', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      // `check` exits with 1 when it finds errors: that is a report, not a failure.
      if (err && (err.code !== 1 || !stdout)) reject(new Error(`yusuan ${args.join(' ')}: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

let cached: Promise<{ disclosure: Disclosure; findings: Finding[]; summary: Summary }> | null = null;

export function seed() {
  cached ??= (async () => {
    const [disclosure, check, summary] = await Promise.all([
      cli(['extract', SEED]),
      cli(['check', SEED, '--format', 'json']),
      cli(['summary', SEED, '--json']),
    ]);
    return { disclosure: disclosure as Disclosure, findings: (check as { findings: Finding[] }).findings, summary: summary as Summary };
  })();
  return cached;
}
