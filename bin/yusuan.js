#!/usr/bin/env node
// Entry point of the `yusuan` command: runs the compiled CLI (built by `npm install` via prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('yusuan 尚未编译：请在项目目录运行 npm install（或 npm run build）\n');
  process.exit(2);
}
// A reader that stops early (`yusuan extract … | head`) is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
