/**
 * Synthetic children for demonstrations and the benchmark: pure functions, no database.
 *
 * Each township draws from its own random stream, seeded by its code, so a township's children do
 * not depend on which other townships are generated: a station's demo data is the same as the
 * county's for that township, and a smaller count is a prefix of a larger one. The data also
 * depends on `today`, because ages must fit the categories on the day the data is loaded.
 *
 * ID numbers: the county's address code, a real birth date, and sequence digits from a block
 * reserved for the township (real sequence digits also encode the registering police station).
 * Blocks never overlap, so townships never collide; inside one, a set of used numbers (plus the
 * numbers already in the database) keeps every person unique.
 */
import type { ChildData } from '../../../shared/contract';
import {
  categoryAgeProblem,
  isInSchool,
  type ChildCategory,
  type GuardianshipType,
  type Schooling,
} from '../../../shared/domain/children';
import { ageOn, birthDateForAge, dayNumber, isoOfDay } from '../../../shared/domain/dates';
import { birthDateOfIdNumber, type Sex } from '../../../shared/domain/idNumber';
import { issueIdNumber, phoneNumber, villageAddress, type DemoArea, type DemoTownship, type DemoVillage } from './identity';
import { Random, weighted } from './random';
import { CHILD_ILLNESSES, DISABILITY_TYPE_WEIGHTS, ELDER_HEALTH, GIVEN, SURNAMES, WORK_PLACES, type Generation } from './vocab';

export type { DemoArea, DemoTownship, DemoVillage } from './identity';

export interface DemoPlanItem {
  township: DemoTownship;
  count: number;
}

type Category = ChildData['categories'][number];
type Parent = ChildData['father'];
type Relative = ChildData['paternalGrandfather'];
type Guardian = ChildData['guardian'];

/** First day each register could have a record: the policy that created it. */
const SINCE = {
  left_behind: dayNumber('2016-11-01'), // 国发〔2016〕13号 and the national survey that followed
  orphan: dayNumber('2010-11-18'), // 国办发〔2010〕54号, the orphan allowance
  unsupported: dayNumber('2020-01-01'), // 民发〔2019〕62号 took effect
  difficulty: dayNumber('2016-06-13'), // 国发〔2016〕36号
} as const;

/** Village committees in a town centre have fewer rural left-behind children than villages. */
export function villageWeight(name: string): number {
  return name.endsWith('村') ? 1 : 0.5;
}

/** Splits `total` by weight, largest remainder first; the parts always sum to `total`. */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i]! += 1;
    rest--;
  }
  return parts;
}

type Kind = 'left_behind' | 'left_behind_difficulty' | 'difficulty' | 'orphan' | 'unsupported' | 'exited';

/** Most registered children are left behind; a few per cent are orphans, unsupported or in difficulty. */
const KINDS = weighted<Kind>([
  ['left_behind', 80],
  ['left_behind_difficulty', 6],
  ['difficulty', 6],
  ['orphan', 2.5],
  ['unsupported', 3],
  ['exited', 2.5],
]);

/**
 * In every township the 6th child lives alone and the 31st has dropped out, so even a small demo
 * shows mandatory-report cases (one reported, one still open) next to the rarer random ones.
 */
type Forced = 'alone' | 'dropout' | null;
const forcedCase = (index: number): Forced => (index === 5 ? 'alone' : index === 30 ? 'dropout' : null);

const UNSUPPORTED_PARENT = weighted<string>([
  ['lost_contact', 30],
  ['imprisoned', 20],
  ['severe_disability', 20],
  ['serious_illness', 15],
  ['compulsory_rehab', 5],
  ['other_detention', 4],
  ['guardianship_revoked', 3],
  ['deported', 1],
]);
const SITUATION_OF_REASON: Record<string, NonNullable<Parent['situation']>> = {
  lost_contact: 'missing',
  imprisoned: 'imprisoned',
  severe_disability: 'severe_disability',
  serious_illness: 'serious_illness',
  compulsory_rehab: 'other',
  other_detention: 'other',
  guardianship_revoked: 'other',
  deported: 'other',
};

const ALONE_NOTE = '祖父母已故，儿童独自居住';

const NOTES = [
  '每周与父母视频通话',
  '由祖母接送上学',
  '寒暑假随父母在务工地生活',
  '已纳入村级关爱服务台账',
  '学习成绩较好，性格开朗',
  '性格内向，需加强心理关爱',
  '已发放防溺水告家长书',
  '村儿童主任每月走访一次',
] as const;

export class TownshipChildren {
  private readonly rng: Random;
  private readonly used = new Set<string>();
  private readonly villageTable;
  private readonly directors = new Map<string, { name: string; phone: string }>();
  private readonly todayDay: number;
  private index = 0;

  constructor(
    private readonly area: DemoArea,
    private readonly township: DemoTownship,
    private readonly today: string,
    /** ID numbers already registered (e.g. in the database): never generated again. */
    private readonly taken: (idNumber: string) => boolean = () => false,
  ) {
    if (township.villages.length === 0) throw new Error(`township ${township.code} has no villages`);
    this.rng = new Random(`station-ledger demo ${township.code}`);
    this.villageTable = weighted(township.villages.map((v) => [v, villageWeight(v.name)] as const));
    this.todayDay = dayNumber(today);
  }

  /** The next child of this township's stream. */
  next(): ChildData {
    const index = this.index++;
    const r = this.rng;
    const forced = forcedCase(index);
    const kind: Kind = forced ? 'left_behind' : r.pickWeighted(KINDS);
    const village = r.pickWeighted(this.villageTable);
    const isVillage = village.name.endsWith('村');
    const sex: Sex = r.chance(0.52) ? 'M' : 'F';

    const birthDay = this.birthDay(kind, forced);
    const birthDate = isoOfDay(birthDay);
    const age = ageOn(birthDate, this.today);
    const idNumber = this.idNumber(birthDate, sex);
    const surname = r.pickWeighted(SURNAMES);
    const name = surname + this.givenName('child', sex);
    const address = this.address(village);

    // Parents: mothers 20–40 years older than the child, fathers 20–45.
    const motherGap = 20 + r.int(0, 5) + r.int(0, 12);
    const fatherGap = Math.min(45, Math.max(20, motherGap + r.int(-1, 6)));
    const fatherBirth = birthDay - fatherGap * 365 - r.int(10, 360);
    const motherBirth = birthDay - motherGap * 365 - r.int(10, 360);
    const motherSurname = r.pickWeighted(SURNAMES);
    const father = this.parent('M', surname, fatherBirth);
    const mother = this.parent('F', motherSurname, motherBirth);

    const categories: Category[] = [];
    let guardianNeeded = true;
    let guardianshipType: GuardianshipType = r.chance(0.4) ? 'good' : 'fair';
    let difficulty: string[] = [];
    let orphanCare: 'institution' | 'community' | undefined;
    let notes: string | undefined = r.chance(0.1) ? r.pick(NOTES) : undefined;

    switch (kind) {
      case 'left_behind':
      case 'left_behind_difficulty': {
        const reason = forced ? 'both_away' : r.pickWeighted(LEFT_BEHIND);
        this.leaveForWork(father, mother, reason);
        categories.push({ category: 'left_behind', startDate: this.startDate(birthDay, SINCE.left_behind), endDate: undefined, reason, reasons: [] });
        if (reason !== 'both_away' && r.chance(0.35)) guardianshipType = 'parent_incapable';
        else if (r.chance(0.07)) guardianshipType = 'delegate_insufficient';
        // Living alone happens to older children whose carer died or left.
        if (forced === 'alone' || (age >= 10 && r.chance(0.008))) {
          guardianshipType = 'none';
          guardianNeeded = false;
          notes = ALONE_NOTE;
        }
        if (kind === 'left_behind_difficulty') difficulty = r.chance(0.7) ? ['poverty'] : ['disability'];
        break;
      }
      case 'difficulty': {
        difficulty = this.difficultyKinds();
        if (difficulty.includes('guardianship')) {
          const illParent = r.chance(0.5) ? father : mother;
          illParent.situation = r.pick(['serious_illness', 'severe_disability', 'imprisoned', 'other'] as const);
          const other = illParent === father ? mother : father;
          if (r.chance(0.5)) this.workAway(other);
          guardianshipType = r.pickWeighted(DIFFICULTY_GUARDIANSHIP);
          guardianNeeded = guardianshipType !== 'none' && guardianshipType !== 'parent_incapable';
        } else {
          guardianNeeded = false;
          if (r.chance(0.4)) this.workAway(r.chance(0.7) ? father : mother);
        }
        break;
      }
      case 'orphan': {
        const reason = r.pickWeighted(ORPHAN);
        const [a, b] = r.chance(0.5) ? [father, mother] : [mother, father];
        a.situation = reason === 'both_missing' ? 'missing' : 'deceased';
        b.situation = reason === 'both_dead' ? 'deceased' : 'missing';
        for (const p of [father, mother]) clearContact(p);
        orphanCare = r.chance(0.15) ? 'institution' : 'community';
        categories.push({ category: 'orphan', startDate: this.startDate(birthDay, SINCE.orphan), endDate: undefined, reason, reasons: [], care: orphanCare });
        guardianshipType = orphanCare === 'institution' ? 'good' : r.pick(['fair', 'fair', 'good', 'delegate_insufficient'] as const);
        break;
      }
      case 'unsupported': {
        const reasons = this.unsupportedParents(father, mother);
        categories.push({ category: 'unsupported', startDate: this.startDate(birthDay, SINCE.unsupported), endDate: undefined, reasons });
        guardianshipType = r.pickWeighted(UNSUPPORTED_GUARDIANSHIP);
        guardianNeeded = guardianshipType !== 'none';
        if (r.chance(0.25)) difficulty = r.chance(0.6) ? ['poverty'] : ['guardianship'];
        break;
      }
      case 'exited': {
        const { start, end, agedOut } = this.exitedSpan(birthDay);
        if (agedOut) this.leaveForWork(father, mother, 'both_away');
        notes = agedOut ? '年满16周岁，退出留守儿童台账' : '父母已返乡，退出留守儿童台账';
        categories.push({ category: 'left_behind', startDate: isoOfDay(start), endDate: isoOfDay(end), reason: 'both_away', reasons: [] });
        guardianNeeded = agedOut;
        break;
      }
    }
    // A young child is never left alone for long: it is placed with a relative at once.
    if (guardianshipType === 'none' && age < 8) {
      guardianshipType = 'delegate_insufficient';
      guardianNeeded = true;
    }
    if (difficulty.length > 0) {
      categories.push({ category: 'difficulty', startDate: this.startDate(birthDay, SINCE.difficulty), endDate: undefined, reasons: difficulty });
    }

    // Health: a difficulty of disability means a registered disability.
    let healthStatus: ChildData['healthStatus'] = 'healthy';
    let disabilityType: ChildData['disabilityType'];
    let disabilityGrade: ChildData['disabilityGrade'];
    let illness: string | undefined;
    if (difficulty.includes('disability') || r.chance(0.01)) {
      healthStatus = 'disabled';
      disabilityType = r.pickWeighted(DISABILITY_TYPE_WEIGHTS);
      disabilityGrade = difficulty.includes('disability') ? r.pick(['1', '2', '2', '3', '3', '4'] as const) : r.pick(['3', '4'] as const);
    } else if (r.chance(0.02)) {
      healthStatus = 'ill';
      illness = r.pick(CHILD_ILLNESSES);
    }

    const schooling = this.schooling(birthDate, forced === 'dropout' || (kind === 'unsupported' || difficulty.includes('guardianship') ? r.chance(0.06) : r.chance(0.015)));
    const boarding = schooling === 'primary' ? r.chance(0.08) : schooling === 'junior' ? r.chance(0.45) : schooling === 'senior' || schooling === 'vocational' ? r.chance(0.8) : false;

    // Grandparents: the father's father shares the child's surname.
    const paternalGrandfather = this.relative('M', surname);
    const paternalGrandmother = this.relative('F', r.pickWeighted(SURNAMES));
    const maternalGrandfather = this.relative('M', motherSurname);
    const maternalGrandmother = this.relative('F', r.pickWeighted(SURNAMES));
    const grand = { paternalGrandfather, paternalGrandmother, maternalGrandfather, maternalGrandmother };
    if (notes === ALONE_NOTE) {
      for (const g of [paternalGrandfather, paternalGrandmother]) Object.assign(g, { phone: undefined, health: '已故' });
    }

    let guardian: Guardian = { name: undefined, phone: undefined, idNumber: undefined, address: undefined };
    let currentAddress = address;
    if (guardianNeeded) {
      if (orphanCare === 'institution') {
        // The institution's carer stands in as the guardian; the child lives there.
        currentAddress = `${this.area.countyName}社会福利中心`;
        guardian = { name: this.fullName('parent', r.chance(0.7) ? 'F' : 'M'), phone: this.phone(), idNumber: undefined, relationship: 'other', address: currentAddress };
      } else {
        const g = this.guardian(grand, surname, Math.min(fatherBirth, motherBirth), village, address);
        guardian = g.guardian;
        currentAddress = g.address;
      }
    }

    const flagged = guardianshipType === 'none' || schooling === 'dropped_out';
    // The forced cases show both states: one reported, one still waiting for a report.
    const reported = flagged && (forced === 'alone' || (forced !== 'dropout' && r.chance(0.5)));
    const firstStart = categories.reduce((m, c) => (c.startDate < m ? c.startDate : m), this.today);
    const reportDate = reported ? isoOfDay(r.int(Math.max(dayNumber(firstStart), this.todayDay - 700), this.todayDay)) : undefined;

    const director = this.director(village);
    return {
      name,
      idNumber,
      ethnicity: r.chance(0.994) ? '01' : r.pick(['03', '03', '11'] as const),
      hukouRegistered: true,
      hukouType: !isVillage && !kind.startsWith('left_behind') && kind !== 'exited' && r.chance(0.4) ? 'urban' : 'rural',
      villageCode: village.code,
      registeredAddress: address,
      currentAddress,
      healthStatus,
      disabilityType,
      disabilityGrade,
      illness,
      schooling,
      boarding,
      ...grand,
      father,
      mother,
      guardian,
      guardianshipType,
      incomeSources: this.incomeSources(kind, father, mother, difficulty),
      assistance: this.assistance(kind, difficulty, healthStatus),
      childDirector: director.name,
      childDirectorPhone: director.phone,
      reportDate,
      reportAgency: reported ? this.policeStation() : undefined,
      reportNote: reported
        ? guardianshipType === 'none'
          ? '已向派出所报告，村儿童主任落实临时照料'
          : '已向派出所和乡镇政府报告，联系学校劝返复学'
        : undefined,
      notes,
      categories,
    };
  }

  /** Birth day fitting the kind's age rule on `today` (left behind: under 16; others: under 18). */
  private birthDay(kind: Kind, forced: Forced): number {
    const r = this.rng;
    const latestForAge = (years: number) => dayNumber(birthDateForAge(this.today, years));
    // Born after the day someone turns `limit`: strictly under `limit` today.
    const [minAge, limit] =
      forced === 'alone' ? [10, 16] : forced === 'dropout' ? [13, 16] : kind === 'exited' ? [4, 18] : kind.startsWith('left_behind') ? [0, 16] : [0, 18];
    const earliest = latestForAge(limit) + 1;
    // Left-behind children are at least 8 months old: parents rarely leave a newborn.
    const latest = Math.min(latestForAge(minAge), this.todayDay - (kind.startsWith('left_behind') ? 240 : 30));
    return r.int(earliest, latest);
  }

  /** A recognition date on or after the policy start and the child's first month, not after today. */
  private startDate(birthDay: number, since: number): string {
    const lo = Math.min(Math.max(since, birthDay + 30), this.todayDay);
    return isoOfDay(this.rng.int(lo, this.todayDay));
  }

  /** A left-behind period that ended: parents came home, or the child turned 16. */
  private exitedSpan(birthDay: number): { start: number; end: number; agedOut: boolean } {
    const r = this.rng;
    const sixteenth = dayNumber(birthDateForAge(isoOfDay(birthDay), -16));
    // Ended at the latest the day before the 16th birthday, and before today (else still active).
    const endHi = Math.min(this.todayDay - 1, sixteenth - 1);
    const agedOut = sixteenth <= this.todayDay && r.chance(0.5);
    const startLo = Math.min(Math.max(SINCE.left_behind, birthDay + 240), endHi);
    const start = r.int(startLo, Math.max(startLo, endHi - 180));
    const end = agedOut ? endHi : r.int(Math.min(start + 180, endHi), endHi);
    return { start, end, agedOut };
  }

  private schooling(birthDate: string, droppedOut: boolean): Schooling {
    const r = this.rng;
    // Children enter primary school in the September after they turn 6 (cut-off 31 August).
    const y = Number(this.today.slice(0, 4));
    const schoolYear = this.today.slice(5) >= '09-01' ? y : y - 1;
    const schoolAge = ageOn(birthDate, `${schoolYear}-08-31`);
    const age = ageOn(birthDate, this.today);
    if (droppedOut && age >= 12) return 'dropped_out';
    if (schoolAge < 3) return 'not_in_kindergarten';
    if (schoolAge <= 5) return r.chance(0.88) ? 'kindergarten' : 'not_in_kindergarten';
    if (schoolAge <= 11) return 'primary';
    if (schoolAge <= 14) return 'junior';
    if (age >= 16 && r.chance(0.05)) return 'not_in_school';
    return r.chance(0.61) ? 'senior' : 'vocational';
  }

  private difficultyKinds(): string[] {
    const r = this.rng;
    const kinds: string[] = [];
    if (r.chance(0.6)) kinds.push('poverty');
    if (r.chance(0.3)) kinds.push('disability');
    if (kinds.length === 0 || r.chance(0.1)) kinds.push('guardianship');
    return kinds;
  }

  /** One or both parents in a situation of 民发〔2019〕62号; a parent may instead have died. */
  private unsupportedParents(father: Parent, mother: Parent): string[] {
    const r = this.rng;
    const deadOne = r.chance(0.2) ? (r.chance(0.6) ? father : mother) : null;
    const reasons: string[] = [];
    for (const p of [father, mother]) {
      clearContact(p);
      if (p === deadOne) {
        p.situation = 'deceased';
        continue;
      }
      const reason = r.pickWeighted(UNSUPPORTED_PARENT);
      p.situation = SITUATION_OF_REASON[reason]!;
      if (p.situation === 'severe_disability' || p.situation === 'serious_illness') p.phone = this.phone();
      if (!reasons.includes(reason)) reasons.push(reason);
    }
    return reasons;
  }

  private leaveForWork(father: Parent, mother: Parent, reason: string): void {
    const r = this.rng;
    if (reason === 'both_away') {
      this.workAway(father);
      // Couples mostly work in the same city.
      if (r.chance(0.7)) {
        mother.situation = 'working_away';
        mother.workProvince = father.workProvince;
        mother.workCity = father.workCity;
      } else this.workAway(mother);
      return;
    }
    const [away, home] = r.chance(0.85) ? [father, mother] : [mother, father];
    this.workAway(away);
    home.situation = reason === 'one_away_other_ill' ? 'serious_illness' : 'severe_disability';
  }

  private workAway(p: Parent): void {
    const [province, city] = this.rng.pickWeighted(WORK_PLACES);
    p.situation = 'working_away';
    p.workProvince = province;
    p.workCity = city;
    if (!p.phone) p.phone = this.phone();
  }

  private parent(sex: Sex, surname: string, birthDay: number): Parent {
    const r = this.rng;
    const birthDate = isoOfDay(birthDay);
    return {
      name: surname + this.givenName('parent', sex),
      birthDate,
      idNumber: r.chance(0.85) ? this.idNumber(birthDate, sex) : undefined,
      situation: 'at_home',
      workProvince: undefined,
      workCity: undefined,
      phone: r.chance(0.8) ? this.phone() : undefined,
    };
  }

  private relative(sex: Sex, surname: string): Relative {
    const r = this.rng;
    const name = surname + this.givenName('grandparent', sex);
    if (r.chance(0.1)) return { name, phone: undefined, health: '已故' };
    return { name, phone: r.chance(0.6) ? this.phone() : undefined, health: r.pickWeighted(ELDER_HEALTH) };
  }

  /** The delegated guardian: mostly a grandparent the child lives with. */
  private guardian(
    grand: { paternalGrandfather: Relative; paternalGrandmother: Relative; maternalGrandfather: Relative; maternalGrandmother: Relative },
    surname: string,
    parentBirth: number,
    village: DemoVillage,
    address: string,
  ): { guardian: Guardian; address: string } {
    const r = this.rng;
    const alive = (g: Relative) => g.health !== '已故';
    const side = r.pickWeighted(GUARDIAN_SIDE);
    const pool =
      side === 'grandparent_paternal'
        ? [grand.paternalGrandmother, grand.paternalGrandfather]
        : side === 'grandparent_maternal'
          ? [grand.maternalGrandmother, grand.maternalGrandfather]
          : [];
    const person = pool.find(alive);
    const elderBirth = parentBirth - r.int(20, 34) * 365 - r.int(0, 360);
    if (person) {
      if (!person.phone) person.phone = this.phone();
      // Maternal grandparents often live in another village: the child then lives there.
      const elsewhere = side === 'grandparent_maternal' && this.township.villages.length > 1 && r.chance(0.3);
      const home = elsewhere ? this.address(r.pick(this.township.villages.filter((v) => v !== village))) : address;
      const sex: Sex = person === grand.paternalGrandfather || person === grand.maternalGrandfather ? 'M' : 'F';
      return {
        guardian: {
          name: person.name,
          phone: person.phone,
          idNumber: r.chance(0.8) ? this.idNumber(isoOfDay(elderBirth), sex) : undefined,
          // One named person: the grandparent's own code, never the side's group.
          relationship: side === 'grandparent_paternal' ? (sex === 'M' ? 'paternal_grandfather' : 'paternal_grandmother') : sex === 'M' ? 'maternal_grandfather' : 'maternal_grandmother',
          address: home,
        },
        address: home,
      };
    }
    // An uncle or aunt, an adult sibling, or a neighbour when no grandparent can care.
    const relationship = side === 'sibling' || side === 'friend' || side === 'other' ? side : 'relative';
    const sex: Sex = r.chance(0.5) ? 'M' : 'F';
    const sameName = relationship === 'sibling' || (relationship === 'relative' && sex === 'M');
    return {
      guardian: {
        name: (sameName ? surname : r.pickWeighted(SURNAMES)) + this.givenName('parent', sex),
        phone: this.phone(),
        idNumber: undefined,
        relationship,
        address,
      },
      address,
    };
  }

  private incomeSources(kind: Kind, father: Parent, mother: Parent, difficulty: string[]): ChildData['incomeSources'] {
    const r = this.rng;
    const set = new Set<ChildData['incomeSources'][number]>();
    if (father.situation === 'working_away' || mother.situation === 'working_away') set.add('migrant_work');
    if (r.chance(0.35)) set.add('farming');
    if (kind === 'orphan' || kind === 'unsupported' || difficulty.includes('poverty')) set.add('government_aid');
    if ((kind === 'orphan' || kind === 'unsupported') && r.chance(0.45)) set.add('relatives');
    if (set.size === 0) set.add(r.chance(0.8) ? 'farming' : 'other');
    return INCOME_ORDER.filter((s) => set.has(s));
  }

  private assistance(kind: Kind, difficulty: string[], health: ChildData['healthStatus']): ChildData['assistance'] {
    const r = this.rng;
    const set = new Set<ChildData['assistance'][number]>();
    if (difficulty.includes('poverty') && r.chance(0.8)) set.add('dibao');
    if (kind === 'unsupported' && r.chance(0.3)) set.add('dibao');
    // Orphans and unsupported children get a basic-living allowance, recorded as 其他.
    if ((kind === 'orphan' || kind === 'unsupported') && r.chance(0.6)) set.add('other');
    if (health !== 'healthy' && r.chance(0.5)) set.add('medical');
    if (r.chance(0.03)) set.add('temporary');
    if (r.chance(0.02)) set.add('housing');
    return ASSISTANCE_ORDER.filter((s) => set.has(s));
  }

  private director(village: DemoVillage): { name: string; phone: string } {
    let d = this.directors.get(village.code);
    if (!d) {
      // A separate stream per village: the same village always has the same director.
      const own = new Random(`station-ledger demo director ${village.code}`);
      const sex: Sex = own.chance(0.65) ? 'F' : 'M';
      const given = GIVEN.parent[sex].chars;
      const name = own.pickWeighted(SURNAMES) + own.pick(given) + (own.chance(0.7) ? own.pick(given) : '');
      d = { name, phone: phoneNumber(own) };
      this.directors.set(village.code, d);
    }
    return d;
  }

  private policeStation(): string {
    const short = this.township.name.replace(this.area.countyName, '').replace(/(镇|乡|街道)$/, '');
    return `${this.area.countyName}公安局${short}派出所`;
  }

  private address(village: DemoVillage): string {
    return villageAddress(this.rng, this.area, this.township, village);
  }

  private phone(): string {
    return phoneNumber(this.rng);
  }

  private givenName(gen: Generation, sex: Sex): string {
    const r = this.rng;
    const pool = GIVEN[gen][sex];
    const single = gen === 'child' ? 0.15 : gen === 'parent' ? 0.35 : 0.2;
    if (r.chance(single)) return r.pick(pool.chars);
    // Mostly names people actually chose; random pairs add variety (and some odd ones).
    if (pool.names.length > 0 && r.chance(0.75)) return r.pick(pool.names);
    const a = r.pick(pool.chars);
    let b = r.pick(pool.chars);
    // Doubled characters (婷婷) exist but are rarer than a random pair would make them.
    if (b === a && r.chance(0.8)) b = r.pick(pool.chars);
    return a + b;
  }

  private fullName(gen: Generation, sex: Sex): string {
    return this.rng.pickWeighted(SURNAMES) + this.givenName(gen, sex);
  }

  /** A valid ID number not yet given to anyone (see `issueIdNumber`). */
  private idNumber(birthDate: string, sex: Sex): string {
    const id = issueIdNumber(this.rng, this.area.countyCode, this.township, birthDate, sex, (c) => !this.used.has(c) && !this.taken(c));
    this.used.add(id);
    return id;
  }
}

const LEFT_BEHIND = weighted<'both_away' | 'one_away_other_ill' | 'one_away_other_disabled'>([
  ['both_away', 85],
  ['one_away_other_ill', 8],
  ['one_away_other_disabled', 7],
]);
const ORPHAN = weighted<'both_dead' | 'one_dead_one_missing' | 'both_missing'>([
  ['both_dead', 60],
  ['one_dead_one_missing', 30],
  ['both_missing', 10],
]);
const DIFFICULTY_GUARDIANSHIP = weighted<GuardianshipType>([
  ['parent_incapable', 50],
  ['delegate_insufficient', 35],
  ['none', 15],
]);
const UNSUPPORTED_GUARDIANSHIP = weighted<GuardianshipType>([
  ['fair', 45],
  ['delegate_insufficient', 25],
  ['parent_incapable', 15],
  ['good', 10],
  ['none', 5],
]);
const GUARDIAN_SIDE = weighted<NonNullable<Guardian['relationship']>>([
  ['grandparent_paternal', 75],
  ['grandparent_maternal', 15],
  ['relative', 7],
  ['sibling', 2],
  ['friend', 1],
]);
const INCOME_ORDER = ['migrant_work', 'farming', 'government_aid', 'relatives', 'other'] as const;
const ASSISTANCE_ORDER = ['dibao', 'temporary', 'medical', 'housing', 'other'] as const;

function clearContact(p: Parent): void {
  p.phone = undefined;
  p.workProvince = undefined;
  p.workCity = undefined;
}

/**
 * Children for a plan, township by township, as a stream: 50,000 ChildData objects at once would
 * hold hundreds of megabytes. Each child is checked against the category age rules before it is
 * yielded; a generator bug fails loudly here rather than as a bad record.
 */
export function* demoChildren(
  area: DemoArea,
  plan: readonly DemoPlanItem[],
  today: string,
  taken?: (idNumber: string) => boolean,
): Generator<ChildData> {
  for (const item of plan) {
    const gen = new TownshipChildren(area, item.township, today, taken);
    for (let i = 0; i < item.count; i++) {
      const child = gen.next();
      const birthDate = birthDateOfIdNumber(child.idNumber);
      for (const c of child.categories) {
        const active = !c.endDate || c.endDate >= today;
        const problem = categoryAgeProblem(c.category as ChildCategory, birthDate, active ? today : c.startDate, {
          inSchool: isInSchool(child.schooling),
        });
        if (problem || c.startDate < birthDate || c.startDate > today || (c.endDate && c.endDate < c.startDate)) {
          throw new Error(`demo child ${child.idNumber} breaks the ${c.category} rules: ${problem ?? c.startDate}`);
        }
      }
      yield child;
    }
  }
}
