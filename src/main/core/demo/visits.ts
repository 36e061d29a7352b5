/**
 * A year of synthetic visits (探访) for demo elders and children: pure functions, no database.
 *
 * Each village's visitors keep a habit — the day of the month (or weekday, or month of the
 * quarter) they do their round, and how reliably they do it — so the visits of one village cluster
 * the way real rounds do, and the current period is only partly done on `today`. Every period
 * since the person joined their target group gets a visit with the village's reliability; the
 * misses are what makes the due list show someone overdue. Visits are never after `today`.
 *
 * Each person draws from their own stream, seeded by their ID number, so a person's visits do not
 * depend on who else is generated.
 */
import type { VisitData } from '../../../shared/contract';
import type { VisitFrequency } from '../../../shared/domain/visitDue';
import { ROUTINE_CHILD_ANSWERS, type HealthCheck, type VisitMethod, type VisitNeed } from '../../../shared/domain/visits';
import { monthAfter, monthOf, periodDays } from './days';
import { dayNumber, isoOfDay } from '../../../shared/domain/dates';
import type { ElderTraits } from './elders';
import { Random, weighted } from './random';
import { GIVEN, HAZARD_FINDINGS, MAJOR_CHANGES, SURNAMES, VISIT_TEXT } from './vocab';

/** How far back the demo's visits go: the last twelve months. */
const WINDOW_DAYS = 364;

export interface VisitSubject {
  kind: 'elder' | 'child';
  /** Seeds the person's own stream (their ID number). */
  seed: string;
  villageCode: string;
  frequency: VisitFrequency;
  /** The first day a visit may fall on (joined the target group), and the last (today, or the day they left). */
  from: string;
  until: string;
  /** The person's own visitor: an elder's 探访责任人, a child's 儿童主任. */
  visitor?: string;
  /** Elders only: what their visits record. */
  elder?: ElderTraits;
  /**
   * A major change yesterday that still waits for its visit: set for a few people in each
   * township, so that every demo shows one on the due list.
   */
  pendingChange?: boolean;
}

export interface DemoMajorChange {
  occurredOn: string;
  description: string;
}

export interface DemoVisits {
  visits: VisitData[];
  majorChanges: DemoMajorChange[];
}

interface Habit {
  /** Preferred day of the month (monthly), weekday (weekly, 0 = Monday), month of the quarter (quarterly). */
  monthDay: number;
  weekday: number;
  quarterMonth: number;
  /** Chance that a period gets its visit at all. */
  reliability: number;
}

/** Chance of a visit in the period after a missed one. */
const CATCH_UP = 0.97;

const QUARTER_MONTH = weighted<number>([
  [0, 5],
  [1, 3.5],
  [2, 1.5],
]);

const ELDER_METHOD = weighted<VisitMethod>([
  ['home', 85],
  ['phone', 12],
  ['video', 3],
]);
const WEEKLY_METHOD = weighted<VisitMethod>([
  ['home', 60],
  ['phone', 35],
  ['video', 5],
]);
const CHILD_METHOD = weighted<VisitMethod>([
  ['home', 72],
  ['phone', 22],
  ['video', 6],
]);

const ELDER_NEEDS: readonly VisitNeed[] = ['care', 'rehab', 'emotional', 'adaptation', 'medical'];
const CHILD_NEEDS: readonly VisitNeed[] = ['schooling', 'emotional', 'medical'];

/** Visits of one township's people; holds its villages' habits and the station's staff. */
export class TownshipVisits {
  private readonly habits = new Map<string, Habit>();
  private readonly todayDay: number;

  constructor(
    private readonly today: string,
    /** Station staff who visit too, alone or with the person's own visitor. */
    private readonly staff: readonly string[],
  ) {
    if (staff.length === 0) throw new Error('a township needs station staff to visit');
    this.todayDay = dayNumber(today);
  }

  of(s: VisitSubject): DemoVisits {
    const r = new Random(`station-ledger demo visits ${s.seed}`);
    const habit = this.habit(s.villageCode, s.kind);
    const from = Math.max(dayNumber(s.from), this.todayDay - WINDOW_DAYS);
    const until = Math.min(dayNumber(s.until), this.todayDay);
    const visits: VisitData[] = [];
    const majorChanges: DemoMajorChange[] = [];
    if (from > until) return { visits, majorChanges };

    const days: number[] = [];
    let period = periodDays(s.frequency, from);
    let missed = false;
    while (period.start <= until) {
      // A missed round is mostly made up the next time: long gaps are rare.
      missed = !r.chance(missed ? CATCH_UP : habit.reliability);
      if (!missed) {
        let day = this.preferredDay(r, s.frequency, habit, period.start, period.end);
        // Joined mid-period, after the usual round: visited soon after joining instead.
        if (day < from) day = r.int(from, Math.min(period.end, until));
        if (day <= until) days.push(day);
      }
      period = periodDays(s.frequency, period.end + 1);
    }
    for (const day of days) visits.push(this.visit(r, s, day));

    // Follow-ups: a hazard or a need found on a visit is checked again within a fortnight.
    for (const v of [...visits]) {
      if ((v.hazards.length > 0 || v.needs.length > 0) && r.chance(0.5)) {
        const day = dayNumber(v.visitedOn) + r.int(5, 14);
        if (day <= until) visits.push({ ...this.visit(r, s, day, 'home'), notes: '回访：上次发现的问题已跟进' });
      }
    }

    if (s.pendingChange && until === this.todayDay) {
      const occurred = this.todayDay - 1;
      majorChanges.push({ occurredOn: isoOfDay(occurred), description: r.pick(MAJOR_CHANGES[s.kind]) });
      // Nothing on or after the change: the visit it calls for is still to be made.
      return { visits: visits.filter((v) => dayNumber(v.visitedOn) < occurred).sort(byDate), majorChanges };
    }
    const changeFrom = Math.max(from, this.todayDay - 300);
    const changeUntil = Math.min(until, this.todayDay - 3);
    if (changeFrom < changeUntil && r.chance(s.kind === 'elder' ? 0.015 : 0.005)) {
      const occurred = r.int(changeFrom, changeUntil);
      const description = r.pick(MAJOR_CHANGES[s.kind]);
      majorChanges.push({ occurredOn: isoOfDay(occurred), description });
      const visit = this.visit(r, s, Math.min(occurred + r.int(0, 2), until), 'home');
      visits.push({ ...visit, actions: s.kind === 'elder' ? '已协调村委会和亲属落实临时照料' : '已联系亲属落实临时监护', notes: `重大变故后走访：${description}` });
    }
    return { visits: visits.sort(byDate), majorChanges };
  }

  /** One village's habit, from its own stream: the same whoever is generated with it. */
  private habit(villageCode: string, kind: VisitSubject['kind']): Habit {
    const key = `${kind} ${villageCode}`;
    let h = this.habits.get(key);
    if (!h) {
      const own = new Random(`station-ledger demo visit habit ${key}`);
      h = { monthDay: own.int(3, 24), weekday: own.int(0, 4), quarterMonth: own.pickWeighted(QUARTER_MONTH), reliability: 0.86 + own.next() * 0.11 };
      this.habits.set(key, h);
    }
    return h;
  }

  private preferredDay(r: Random, frequency: VisitFrequency, h: Habit, start: number, end: number): number {
    const clamp = (d: number) => Math.min(Math.max(d, start), end);
    if (frequency === 'weekly') return clamp(start + h.weekday + r.int(-1, 1));
    const monthOffset = frequency === 'quarterly' ? (r.chance(0.7) ? h.quarterMonth : r.int(0, 2)) : 0;
    const month = monthAfter(start, monthOffset);
    return clamp(month.start + Math.min(h.monthDay + r.int(-4, 4), month.days) - 1);
  }

  private visitors(r: Random, own: string | undefined): string[] {
    const staff = r.pick(this.staff);
    if (!own) return r.chance(0.2) ? unique([staff, r.pick(this.staff)]) : [staff];
    const x = r.next();
    return x < 0.8 ? [own] : x < 0.95 ? unique([own, staff]) : [staff];
  }

  private visit(r: Random, s: VisitSubject, day: number, method?: VisitMethod): VisitData {
    const how = method ?? r.pickWeighted(s.kind === 'child' ? CHILD_METHOD : s.frequency === 'weekly' ? WEEKLY_METHOD : ELDER_METHOD);
    const visitedOn = isoOfDay(day);
    const v: VisitData = {
      visitedOn,
      visitors: this.visitors(r, s.visitor),
      method: how,
      health: {},
      illness: undefined,
      livingDifficulties: undefined,
      moneyDifficulties: undefined,
      benefitsReceived: undefined,
      supportersVisit: undefined,
      hazards: [],
      hazardNote: undefined,
      needs: [],
      actions: undefined,
      referrals: undefined,
      nextVisitOn: undefined,
      notes: undefined,
    };
    if (s.elder) this.elderFindings(r, v, s.elder, day);
    else this.childFindings(r, v, day);
    if (r.chance(0.25)) v.nextVisitOn = isoOfDay(day + (s.frequency === 'weekly' ? 7 : s.frequency === 'monthly' ? r.int(25, 35) : r.int(80, 95)));
    return v;
  }

  private elderFindings(r: Random, v: VisitData, t: ElderTraits, day: number): void {
    const home = v.method === 'home';
    const health: Partial<HealthCheck> = home ? { ...t.health } : { speech: t.health.speech, mental: t.health.mental };
    if (t.livesAlone && r.chance(0.06)) health.mental = 'low';
    v.health = health;
    const flagged: string[] = [];
    if (r.chance(0.06)) flagged.push((v.illness = r.pick(VISIT_TEXT.elderIllness)));
    const winter = isWinter(day);
    if (r.chance(winter ? 0.06 : 0.03)) v.livingDifficulties = winter && r.chance(0.5) ? VISIT_TEXT.livingDifficulties[0] : r.pick(VISIT_TEXT.livingDifficulties);
    if (t.poor && r.chance(0.08)) v.moneyDifficulties = r.pick(VISIT_TEXT.moneyDifficulties);
    if (t.benefitsNote && home && r.chance(0.25)) v.benefitsReceived = t.benefitsNote;
    if (home && r.chance(0.6)) v.supportersVisit = t.supportersVisit;
    if (home && r.chance(0.04)) {
      const finding = pickHazard(r, winter);
      v.hazards = [finding.hazard];
      v.hazardNote = finding.note;
      v.actions = finding.action;
    }
    if (r.chance(0.06)) {
      const need = health.mental === 'low' || (t.livesAlone && r.chance(0.5)) ? 'emotional' : r.pick(ELDER_NEEDS);
      v.needs = [need];
      flagged.push(need);
    }
    if (flagged.length > 0 && !v.actions) v.actions = r.pick(VISIT_TEXT.elderActions);
    if (flagged.length > 0 && r.chance(0.3)) v.referrals = r.pick(VISIT_TEXT.referrals);
    if (r.chance(0.1)) v.notes = r.pick(VISIT_TEXT.elderNotes);
  }

  private childFindings(r: Random, v: VisitData, day: number): void {
    // A child's visit asks the child check, never the elder's health check (VISIT_QUESTIONS).
    const check: NonNullable<VisitData['childCheck']> = v.method === 'home' ? { ...ROUTINE_CHILD_ANSWERS, safety: [] } : { mental: 'good', safety: [] };
    if (r.chance(0.03)) check.mental = 'low';
    v.childCheck = check;
    const flagged = check.mental === 'low';
    if (r.chance(0.03)) v.illness = r.pick(VISIT_TEXT.childIllness);
    // Drowning season: ponds and rivers near home are what visitors look at, May to September.
    const month = monthOf(day);
    if (v.method === 'home' && month >= 5 && month <= 9 && r.chance(0.05)) {
      v.hazards = ['water'];
      check.safety = ['drowning'];
      v.hazardNote = '住宅附近有无护栏水塘';
      v.actions = '已再次提醒监护人看护，发放防溺水宣传资料';
    }
    if (flagged || r.chance(0.04)) v.needs = [flagged ? 'emotional' : r.pick(CHILD_NEEDS)];
    if (v.needs.length > 0 && !v.actions) v.actions = r.pick(VISIT_TEXT.childActions);
    if (r.chance(0.1)) v.notes = r.pick(VISIT_TEXT.childNotes);
  }
}

const byDate = (a: VisitData, b: VisitData) => (a.visitedOn < b.visitedOn ? -1 : a.visitedOn > b.visitedOn ? 1 : 0);

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** November to March: heating season in southern Anhui (no central heating). */
function isWinter(day: number): boolean {
  const month = monthOf(day);
  return month >= 11 || month <= 3;
}

const HAZARDS_ALL_YEAR = HAZARD_FINDINGS.filter((h) => h.hazard !== 'heating');

function pickHazard(r: Random, winter: boolean): (typeof HAZARD_FINDINGS)[number] {
  return r.pick(winter ? HAZARD_FINDINGS : HAZARDS_ALL_YEAR);
}

/** Station staff: three per township, from the township's own stream. */
export function stationStaff(townshipCode: string): string[] {
  const r = new Random(`station-ledger demo staff ${townshipCode}`);
  const out = new Set<string>();
  while (out.size < 3) {
    const given = GIVEN.parent[r.chance(0.6) ? 'F' : 'M'].chars;
    out.add(r.pickWeighted(SURNAMES) + r.pick(given) + (r.chance(0.7) ? r.pick(given) : ''));
  }
  return [...out];
}
