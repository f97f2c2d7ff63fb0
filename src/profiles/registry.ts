// Profiles on disk (/profiles/*.json), validated at load, and detection of the profile a document uses.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Profile } from './types.js';
import { validateProfile } from './validate.js';

const PROFILE_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));

let cache: Profile[] | null = null;

export function loadProfiles(knownIdentities: ReadonlySet<string>, dir = PROFILE_DIR): Profile[] {
  if (cache && dir === PROFILE_DIR) return cache;
  const profiles = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => validateProfile(JSON.parse(readFileSync(dir + f, 'utf8')), knownIdentities));
  if (dir === PROFILE_DIR) cache = profiles;
  return profiles;
}

/** The profile whose markers the text carries, best first: most specific (more markers) wins. */
export function detectProfile(text: string, profiles: Profile[]): Profile | null {
  const compact = text.slice(0, 400_000).replace(/\s+/g, '');
  const fits = profiles.filter(
    (p) =>
      p.detect.mustInclude.every((k) => compact.includes(k.replace(/\s+/g, ''))) &&
      (!p.detect.anyInclude || p.detect.anyInclude.some((k) => compact.includes(k.replace(/\s+/g, '')))),
  );
  fits.sort((a, b) => Number(!!a.detect.fallback) - Number(!!b.detect.fallback) || b.detect.mustInclude.length - a.detect.mustInclude.length);
  return fits[0] ?? profiles.find((p) => p.detect.fallback) ?? null;
}
