// Load synthetic disclosures into the configured store (YUSUAN_DATA_DIR or DATABASE_URL), for
// demos and end-to-end tests: `npx tsx scripts/load-synthetic.ts [count=50]`. Departments get five
// years each; about one in ten has an injected error.

import { analyse } from '../src/analysis.js';
import { loadProfiles } from '../src/profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../src/rules/catalog.js';
import { openStore } from '../src/store/db.js';
import { importAnalysed } from '../src/store/import.js';
import { syntheticDisclosure } from '../src/synthetic/generate.js';

const count = Number(process.argv[2] ?? 50);
const profile = loadProfiles(IDENTITY_RULE_IDS).find((p) => p.id === 'sichuan-province-budget-2024')!;
const store = await openStore();
const seen = new Set<string>();
let n = 0;
for (let i = 0; n < count; i++) {
  const base = syntheticDisclosure({ seed: 500 + i });
  if (seen.has(base.meta.department)) continue;
  seen.add(base.meta.department);
  for (const year of [2021, 2022, 2023, 2024, 2025]) {
    if (n >= count) break;
    const doc = syntheticDisclosure({
      seed: 500 + i * 10 + year,
      department: base.meta.department,
      region: base.meta.region ?? undefined,
      year,
      injectError: (i + year) % 10 === 0,
    });
    await importAnalysed(store, doc, analyse({ disclosure: doc, profile }));
    n++;
  }
}
console.log(`已导入 ${n} 份合成公开文件到 ${store.location}`);
await store.close();
