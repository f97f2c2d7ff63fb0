// Distinct publications cut from the reference example: each its own department (so its own key and
// sha256), for tests that import many small documents quickly.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_PATH } from './seed.js';

export function seedVariants(dir: string, n: number): string[] {
  const text = readFileSync(SEED_PATH, 'utf8');
  return Array.from({ length: n }, (_, i) => {
    const file = join(dir, `d${String(i).padStart(2, '0')}.txt`);
    writeFileSync(file, text.replaceAll('交通警察', `第${'一二三四五六七八九十'[i % 10]}${i >= 10 ? i : ''}交通警察`));
    return file;
  });
}
