// Project names differ slightly between the project table and the performance-target table
// ("省整治办公费" / "省整治办经费", a trailing "项目", a wrapped space). Match them, and say how.

export type NameMatch = 'exact' | 'similar' | 'none';

const norm = (s: string) => s.replace(/[\s（）()“”"、，,·\-—_]/g, '').replace(/项目$/, '');

export function matchProjectName(a: string, b: string): NameMatch {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 'none';
  if (x === y) return a.replace(/\s/g, '') === b.replace(/\s/g, '') ? 'exact' : 'similar';
  if (Math.min(x.length, y.length) >= 6 && (x.includes(y) || y.includes(x))) return 'similar';
  return similarity(x, y) >= 0.8 ? 'similar' : 'none';
}

/** 1 − edit distance / longer length. */
export function similarity(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return 0;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n]! / Math.max(m, n);
}
