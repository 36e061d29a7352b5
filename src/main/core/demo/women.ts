/**
 * Demo left-behind women (农村留守妇女): married, 20–59, husband working away, living in the
 * township's villages. Deterministic per township (own random stream), with ID numbers no other
 * demo person holds; each is checked against the register's schema before it is yielded.
 */
import { womanInput, type WomanData, type WomanInput } from '../../../shared/contract';
import { WOMAN_NEEDS, type WomanHealth } from '../../../shared/domain/women';
import { dayNumber, isoOfDay, withClock } from '../../../shared/domain/dates';
import { issueIdNumber, isRuralVillage, phoneNumber, villageAddress, type DemoArea, type DemoTownship } from './identity';
import { Random, weighted } from './random';
import { GIVEN, SURNAMES, WORK_PLACES } from './vocab';

export interface WomanPlanItem {
  township: DemoTownship;
  count: number;
}

const HEALTH = weighted<WomanHealth>([
  ['healthy', 85],
  ['ill', 11],
  ['disabled', 4],
]);

function givenName(rng: Random, sex: 'M' | 'F'): string {
  const chars = GIVEN.parent[sex].chars;
  return rng.chance(0.35) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
}

function demoWoman(rng: Random, area: DemoArea, township: DemoTownship, today: string, free: (id: string) => boolean): WomanInput {
  const villages = township.villages.filter(isRuralVillage);
  const village = rng.pick(villages.length > 0 ? villages : township.villages);
  const age = rng.int(24, 55);
  const birth = isoOfDay(dayNumber(today) - age * 365 - rng.int(0, 364));
  const idNumber = issueIdNumber(rng, area.countyCode, township, birth, 'F', free);
  // Registered after she turned 20, within the last six years, never in the future.
  const earliest = Math.max(dayNumber(birth) + 21 * 366, dayNumber(today) - 6 * 365);
  const since = isoOfDay(rng.int(earliest, dayNumber(today) - 1));
  const [province, city] = rng.pickWeighted(WORK_PLACES);
  const needs = WOMAN_NEEDS.map((n) => n.value).filter(() => rng.chance(0.2));
  return {
    name: rng.pickWeighted(SURNAMES) + givenName(rng, 'F'),
    idNumber,
    villageCode: village.code,
    address: villageAddress(rng, area, township, village),
    phone: phoneNumber(rng),
    husbandName: rng.pickWeighted(SURNAMES) + givenName(rng, 'M'),
    husbandPhone: phoneNumber(rng),
    husbandWorkProvince: province,
    husbandWorkCity: city,
    childrenAtHome: rng.int(0, 3),
    eldersAtHome: rng.int(0, 2),
    health: rng.pickWeighted(HEALTH),
    needs,
    sinceOn: since,
  };
}

/** Women for a plan, township by township; `taken` says which ID numbers other demo people hold. */
export function* demoWomen(area: DemoArea, plan: readonly WomanPlanItem[], today: string, taken: (idNumber: string) => boolean): Generator<WomanData> {
  const used = new Set<string>();
  for (const { township, count } of plan) {
    const rng = new Random(`women:${area.countyCode}:${township.code}:${today}`);
    for (let i = 0; i < count; i++) {
      const woman = demoWoman(rng, area, township, today, (id) => !used.has(id) && !taken(id));
      // Checked against the demo's own today (the core's clock), not the PC's.
      const made = withClock(() => new Date(`${today}T12:00:00`), () => womanInput.safeParse(woman));
      if (!made.success) throw new Error(`demo woman breaks the register's rules: ${made.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      used.add(made.data.idNumber);
      yield made.data;
    }
  }
}
