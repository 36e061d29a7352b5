/**
 * Demo meal assistance (老年助餐): sites across the townships, diners drawn from the demo elders of
 * each site's township, and a year of meals ticked on serving days only.
 *
 * Sites: DEMO_MEAL_SITES, spread over the townships by their elders; a township's first site is a
 * canteen (老年食堂) in its town committee where it has one, the others village meal points, and a
 * third in a township a partner restaurant (老年餐桌). Some are being built (筹建) and some stopped
 * (停运) part-way through the year. Diners: the elders of the site's village first, then of the
 * township, each at one site; a few with a category chosen by the worker (and why), a few from
 * outside the register, a few who stopped coming. Meals: the site's meal times on its serving days,
 * closed for Spring Festival and National Day, each diner with their own habit, a spell or two of
 * illness, and meals brought home for those on delivery.
 *
 * The subsidy standard: at the county, a rule written through the capture path like the county's
 * own; at a station that has received none, the same rule as reference data not yet received (at
 * version 0, as the place seed is), so the county's standard replaces it when it arrives. Each meal
 * keeps the amounts that rule gives, exactly as a tick on the grid would (`mealValues`).
 */
import { v7 as uuidv7 } from 'uuid';
import type { DemoScale, MealSiteData } from '../../../shared/contract';
import { addDays, dayNumber, isoOfDay, isoWeekday } from '../../../shared/domain/dates';
import { ruleOn, type MealMethod, type MealSubsidyRule, type MealTime, type SiteKind, type SiteStatus } from '../../../shared/domain/meals';
import type { StationMeta } from '../context';
import { mealId, mealValues } from '../meals/attendance';
import type { DinerFactsRow } from '../meals/diners';
import { siteRow } from '../meals/rows';
import { writeRule } from '../rules/handlers';
import { readRuleValue } from '../rules/read';
import { writeRow } from '../sync/applyRows';
import { insertRow } from '../sync/capture';
import { splitByWeight } from './children';
import { isRuralVillage, phoneNumber, type DemoArea, type DemoTownship, type DemoVillage } from './identity';
import { Random } from './random';
import { ELDER_NAMES, SURNAMES } from './vocab';
import type { WriteRun } from './write';

export const MEALS_PHASE = '生成助餐演示数据';

/** Sites by scale and data dir; a county-scale station takes its township's share (at least one). */
export const DEMO_MEAL_SITES = {
  small: { county: 12, station: 4 },
  county: { county: 12 },
} as const;

/** Diners a site of each kind aims for (fewer where the township has fewer elders). */
const DINER_TARGET: Record<SiteKind, number> = { canteen: 40, point: 18, table: 12 };
/** Meals written between progress reports and pauses. */
const MEALS_PER_PAUSE = 5000;

/** 除夕 of each year: sites close from it for a week. */
const SPRING_FESTIVAL_EVE: Readonly<Record<number, string>> = {
  2023: '2023-01-21', 2024: '2024-02-09', 2025: '2025-01-28', 2026: '2026-02-16', 2027: '2027-02-05', 2028: '2028-01-25', 2029: '2029-02-12', 2030: '2030-02-02',
  2031: '2031-01-22', 2032: '2032-02-10', 2033: '2033-01-30', 2034: '2034-02-18', 2035: '2035-02-07',
};

/** Spring Festival (除夕 to 初六) and National Day (1–7 October): no site serves. */
export function isHoliday(day: string): boolean {
  const md = day.slice(5);
  if (md >= '10-01' && md <= '10-07') return true;
  const eve = SPRING_FESTIVAL_EVE[Number(day.slice(0, 4))];
  return eve !== undefined && day >= eve && day <= addDays(eve, 6);
}

/** The county's standard in the demo: a year's prices and subsidies in fen, in force from 1 January of last year. */
export function demoMealStandard(today: string): MealSubsidyRule {
  return {
    effectiveFrom: `${Number(today.slice(0, 4)) - 1}-01-01`,
    priceFen: { breakfast: 400, lunch: 1200, dinner: 1000 },
    subsidyFen: {
      tekun: { breakfast: 400, lunch: 1200, dinner: 1000 },
      dibao: { breakfast: 200, lunch: 800, dinner: 600 },
      low_income: { breakfast: 200, lunch: 600, dinner: 500 },
      disabled: { breakfast: 200, lunch: 600, dinner: 500 },
      age_80: { breakfast: 200, lunch: 500, dinner: 400 },
      age_70: { lunch: 300, dinner: 200 },
      age_60: { lunch: 200 },
    },
    deliveryFeeFen: 200,
  };
}

/** The rules in force for the demo: the county's if any, else the demo standard, written as the role allows. */
function ensureStandard(run: WriteRun, countyCode: string): MealSubsidyRule[] {
  const { w, today } = run;
  const existing = readRuleValue<MealSubsidyRule[]>(w.db, 'mealSubsidy');
  if (existing && existing.length > 0) return existing;
  const rules = [demoMealStandard(today)];
  if (w.role === 'county') writeRule(w, 'mealSubsidy', rules);
  else writeRow(w.db, 'rules', 'mealSubsidy', { station_code: countyCode, created_at: w.now, updated_at: w.now, deleted: 0, value: JSON.stringify(rules) }, w);
  return rules;
}

interface SitePlanItem {
  township: DemoTownship;
  /** The site's place within its township (0: the first). */
  index: number;
  /** Its place among the county's demo sites: decides which are being built or stopped. */
  serial: number;
}

const townshipElders = (db: WriteRun['w']['db'], code: string) => (db.prepare('SELECT count(*) AS n FROM elders WHERE deleted = 0 AND township_code = ?').get(code) as { n: number }).n;

/** The county's sites by township, in proportion to the villages (as the elders are spread). */
function countyPlan(area: DemoArea, count: number): SitePlanItem[] {
  const weights = area.townships.map((t) => t.villages.reduce((s, v) => s + (isRuralVillage(v) ? 1 : 0.6), 0));
  const parts = splitByWeight(count, weights);
  const out: SitePlanItem[] = [];
  area.townships.forEach((township, i) => {
    for (let index = 0; index < parts[i]!; index++) out.push({ township, index, serial: out.length });
  });
  return out;
}

export function demoMealPlan(area: DemoArea, station: StationMeta, scale: DemoScale): SitePlanItem[] {
  if (station.role === 'county') return countyPlan(area, DEMO_MEAL_SITES[scale].county);
  const own = area.townships.find((t) => t.code === station.code);
  if (!own) return [];
  const n = scale === 'small' ? DEMO_MEAL_SITES.small.station : Math.max(1, countyPlan(area, DEMO_MEAL_SITES.county.county).filter((p) => p.township.code === own.code).length);
  // A station's own sites show each state: running ones, one stopped, one being built.
  return Array.from({ length: n }, (_, index) => ({ township: own, index, serial: n >= 4 ? [0, 1, 2, 5][index] ?? index : index }));
}

interface DemoSite {
  id: string;
  data: MealSiteData;
  owner: string;
  /** Last day meals were served: today, or the day before the site stopped. */
  lastDay: string;
  method: MealMethod;
}

function statusOf(serial: number): SiteStatus {
  if (serial % 6 === 5) return 'planned';
  if (serial % 6 === 2) return 'stopped';
  return 'running';
}

function siteOf(rng: Random, item: SitePlanItem, used: Set<string>, today: string): Omit<DemoSite, 'id' | 'owner'> {
  const { township, index, serial } = item;
  const committees = township.villages.filter((v) => !isRuralVillage(v) && !used.has(v.code));
  const rural = township.villages.filter((v) => isRuralVillage(v) && !used.has(v.code));
  const kind: SiteKind = index === 0 && committees.length > 0 ? 'canteen' : index === 2 ? 'table' : 'point';
  const village: DemoVillage = kind === 'canteen' ? committees[0]! : rng.pick(rural.length > 0 ? rural : township.villages);
  used.add(village.code);
  const status = statusOf(serial);
  const built = status === 'planned' ? undefined : addDays(today, -(serial % 6 === 4 ? rng.int(150, 220) : rng.int(420, 900)));
  const since = status === 'stopped' ? addDays(today, -rng.int(60, 150)) : status === 'planned' ? addDays(today, -rng.int(20, 60)) : built!;
  const surname = rng.pickWeighted(SURNAMES);
  const bare = village.name.replace(/(村|社区|居委会|居民委员会)$/, '');
  const byKind: Record<SiteKind, Pick<MealSiteData, 'name' | 'operatingModel' | 'operator' | 'dailyCapacity' | 'seats' | 'mealTimes' | 'servingDays' | 'delivery'>> = {
    canteen: {
      name: `${township.name}${bare}老年食堂`,
      operatingModel: 'station_ngo',
      operator: `${township.name}社会工作服务站`,
      dailyCapacity: rng.int(8, 15) * 10,
      seats: rng.int(5, 8) * 10,
      mealTimes: ['breakfast', 'lunch'],
      servingDays: ['1', '2', '3', '4', '5', '6'],
      delivery: true,
    },
    point: {
      name: `${township.name}${village.name}老年助餐点`,
      operatingModel: 'village_mutual',
      operator: `${village.name}${isRuralVillage(village) ? '村民委员会' : '居民委员会'}`,
      dailyCapacity: rng.int(3, 8) * 5,
      seats: rng.int(2, 4) * 10,
      mealTimes: ['lunch'],
      servingDays: ['1', '2', '3', '4', '5'],
      delivery: rng.chance(0.5),
    },
    table: {
      name: `${township.name}${surname}记饭店老年餐桌`,
      operatingModel: 'catering',
      operator: `青阳县${township.name}${surname}记饭店`,
      dailyCapacity: rng.int(4, 6) * 5,
      seats: rng.int(2, 3) * 10,
      mealTimes: ['lunch', 'dinner'],
      servingDays: ['1', '2', '3', '4', '5', '6', '7'],
      delivery: false,
    },
  };
  const data: MealSiteData = {
    ...byKind[kind],
    kind,
    area: isRuralVillage(village) ? 'rural' : 'urban',
    villageCode: village.code,
    address: kind === 'table' ? `${township.name}${village.name}街道${rng.int(1, 80)}号` : `${village.name}${isRuralVillage(village) ? '村部' : '社区服务中心'}一楼`,
    contactName: `${rng.pickWeighted(SURNAMES)}${rng.pick(rng.chance(0.5) ? ELDER_NAMES.F : ELDER_NAMES.M)}`,
    contactPhone: phoneNumber(rng),
    taskYear: Number((built ?? today).slice(0, 4)),
    builtOn: built,
    status,
    statusSince: since,
    licenceNo: kind === 'canteen' ? `JY${rng.digits(14)}` : undefined,
    licenceExpiresOn: kind === 'canteen' ? addDays(today, rng.int(200, 1500)) : undefined,
    notes: status === 'stopped' ? (kind === 'table' ? '饭店转让，暂停助餐服务' : '厨师离职，暂停供餐，待村里另选人员') : undefined,
  };
  return { data, lastDay: status === 'stopped' ? addDays(since, -1) : today, method: kind === 'canteen' ? 'card' : kind === 'table' ? 'qr' : 'sign' };
}

interface ElderLite {
  id: string;
  name: string;
  id_number: string;
  village_code: string;
  birth_date: string;
  economic_status: string | null;
  capability: string | null;
}

interface DemoDiner {
  row: DinerFactsRow;
  /** How often they come, and when they were ill. */
  habit: number;
  ill: { from: string; to: string }[];
}

const OVERRIDES: readonly { category: 'disabled' | 'low_income'; reason: string }[] = [
  { category: 'disabled', reason: '经评估为中度失能，台账待更新' },
  { category: 'low_income', reason: '乡镇核定为低收入家庭，待录入台账' },
];

/** `share`: the township's elders a site may take, so every serving site of a small township has diners. */
function dinersOf(rng: Random, site: DemoSite, elders: ElderLite[], taken: Set<string>, share: number, today: string): DemoDiner[] {
  const village = site.data.villageCode;
  const ordered = [...elders.filter((e) => e.village_code === village), ...elders.filter((e) => e.village_code !== village)].filter((e) => !taken.has(e.id));
  const want = Math.min(DINER_TARGET[site.data.kind], Math.round(site.data.dailyCapacity * 0.9), share + 2);
  const chosen = ordered.slice(0, Math.max(0, want - 2));
  const firstDay = [site.data.builtOn!, addDays(today, -365)].sort().at(-1)!;
  const base = (id: string, startOn: string): Omit<DinerFactsRow, 'elder_id' | 'name' | 'elder_name' | 'elder_id_number' | 'elder_village' | 'birth_date' | 'economic_status' | 'capability'> => ({
    id,
    station_code: site.owner,
    created_at: '',
    updated_at: '',
    deleted: 0,
    site_id: site.id,
    id_number: null,
    category_override: null,
    override_reason: null,
    start_on: startOn,
    stop_on: null,
    delivery: 0,
    diet_notes: null,
    site_name: site.data.name,
    site_village: village,
    elder_left_on: null,
  });
  const diners: DemoDiner[] = [];
  const pattern = () => ({ habit: 0.55 + rng.next() * 0.4, ill: illness(rng, firstDay, site.lastDay) });
  chosen.forEach((e, i) => {
    taken.add(e.id);
    // Most came from the first day; some joined during the year.
    const startOn = i % 4 === 3 ? addDays(firstDay, rng.int(20, 200)) : firstDay;
    if (startOn >= site.lastDay) return;
    const row: DinerFactsRow = {
      ...base(uuidv7(), startOn),
      elder_id: e.id,
      name: null,
      elder_name: e.name,
      elder_id_number: e.id_number,
      elder_village: e.village_code,
      birth_date: e.birth_date,
      economic_status: e.economic_status,
      capability: e.capability,
    };
    if (i % 9 === 4) {
      const o = OVERRIDES[i % OVERRIDES.length]!;
      row.category_override = o.category;
      row.override_reason = o.reason;
    }
    if (i % 11 === 7) {
      const stop = addDays(today, -rng.int(30, 160));
      if (stop > addDays(startOn, 30) && stop < site.lastDay) row.stop_on = stop;
    }
    if (site.data.delivery && i % 7 === 5) {
      row.delivery = 1;
      row.diet_notes = '行动不便，午餐送餐上门';
    } else if (rng.chance(0.1)) row.diet_notes = rng.pick(['低盐', '少油少糖', '不吃辣', '糖尿病，主食减半', '软烂易嚼']);
    diners.push({ row, ...pattern() });
  });
  // Two people outside the register eat at their own cost (普通).
  for (let k = 0; k < 2 && diners.length > 0; k++) {
    const female = rng.chance(0.5);
    const name = `${rng.pickWeighted(SURNAMES)}${rng.pick(female ? ELDER_NAMES.F : ELDER_NAMES.M)}`;
    diners.push({ row: { ...base(uuidv7(), addDays(firstDay, rng.int(0, 60))), elder_id: null, name, elder_name: null, elder_id_number: null, elder_village: null, birth_date: null, economic_status: null, capability: null }, ...pattern() });
  }
  return diners.filter((d) => d.row.start_on < site.lastDay);
}

/** Zero to two spells of illness in the span, each one to three weeks. */
function illness(rng: Random, from: string, to: string): { from: string; to: string }[] {
  const span = dayNumber(to) - dayNumber(from);
  if (span < 30) return [];
  return Array.from({ length: rng.int(0, 2) }, () => {
    const start = addDays(from, rng.int(0, span - 10));
    return { from: start, to: addDays(start, rng.int(6, 21)) };
  });
}

const MEAL_HABIT: Record<MealTime, number> = { breakfast: 0.55, lunch: 1, dinner: 0.45 };

export interface MealsWritten {
  sites: number;
  diners: number;
  meals: number;
}

/** Sites, diners and their year of meals, in the caller's long write (see generate.ts for the hazard). */
export async function writeMeals(run: WriteRun, area: DemoArea, plan: readonly SitePlanItem[]): Promise<MealsWritten> {
  const { w, call, today } = run;
  const out: MealsWritten = { sites: 0, diners: 0, meals: 0 };
  if (plan.length === 0) return out;
  const rules = ensureStandard(run, area.countyCode);
  const taken = new Set<string>();
  const usedVillages = new Set<string>();
  const eldersOf = w.db.prepare(
    'SELECT id, name, id_number, village_code, birth_date, economic_status, capability FROM elders WHERE deleted = 0 AND township_code = ? ORDER BY id_number',
  );
  const groupsOf = w.db.prepare(
    'SELECT elder_id, group_code, start_date, end_date FROM elder_groups WHERE deleted = 0 AND elder_id IN (SELECT value FROM json_each(?))',
  );
  call.progress({ phase: MEALS_PHASE, done: 0, total: plan.length });
  let sincePause = 0;
  for (const item of plan) {
    const rng = new Random(`meals:${item.township.code}:${item.index}`);
    const made = siteOf(rng, item, usedVillages, today);
    const site: DemoSite = { ...made, id: uuidv7(), owner: item.township.code };
    insertRow(w, 'meal_sites', site.id, siteRow(site.data), site.owner);
    out.sites++;
    if (site.data.status !== 'planned' && townshipElders(w.db, item.township.code) > 0) {
      const serving = plan.filter((p) => p.township.code === item.township.code && statusOf(p.serial) !== 'planned').length;
      const elders = eldersOf.all(item.township.code) as ElderLite[];
      const diners = dinersOf(rng, site, elders, taken, Math.floor((elders.length * 0.8) / Math.max(1, serving)), today);
      const groups = new Map<string, { group_code: string; start_date: string; end_date: string | null }[]>();
      for (const g of groupsOf.all(JSON.stringify(diners.flatMap((d) => (d.row.elder_id ? [d.row.elder_id] : [])))) as { elder_id: string; group_code: string; start_date: string; end_date: string | null }[]) {
        groups.set(g.elder_id, [...(groups.get(g.elder_id) ?? []), g]);
      }
      for (const d of diners) {
        const r = d.row;
        insertRow(
          w,
          'meal_diners',
          r.id,
          {
            site_id: r.site_id,
            elder_id: r.elder_id,
            name: r.name,
            id_number: null,
            category_override: r.category_override,
            override_reason: r.override_reason,
            start_on: r.start_on,
            stop_on: r.stop_on,
            delivery: r.delivery,
            diet_notes: r.diet_notes,
          },
          site.owner,
        );
        out.diners++;
        const held = groups.get(r.elder_id ?? '') ?? [];
        const last = [site.lastDay, r.stop_on ?? site.lastDay].sort()[0]!;
        for (let n = dayNumber(r.start_on); n <= dayNumber(last); n++) {
          const day = isoOfDay(n);
          if (!site.data.servingDays.includes(isoWeekday(day) as MealSiteData['servingDays'][number]) || isHoliday(day)) continue;
          if (d.ill.some((s) => day >= s.from && day <= s.to)) continue;
          const dayGroups = held.filter((g) => g.start_date <= day && (g.end_date === null || g.end_date >= day)).map((g) => g.group_code);
          for (const mealTime of site.data.mealTimes) {
            if (!rng.chance(d.habit * MEAL_HABIT[mealTime])) continue;
            const delivered = r.delivery === 1 ? rng.chance(0.9) : site.data.delivery && rng.chance(0.03);
            const method: MealMethod = rng.chance(0.02) ? 'late' : site.method;
            insertRow(w, 'meal_attendance', mealId(r.id, day, mealTime), mealValues(r, dayGroups, ruleOn(rules, day), { day, mealTime, method, delivered }), site.owner);
            out.meals++;
            if (++sincePause >= MEALS_PER_PAUSE) {
              sincePause = 0;
              await run.pause();
            }
          }
        }
      }
    }
    call.progress({ phase: MEALS_PHASE, done: out.sites, total: plan.length });
    await run.pause();
  }
  return out;
}
