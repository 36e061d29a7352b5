/**
 * Elderly meal assistance (老年助餐): sites, diners, attendance and the month's settlement.
 * Amounts are integer fen (分) everywhere, so sums are exact; yuan appear only on screen and paper.
 * Prices and subsidies are county data (`MealSubsidyRule`), never constants: they differ by county
 * and year.
 */
import { ageOn } from './dates';
import type { Option } from './labels';

export const SITE_KINDS = [
  { value: 'canteen', label: '老年食堂' },
  { value: 'point', label: '老年助餐点' },
  { value: 'table', label: '老年餐桌' },
] as const satisfies readonly Option[];
export type SiteKind = (typeof SITE_KINDS)[number]['value'];

export const SITE_AREAS = [
  { value: 'urban', label: '城市' },
  { value: 'rural', label: '农村' },
] as const satisfies readonly Option[];

export const SITE_STATUSES = [
  { value: 'planned', label: '筹建' },
  { value: 'running', label: '运营' },
  { value: 'stopped', label: '停运' },
] as const satisfies readonly Option[];
export type SiteStatus = (typeof SITE_STATUSES)[number]['value'];

export const OPERATING_MODELS = [
  { value: 'station_ngo', label: '社工站+公益组织' },
  { value: 'village_mutual', label: '村集体互助' },
  { value: 'catering', label: '餐饮企业+助餐' },
  { value: 'institution', label: '养老机构延伸' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

export const MEAL_TIMES = [
  { value: 'breakfast', label: '早餐' },
  { value: 'lunch', label: '午餐' },
  { value: 'dinner', label: '晚餐' },
] as const satisfies readonly Option[];
export type MealTime = (typeof MEAL_TIMES)[number]['value'];

/** How a meal was recorded; a tick for a past day is 补录 whatever the device. */
export const MEAL_METHODS = [
  { value: 'sign', label: '签到' },
  { value: 'card', label: '刷卡' },
  { value: 'face', label: '人脸' },
  { value: 'qr', label: '扫码' },
  { value: 'late', label: '补录' },
] as const satisfies readonly Option[];
export type MealMethod = (typeof MEAL_METHODS)[number]['value'];

/** The methods a sign-in device's export is recorded with (the user says which device it came from). */
export const DEVICE_METHODS = MEAL_METHODS.filter((m): m is Extract<(typeof MEAL_METHODS)[number], { value: 'card' | 'face' | 'qr' }> => m.value === 'card' || m.value === 'face' || m.value === 'qr');

/** ISO weekdays 1 (Monday) to 7 (Sunday), as `serving days` store them. */
export const WEEKDAYS = [
  { value: '1', label: '周一' },
  { value: '2', label: '周二' },
  { value: '3', label: '周三' },
  { value: '4', label: '周四' },
  { value: '5', label: '周五' },
  { value: '6', label: '周六' },
  { value: '7', label: '周日' },
] as const satisfies readonly Option[];

/**
 * Subsidy categories. A registered elder may hold several (特困 and 80岁以上); the subsidy of a meal
 * is the highest the day's rule gives any of them. `ordinary` is someone not in the register: counted,
 * never subsidised.
 */
export const MEAL_CATEGORIES = [
  { value: 'tekun', label: '特困' },
  { value: 'dibao', label: '低保' },
  { value: 'low_income', label: '低收入' },
  { value: 'disabled', label: '失能' },
  { value: 'age_80', label: '80岁及以上' },
  { value: 'age_70', label: '70—79岁' },
  { value: 'age_60', label: '60—69岁' },
  { value: 'ordinary', label: '普通（非登记）' },
] as const satisfies readonly Option[];
export type MealCategory = (typeof MEAL_CATEGORIES)[number]['value'];

const SEVERE_CAPABILITY = new Set(['moderate', 'severe', 'total']);

/** What of an elder's record decides their subsidy categories. */
export interface DinerFacts {
  birthDate: string;
  economicStatus?: string | null;
  capability?: string | null;
  groups: readonly string[];
}

/** The categories an elder holds on `day`: economic status, disability, and one age band. */
export function mealCategoriesOf(elder: DinerFacts, day: string): MealCategory[] {
  const out = new Set<MealCategory>();
  if (elder.economicStatus === 'tekun' || elder.groups.includes('dispersed_tekun')) out.add('tekun');
  if (elder.economicStatus === 'dibao') out.add('dibao');
  if (elder.economicStatus === 'low_income') out.add('low_income');
  if (elder.groups.includes('disabled_care') || elder.groups.includes('severe_disability') || SEVERE_CAPABILITY.has(elder.capability ?? '')) out.add('disabled');
  const age = ageOn(elder.birthDate, day);
  if (age >= 80) out.add('age_80');
  else if (age >= 70) out.add('age_70');
  else if (age >= 60) out.add('age_60');
  return MEAL_CATEGORIES.map((c) => c.value).filter((c) => out.has(c));
}

/** The county's meal standard from a day on: price per meal time, subsidy per category and meal time. */
export interface MealSubsidyRule {
  effectiveFrom: string;
  priceFen: Partial<Record<MealTime, number>>;
  subsidyFen: Partial<Record<MealCategory, Partial<Record<MealTime, number>>>>;
  /** Paid by the elder for a meal brought home (送餐). */
  deliveryFeeFen: number;
}

/** The rule in force on `day`: the latest that starts on or before it; null before the first. */
export function ruleOn<R extends { effectiveFrom: string }>(rules: readonly R[], day: string): R | null {
  let best: R | null = null;
  for (const r of rules) if (r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

/** What one meal costs and who pays, kept on its attendance row so a new standard never rewrites it. */
export interface MealCharge {
  /** The category the subsidy came from; `ordinary` when none gave any. */
  category: MealCategory;
  priceFen: number;
  subsidyFen: number;
  /** price − subsidy, never below zero. */
  paidFen: number;
  deliveryFeeFen: number;
}

/**
 * One meal under `rule`. `subsidised` is false for a day the diner may not be subsidised (not
 * enrolled then, stopped, died or left the register): the elder then pays the full price.
 */
export function mealCharge(rule: MealSubsidyRule | null, categories: readonly MealCategory[], mealTime: MealTime, opts: { delivered: boolean; subsidised: boolean }): MealCharge {
  const priceFen = rule?.priceFen[mealTime] ?? 0;
  // Without a subsidy the meal still counts under the person's first category (or 普通).
  let category: MealCategory = categories[0] ?? 'ordinary';
  let subsidyFen = 0;
  if (rule && opts.subsidised) {
    for (const c of categories) {
      const s = rule.subsidyFen[c]?.[mealTime] ?? 0;
      if (s > subsidyFen) {
        subsidyFen = s;
        category = c;
      }
    }
  }
  // A subsidy above the price is capped at it: the operator is paid for the meal, not more.
  subsidyFen = Math.min(subsidyFen, priceFen);
  return { category, priceFen, subsidyFen, paidFen: Math.max(0, priceFen - subsidyFen), deliveryFeeFen: opts.delivered ? (rule?.deliveryFeeFen ?? 0) : 0 };
}

/** A diner's enrolment as the subsidy sees it. */
export interface DinerSpan {
  startOn: string;
  stopOn?: string | null;
  /** The day the elder died or left the register: no subsidy after it. */
  endedOn?: string | null;
}

export function subsidisedOn(diner: DinerSpan, day: string): boolean {
  if (day < diner.startOn) return false;
  if (diner.stopOn && day > diner.stopOn) return false;
  if (diner.endedOn && day > diner.endedOn) return false;
  return true;
}

/** One row of attendance as the settlement reads it. */
export interface SettledMeal {
  personKey: string;
  day: string;
  category: MealCategory;
  subsidyFen: number;
  paidFen: number;
  deliveryFeeFen: number;
}

export interface SettlementPerson {
  personKey: string;
  category: MealCategory;
  meals: number;
  subsidyFen: number;
  paidFen: number;
  deliveryFeeFen: number;
}

export interface SettlementGroup {
  category: MealCategory;
  persons: number;
  meals: number;
  subsidyFen: number;
  paidFen: number;
  deliveryFeeFen: number;
}

export interface Settlement {
  persons: SettlementPerson[];
  categories: SettlementGroup[];
  total: Omit<SettlementGroup, 'category'>;
}

/**
 * A month's meals summed per person and per category. A person is listed under the category of most
 * of their meals (a birthday into 80岁及以上 mid-month splits nothing on paper); the category
 * subtotals count each meal under its own row's category, so totals always equal the rows' sum.
 */
export function settle(meals: readonly SettledMeal[]): Settlement {
  const people = new Map<string, SettlementPerson & { counts: Map<MealCategory, number> }>();
  const groups = new Map<MealCategory, SettlementGroup & { people: Set<string> }>();
  const total = { persons: 0, meals: 0, subsidyFen: 0, paidFen: 0, deliveryFeeFen: 0 };
  for (const m of meals) {
    let p = people.get(m.personKey);
    if (!p) {
      p = { personKey: m.personKey, category: m.category, meals: 0, subsidyFen: 0, paidFen: 0, deliveryFeeFen: 0, counts: new Map() };
      people.set(m.personKey, p);
    }
    let g = groups.get(m.category);
    if (!g) {
      g = { category: m.category, persons: 0, meals: 0, subsidyFen: 0, paidFen: 0, deliveryFeeFen: 0, people: new Set() };
      groups.set(m.category, g);
    }
    for (const acc of [p, g, total]) {
      acc.meals += 1;
      acc.subsidyFen += m.subsidyFen;
      acc.paidFen += m.paidFen;
      acc.deliveryFeeFen += m.deliveryFeeFen;
    }
    p.counts.set(m.category, (p.counts.get(m.category) ?? 0) + 1);
    g.people.add(m.personKey);
  }
  const order = MEAL_CATEGORIES.map((c) => c.value);
  const persons = [...people.values()].map(({ counts, ...p }) => {
    let category = p.category;
    for (const [c, n] of counts) if (n > (counts.get(category) ?? 0) || (n === counts.get(category) && order.indexOf(c) < order.indexOf(category))) category = c;
    return { ...p, category };
  });
  const categories = [...groups.values()]
    .map(({ people: members, ...g }) => ({ ...g, persons: members.size }))
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  total.persons = people.size;
  return { persons, categories, total };
}

/** Names in the order a Chinese list reads them; one collator, since building one per comparison is slow. */
export const compareNames = new Intl.Collator('zh-CN').compare;
