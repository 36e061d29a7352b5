/**
 * Synthetic elders for demonstrations: pure functions, no database.
 *
 * Like the children, each township draws from its own random stream, seeded by its code, so a
 * station's demo elders are the county's for that township. Every elder is made the way a station
 * registers one: a household situation first (alone, a couple whose children left, living with
 * children, special hardship, ...), then the fields, then the target groups those fields justify
 * (the rules of `elderGroupProblem`), and the visit tier `suggestedRiskTier` proposes.
 *
 * ID numbers come from the township's block, like the children's, and avoid every number the
 * children's generator issued for the same township (children, parents, guardians): a grandparent
 * named as a guardian never shares a number with a different elder.
 */
import type { ElderContactData, ElderData, SupportAgreementData } from '../../../shared/contract';
import { ageOn, birthDateForAge, dayNumber, isoOfDay } from '../../../shared/domain/dates';
import {
  DISABLED_CARE_SCORE_BELOW,
  elderAgeProblem,
  elderGroupProblem,
  HIGH_AGE_MIN,
  suggestedRiskTier,
  type CapabilityLevel,
  type EconomicStatus,
  type ElderGroup,
  type LivingSituation,
  type RiskTier,
} from '../../../shared/domain/elders';
import { birthDateOfIdNumber, type Sex } from '../../../shared/domain/idNumber';
import { ROUTINE_HEALTH, type HealthCheck, type SupporterVisits } from '../../../shared/domain/visits';
import { birthday } from './days';
import { isRuralVillage, issueIdNumber, phoneNumber, villageAddress, type DemoArea, type DemoTownship, type DemoVillage } from './identity';
import { Random, weighted } from './random';
import { ELDER_CONDITIONS, ELDER_DISABILITY_TYPES, ELDER_NAMES, ELDER_NOTES, GIVEN, SURNAMES, WORK_PLACES } from './vocab';

export interface ElderPlanItem {
  township: DemoTownship;
  count: number;
}

/** What the elder's visits record about them; not part of the register. */
export interface ElderTraits {
  /** The health check a home visit records when nothing has changed. */
  health: Partial<HealthCheck>;
  supportersVisit: SupporterVisits;
  livesAlone: boolean;
  /** 特困, 低保 or 低收入: money is a topic on visits. */
  poor: boolean;
  /** What the visitor notes under 享受政策, from the elder's benefits. */
  benefitsNote?: string;
}

export interface DemoElder {
  elder: ElderData;
  contacts: ElderContactData[];
  agreements: SupportAgreementData[];
  traits: ElderTraits;
  /** The elder's index in the township's stream. */
  index: number;
}

/** Earliest day a demo group starts: the register is a few years old. */
const GROUPS_SINCE = dayNumber('2019-01-01');

/** Age in completed years, by 5-year band: the register leans older than the population (high age, disability). */
const AGE_BANDS = weighted<readonly [number, number]>([
  [[60, 64], 12],
  [[65, 69], 17],
  [[70, 74], 20],
  [[75, 79], 18],
  [[80, 84], 15],
  [[85, 89], 11],
  [[90, 94], 5],
  [[95, 99], 1.6],
  [[100, 100], 0.4],
]);

type Household = 'alone' | 'couple' | 'with_children' | 'tekun' | 'family_planning' | 'other';

/** Who is on the register at each age: high-age elders mostly live with their children. */
function householdWeights(age: number): (readonly [Household, number])[] {
  const old = age >= HIGH_AGE_MIN;
  return [
    ['alone', age >= 75 ? 28 : 22],
    ['couple', old ? 16 : 34],
    // Under 80, living with children puts someone on the register only when they need care.
    ['with_children', old ? 30 : 8],
    ['tekun', 6],
    ['family_planning', 2],
    ['other', age >= 75 ? 4 : 0.5],
  ];
}
const HOUSEHOLDS = { young: weighted(householdWeights(60)), older: weighted(householdWeights(75)), old: weighted(householdWeights(HIGH_AGE_MIN)) };
const householdTable = (age: number) => (age >= HIGH_AGE_MIN ? HOUSEHOLDS.old : age >= 75 ? HOUSEHOLDS.older : HOUSEHOLDS.young);

const CONTACT_COUNT = weighted<number>([
  [0, 6],
  [1, 50],
  [2, 38],
  [3, 6],
]);

/** Scores of GB/T 42195-2022 by level; moderate stops below the register's 失能 line. */
const SCORE_RANGE: Readonly<Record<CapabilityLevel, readonly [number, number]>> = {
  intact: [90, 90],
  mild: [66, 89],
  moderate: [46, DISABLED_CARE_SCORE_BELOW - 1],
  severe: [30, 45],
  total: [0, 29],
};

const IMPAIRED = weighted<Exclude<CapabilityLevel, 'intact'>>([
  ['mild', 50],
  ['moderate', 25],
  ['severe', 15],
  ['total', 10],
]);

interface Offspring {
  name: string;
  sex: Sex;
  phone: string;
  /** Where they work, when away from home. */
  away?: string;
}

const BENEFIT_NOTES: Partial<Record<string, string>> = {
  dibao: '低保金',
  tekun: '特困供养金',
  high_age: '高龄津贴',
  care_subsidy: '护理补贴',
  disability_subsidy: '残疾人两项补贴',
};

export class TownshipElders {
  private readonly rng: Random;
  private readonly used = new Set<string>();
  private readonly villageTable;
  private readonly visitors = new Map<string, { name: string; phone: string }>();
  private readonly todayDay: number;
  private index = 0;

  constructor(
    private readonly area: DemoArea,
    private readonly township: DemoTownship,
    private readonly today: string,
    /** ID numbers given to someone else already (children and their relatives, the database). */
    private readonly taken: (idNumber: string) => boolean = () => false,
  ) {
    if (township.villages.length === 0) throw new Error(`township ${township.code} has no villages`);
    this.rng = new Random(`station-ledger demo elders ${township.code}`);
    // Elders stay in the villages; town-centre committees hold fewer of the register's elders.
    this.villageTable = weighted(township.villages.map((v) => [v, isRuralVillage(v) ? 1 : 0.6] as const));
    this.todayDay = dayNumber(today);
  }

  next(): DemoElder {
    const index = this.index++;
    const r = this.rng;
    const village = r.pickWeighted(this.villageTable);
    const rural = isRuralVillage(village);

    const [minAge, maxAge] = r.pickWeighted(AGE_BANDS);
    const birthDay = r.int(dayNumber(birthDateForAge(this.today, maxAge + 1)) + 1, dayNumber(birthDateForAge(this.today, minAge)));
    const birthDate = isoOfDay(birthDay);
    const age = ageOn(birthDate, this.today);
    const household = r.pickWeighted(householdTable(age));
    // Women outlive men; special-hardship elders are mostly men who never married.
    const sex: Sex = household === 'tekun' ? (r.chance(0.72) ? 'M' : 'F') : r.chance(Math.min(0.75, 0.47 + 0.007 * (age - 60))) ? 'F' : 'M';
    const idNumber = issueIdNumber(r, this.area.countyCode, this.township, birthDate, sex, (c) => !this.used.has(c) && !this.taken(c));
    this.used.add(idNumber);
    const surname = r.pickWeighted(SURNAMES);
    const name = surname + this.givenName(sex);

    const maritalStatus = this.maritalStatus(household, age, sex);
    const livingSituation: LivingSituation =
      household === 'alone'
        ? 'alone'
        : household === 'couple'
          ? 'with_spouse'
          : household === 'with_children'
            ? 'with_children'
            : household === 'tekun'
              ? r.chance(0.88)
                ? 'alone'
                : 'other'
              : household === 'family_planning'
                ? maritalStatus === 'married'
                  ? 'with_spouse'
                  : 'alone'
                : 'other';
    const hasChildren = household !== 'tekun' && household !== 'family_planning' && maritalStatus !== 'single';
    // A married woman's children carry her husband's surname.
    const familySurname = sex === 'M' ? surname : r.pickWeighted(SURNAMES);
    const offspring = hasChildren ? this.offspring(birthDay, familySurname, rural && livingSituation !== 'with_children') : [];

    // Capability: impairment grows with age; under 80, living with children means needing care.
    const needsCare = household === 'with_children' && age < HIGH_AGE_MIN;
    const intactShare = age < 70 ? 0.78 : age < 80 ? 0.62 : age < 90 ? 0.42 : 0.25;
    let capability: CapabilityLevel = needsCare
      ? r.pick(['moderate', 'moderate', 'severe', 'total'] as const)
      : r.chance(intactShare)
        ? 'intact'
        : r.pickWeighted(IMPAIRED);
    // Someone who cannot care for themselves rarely still lives alone.
    if (livingSituation === 'alone' && (capability === 'severe' || capability === 'total') && r.chance(0.75)) capability = 'moderate';
    const assessed = needsCare || r.chance(capability === 'intact' ? 0.2 : capability === 'mild' ? 0.7 : 0.9);
    const [lo, hi] = SCORE_RANGE[capability];
    const capabilityScore = assessed ? r.int(lo, hi) : undefined;
    const sixtieth = dayNumber(birthday(birthDate, 60));
    // Assessed within the last three years, as an elder (someone just 60 was assessed this week).
    const assessedFrom = Math.max(sixtieth, this.todayDay - 3 * 365);
    const capabilityAssessedOn = assessed ? isoOfDay(r.int(assessedFrom, Math.max(assessedFrom, this.todayDay - 7))) : undefined;

    const disabled = r.chance(capability === 'severe' || capability === 'total' ? 0.25 : 0.05 + 0.001 * (age - 60));
    const disabilityType = disabled ? r.pickWeighted(ELDER_DISABILITY_TYPES) : undefined;
    const disabilityGrade = disabled ? r.pick(['1', '2', '2', '3', '3', '3', '4', '4', '4'] as const) : undefined;

    const conditions = new Set<string>();
    const conditionCount = r.pick([0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    for (let i = 0; i < conditionCount; i++) conditions.add(r.pickWeighted(ELDER_CONDITIONS));
    const healthNotes = conditions.size > 0 ? [...conditions].join('，') : undefined;

    const economicStatus: EconomicStatus =
      household === 'tekun' ? 'tekun' : r.chance(0.13) ? 'dibao' : r.chance(0.11) ? 'low_income' : 'general';
    const benefits = this.benefits(rural, age, economicStatus, capability, disabilityGrade);

    const groups = this.groups({ birthDate, age, household, livingSituation, hasChildren, rural, awayChildren: offspring.some((o) => o.away), capabilityScore, capabilityAssessedOn, disabilityGrade, economicStatus });
    const held = groups.filter((g) => !g.endDate).map((g) => g.group);
    let riskTier: RiskTier = suggestedRiskTier({ groups: held, capability, livingSituation });
    // Staff raise a tier on their own judgement now and then: dementia or a stroke, alone.
    if (riskTier === 'priority' && livingSituation === 'alone' && /脑梗|痴呆/.test(healthNotes ?? '') && r.chance(0.5)) riskTier = 'high';
    else if (riskTier === 'general' && r.chance(0.05)) riskTier = 'priority';

    const visitor = this.villageVisitor(village);
    const elder: ElderData = {
      name,
      idNumber,
      ethnicity: r.chance(0.994) ? '01' : r.pick(['03', '11'] as const),
      villageCode: village.code,
      address: villageAddress(r, this.area, this.township, village),
      phone: r.chance(Math.max(0.3, 0.8 - 0.012 * (age - 60))) ? phoneNumber(r) : undefined,
      maritalStatus,
      livingSituation,
      capability,
      capabilityScore,
      capabilityAssessedOn,
      disabilityType,
      disabilityGrade,
      healthNotes,
      economicStatus,
      benefits,
      riskTier,
      visitor: r.chance(0.92) ? visitor.name : undefined,
      visitorPhone: undefined,
      notes: r.chance(0.12) ? r.pick(ELDER_NOTES) : undefined,
      groups,
    };
    if (elder.visitor && r.chance(0.85)) elder.visitorPhone = visitor.phone;

    const joined = groups.reduce((m, g) => Math.min(m, dayNumber(g.startDate)), this.todayDay - 30);
    const contacts = this.contacts(offspring, household, village, familySurname, joined);
    const agreements = hasChildren && economicStatus !== 'tekun' && offspring.length > 0 && r.chance(0.14) ? [this.agreement(offspring, village)] : [];
    const supportersVisit: SupporterVisits = !hasChildren ? 'none' : livingSituation === 'with_children' ? 'often' : r.pick(['often', 'often', 'sometimes', 'sometimes', 'sometimes', 'never'] as const);
    const notes = benefits.map((b) => BENEFIT_NOTES[b]).filter((n): n is string => n !== undefined);
    return {
      elder,
      contacts,
      agreements,
      traits: {
        health: this.baselineHealth(capability),
        supportersVisit,
        livesAlone: livingSituation === 'alone',
        poor: economicStatus !== 'general',
        ...(notes.length > 0 ? { benefitsNote: `${notes.join('、')}按月发放` } : {}),
      },
      index,
    };
  }

  private givenName(sex: Sex): string {
    const r = this.rng;
    if (r.chance(0.7)) return r.pick(ELDER_NAMES[sex]);
    const chars = GIVEN.grandparent[sex].chars;
    return r.chance(0.3) ? r.pick(chars) : r.pick(chars) + r.pick(chars);
  }

  private maritalStatus(household: Household, age: number, sex: Sex): NonNullable<ElderData['maritalStatus']> {
    const r = this.rng;
    switch (household) {
      case 'couple':
        return 'married';
      case 'alone':
        return r.chance(0.84) ? 'widowed' : r.chance(0.4) ? 'divorced' : sex === 'M' ? 'single' : 'widowed';
      case 'tekun':
        return r.chance(0.55) ? 'single' : r.chance(0.78) ? 'widowed' : 'divorced';
      case 'with_children':
        return r.chance(age < HIGH_AGE_MIN ? 0.6 : 0.3) ? 'married' : 'widowed';
      case 'family_planning':
        return r.chance(0.65) ? 'married' : 'widowed';
      case 'other':
        return r.chance(0.7) ? 'widowed' : r.chance(0.5) ? 'single' : 'married';
    }
  }

  /** Sons and daughters: more of them for older cohorts; in a village, most work away. */
  private offspring(birthDay: number, surname: string, mostlyAway: boolean): Offspring[] {
    const r = this.rng;
    const born = Number(isoOfDay(birthDay).slice(0, 4));
    const count = born < 1950 ? r.int(2, 5) : born < 1960 ? r.int(1, 4) : r.int(1, 3);
    const out: Offspring[] = [];
    for (let i = 0; i < count; i++) {
      const sex: Sex = r.chance(0.52) ? 'M' : 'F';
      const given = GIVEN.parent[sex].chars;
      const name = surname + r.pick(given) + (r.chance(0.6) ? r.pick(given) : '');
      if (out.some((o) => o.name === name)) continue;
      const [province, city] = r.pickWeighted(WORK_PLACES);
      out.push({ name, sex, phone: phoneNumber(r), away: r.chance(mostlyAway ? 0.75 : 0.3) ? `${province}${city}` : undefined });
    }
    return out;
  }

  private benefits(rural: boolean, age: number, econ: EconomicStatus, capability: CapabilityLevel, grade: string | undefined): ElderData['benefits'] {
    const r = this.rng;
    const set = new Set<ElderData['benefits'][number]>();
    if (r.chance(rural ? 0.04 : 0.35)) set.add('pension_employee');
    else if (r.chance(0.93)) set.add('pension_resident');
    if (econ === 'dibao') set.add('dibao');
    if (econ === 'tekun') set.add('tekun');
    if (age >= HIGH_AGE_MIN) set.add('high_age');
    const poor = econ !== 'general';
    if (poor && (capability === 'moderate' || capability === 'severe' || capability === 'total') && r.chance(0.8)) set.add('care_subsidy');
    if (grade !== undefined && (grade === '1' || grade === '2' || poor)) set.add('disability_subsidy');
    if (r.chance(0.02)) set.add('other');
    return BENEFIT_ORDER.filter((b) => set.has(b));
  }

  /** The groups the elder's fields justify, each from a plausible day; now and then one that ended. */
  private groups(e: {
    birthDate: string;
    age: number;
    household: Household;
    livingSituation: LivingSituation;
    hasChildren: boolean;
    rural: boolean;
    awayChildren: boolean;
    capabilityScore: number | undefined;
    capabilityAssessedOn: string | undefined;
    disabilityGrade: string | undefined;
    economicStatus: EconomicStatus;
  }): ElderData['groups'] {
    const r = this.rng;
    const latest = this.todayDay - 3;
    const sixtieth = dayNumber(birthday(e.birthDate, 60));
    const since = (from: number) => {
      const lo = Math.min(Math.max(from, GROUPS_SINCE, sixtieth), latest);
      return isoOfDay(r.int(lo, latest));
    };
    const out: ElderData['groups'] = [];
    const add = (group: ElderGroup, startDate: string) => out.push({ group, startDate, endDate: undefined, note: undefined });
    const settled = since(GROUPS_SINCE);

    if (e.age >= HIGH_AGE_MIN) {
      // Recognised within a few months of the 80th birthday, or when the register began.
      const eightieth = dayNumber(birthday(e.birthDate, HIGH_AGE_MIN));
      add('high_age', isoOfDay(Math.min(Math.max(eightieth + r.int(0, 75), GROUPS_SINCE + r.int(0, 120)), this.todayDay)));
    }
    const emptyNest = (e.livingSituation === 'alone' || e.livingSituation === 'with_spouse') && (e.hasChildren || e.household === 'family_planning');
    if (e.livingSituation === 'alone') add('living_alone', settled);
    if (emptyNest) add('empty_nest', settled);
    if (emptyNest && e.rural && e.awayChildren && r.chance(0.6)) add('left_behind', settled);
    if (e.capabilityScore !== undefined && e.capabilityScore < DISABLED_CARE_SCORE_BELOW && e.capabilityAssessedOn) {
      add('disabled_care', isoOfDay(Math.min(dayNumber(e.capabilityAssessedOn) + r.int(0, 30), this.todayDay)));
    }
    if (e.disabilityGrade === '1' || e.disabilityGrade === '2') add('severe_disability', since(GROUPS_SINCE));
    if (e.household === 'family_planning') add('family_planning', since(GROUPS_SINCE));
    if (e.economicStatus === 'tekun') add('dispersed_tekun', since(GROUPS_SINCE));
    // History: someone now living with children once lived alone.
    const historyFrom = Math.max(GROUPS_SINCE, sixtieth);
    if (e.livingSituation === 'with_children' && historyFrom < this.todayDay - 400 && r.chance(0.06)) {
      const start = r.int(historyFrom, this.todayDay - 400);
      out.push({ group: 'living_alone', startDate: isoOfDay(start), endDate: isoOfDay(r.int(start + 60, this.todayDay - 60)), note: '已搬去与子女同住' });
    }
    return out;
  }

  private contacts(offspring: Offspring[], household: Household, village: DemoVillage, surname: string, joined: number): ElderContactData[] {
    const r = this.rng;
    const registeredOn = () => isoOfDay(r.int(Math.min(joined, this.todayDay - 30), this.todayDay - 1));
    const n = r.pickWeighted(CONTACT_COUNT);
    const out: ElderContactData[] = [];
    for (const o of offspring.slice(0, n)) {
      out.push({
        name: o.name,
        relationship: o.sex === 'M' ? 'son' : 'daughter',
        phone: o.phone,
        address: o.away ?? villageAddress(r, this.area, this.township, village),
        registeredOn: registeredOn(),
        notes: o.away ? '在外务工' : undefined,
      });
    }
    // No children to call: a nephew, a neighbour or the village cadre.
    if (offspring.length === 0 && n > 0) {
      const who = r.pick(['relative', 'neighbour', 'neighbour', 'village_cadre'] as const);
      const sex: Sex = r.chance(0.6) ? 'M' : 'F';
      const given = GIVEN.parent[sex].chars;
      out.push({
        name: (who === 'relative' ? surname : r.pickWeighted(SURNAMES)) + r.pick(given) + (r.chance(0.6) ? r.pick(given) : ''),
        relationship: who,
        phone: phoneNumber(r),
        address: villageAddress(r, this.area, this.township, village),
        registeredOn: registeredOn(),
        notes: household === 'tekun' && who === 'village_cadre' ? '特困供养联系人' : undefined,
      });
    }
    return out;
  }

  /** A support agreement (赡养协议) signed by the sons, or the children when there are none. */
  private agreement(offspring: Offspring[], village: DemoVillage): SupportAgreementData {
    const r = this.rng;
    const sons = offspring.filter((o) => o.sex === 'M');
    const signers = (sons.length > 0 ? sons : offspring).slice(0, 3);
    const signed = r.int(this.todayDay - 4 * 365, this.todayDay - 30);
    return {
      supporters: signers.map((o) => {
        const provides = SUPPORT_ORDER.filter((k) => r.chance(k === 'money' ? 0.85 : k === 'care' ? (o.away ? 0.15 : 0.7) : 0.45));
        if (provides.length === 0) provides.push('money');
        return {
          name: o.name,
          relationship: o.sex === 'M' ? ('son' as const) : ('daughter' as const),
          phone: o.phone,
          provides,
          amountFen: provides.includes('money') ? r.int(4, 16) * 5_000 : undefined,
        };
      }),
      signedOn: isoOfDay(signed),
      witness: committeeOf(village),
      reviewOn: isoOfDay(signed + r.pick([365, 730, 1095])),
      notes: undefined,
    };
  }

  /** The village's elder-care helper (探访责任人): one per village, from its own stream. */
  private villageVisitor(village: DemoVillage): { name: string; phone: string } {
    let v = this.visitors.get(village.code);
    if (!v) {
      const own = new Random(`station-ledger demo elder visitor ${village.code}`);
      const sex: Sex = own.chance(0.6) ? 'F' : 'M';
      const given = GIVEN.parent[sex].chars;
      v = { name: own.pickWeighted(SURNAMES) + own.pick(given) + (own.chance(0.7) ? own.pick(given) : ''), phone: phoneNumber(own) };
      this.visitors.set(village.code, v);
    }
    return v;
  }

  private baselineHealth(capability: CapabilityLevel): Partial<HealthCheck> {
    const r = this.rng;
    switch (capability) {
      case 'intact':
        return { ...ROUTINE_HEALTH };
      case 'mild':
        return { ...ROUTINE_HEALTH, mobility: r.chance(0.4) ? 'assisted' : 'independent' };
      case 'moderate':
        return { ...ROUTINE_HEALTH, mobility: 'assisted', responsiveness: r.chance(0.4) ? 'slow' : 'normal' };
      case 'severe':
        return { speech: r.chance(0.3) ? 'unclear' : 'clear', mobility: r.chance(0.5) ? 'bedridden' : 'assisted', responsiveness: 'slow', mental: 'good' };
      case 'total':
        return { speech: r.chance(0.5) ? 'unclear' : 'none', mobility: 'bedridden', responsiveness: 'poor', mental: r.chance(0.5) ? 'low' : 'good' };
    }
  }
}

const BENEFIT_ORDER = ['pension_resident', 'pension_employee', 'dibao', 'tekun', 'high_age', 'care_subsidy', 'disability_subsidy', 'other'] as const;
const SUPPORT_ORDER = ['money', 'food', 'care', 'medical'] as const;

/** The village committee that witnesses an agreement: 村民委员会 in a village, 居民委员会 in town. */
function committeeOf(village: DemoVillage): string {
  if (isRuralVillage(village)) return `${village.name}村民委员会`;
  const base = village.name.replace(/(居委会|社区)$/, '');
  return `${base}社区居民委员会`;
}

/**
 * The register's rules an elder must meet on `today`: 60 or older, and every group held today
 * justified by the elder's fields (high age on its start date), every start after birth and not
 * after today. Returns the first problem, or null.
 */
export function demoElderProblem(e: ElderData, birthDate: string, today: string): string | null {
  const tooYoung = elderAgeProblem(birthDate, today);
  if (tooYoung) return tooYoung;
  for (const g of e.groups) {
    if (g.startDate < birthDate || g.startDate > today || (g.endDate !== undefined && g.endDate < g.startDate)) return `${g.group} dates ${g.startDate}–${g.endDate ?? ''}`;
    const active = g.endDate === undefined || g.endDate >= today;
    if (!active && g.group !== 'high_age') continue;
    const problem = elderGroupProblem(g.group, {
      birthDate,
      day: g.startDate,
      capabilityScore: e.capabilityScore ?? null,
      disabilityGrade: e.disabilityGrade ?? null,
      livingSituation: e.livingSituation,
      economicStatus: e.economicStatus,
    });
    if (problem) return problem;
  }
  return null;
}

/**
 * Elders for a plan, township by township, as a stream. Each is checked against the register's
 * rules before it is yielded; a generator bug fails loudly here rather than as a bad record.
 */
export function* demoElders(
  area: DemoArea,
  plan: readonly ElderPlanItem[],
  today: string,
  taken?: (idNumber: string) => boolean,
): Generator<DemoElder> {
  for (const item of plan) {
    const gen = new TownshipElders(area, item.township, today, taken);
    for (let i = 0; i < item.count; i++) {
      const made = gen.next();
      const id = made.elder.idNumber;
      const problem = demoElderProblem(made.elder, birthDateOfIdNumber(id), today);
      if (problem) throw new Error(`demo elder ${id} breaks the register's rules: ${problem}`);
      yield made;
    }
  }
}
