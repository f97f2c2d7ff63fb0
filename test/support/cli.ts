// The `yusuan` command run in-process with some environment variables set (undefined unsets one):
// exit code and what it wrote.

import { run } from '../../src/cli/main.js';

export async function yusuan(env: Record<string, string | undefined>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    const code = await run(
      args,
      (s) => (stdout += s),
      (s) => (stderr += s),
    );
    return { code, stdout, stderr };
  } finally {
    process.env = saved;
  }
}
