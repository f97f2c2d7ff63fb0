#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner (Node 20 has no glob for
// --test, and tsx is needed for TypeScript). Extra arguments are passed through.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
let files = [...find('src'), ...find('test')].sort();
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
// node's tests print the spec report and also write TAP to a file, so that the closing line can
// count them together with the web UI's component tests (vitest, web/src/**/*.spec.ts).
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-tests-'));
const tap = join(tmp, 'node.tap');
const r = !files.length
  ? { status: 0 }
  : spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...flags,
        ...files,
      ],
      { stdio: 'inherit' },
    );
const count = (re) => Number(re.exec(existsSync(tap) ? readFileSync(tap, 'utf8') : '')?.[1] ?? 0);
let passed = count(/^# pass (\d+)/m);
let failed = count(/^# fail (\d+)/m) + (r.status && !existsSync(tap) ? 1 : 0);
let status = r.status ?? 1;
if (!filter.length || filter.some((x) => 'web/src'.includes(x) || x.startsWith('web'))) {
  const json = join(tmp, 'vitest.json');
  const v = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'web/vite.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`],
    {
      stdio: 'inherit',
    },
  );
  const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : { numPassedTests: 0, numFailedTests: 1 };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (v.status !== 0) status = status || v.status || 1;
}
rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? status || 1 : status);
