#!/usr/bin/env node
// `npm start`: build what is missing, then serve the portal on a fresh embedded database loaded
// with the example (and ../shared/corpus in the background when present). Extra arguments go to
// `yusuan serve` (e.g. `npm start -- --port 9000`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => {
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!existsSync(`${root}dist/cli/main.js`)) run(['run', 'build']);
// The web UI, when the project has one and it is not built yet.
const scripts = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts ?? {};
if (scripts['build:web'] && existsSync(`${root}web`) && !existsSync(`${root}web/dist/index.html`)) run(['run', 'build:web']);
const r = spawnSync(process.execPath, [`${root}bin/yusuan.js`, 'serve', '--example', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 0);
