/**
 * Visit due list (探访提醒): how often each elder or child must be visited, who is due or overdue
 * on a given day, and the monthly visit rate (月探访率).
 *
 * Periods are calendar periods, because the national target is "at least one visit a month":
 * weekly = ISO week (Monday–Sunday), monthly = calendar month, quarterly = calendar quarter
 * (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec). Dates are ISO strings (YYYY-MM-DD) with UTC day arithmetic,
 * as in dates.ts; nothing here reads the clock or the local time zone: `today` is always a parameter.
 */
import type { ChildCategory, GuardianshipType } from './children';
import { addDays, dayNumber, daysBetween, daysInMonth, isoOfDay, isRealDate } from './dates';
import type { ElderGroup, RiskTier } from './elders';
import type { Option } from './labels';

export const VISIT_FREQUENCIES = [
  { value: 'weekly', label: '每周' },
  { value: 'monthly', label: '每月' },
  { value: 'quarterly', label: '每季度' },
] as const satisfies readonly Option[];
export type VisitFrequency = (typeof VISIT_FREQUENCIES)[number]['value'];

/** Strictest first: a lower index means more visits. */
const FREQUENCY_ORDER: readonly VisitFrequency[] = VISIT_FREQUENCIES.map((f) => f.value);

export const DUE_STATUSES = [
  { value: 'overdue', label: '已逾期' },
  { value: 'due_this_week', label: '本周应访' },
  { value: 'due_this_month', label: '本月应访' },
  { value: 'ok', label: '正常' },
] as const satisfies readonly Option[];
export type DueStatusKind = (typeof DUE_STATUSES)[number]['value'];

// ---------------------------------------------------------------------------------------------
// Due rules (configurable): data, not code paths.

/**
 * One line of a due rule. A line applies to a person when every condition it names holds
 * (a condition that is left out always holds); within one condition, any listed code is enough.
 * A line without conditions applies to everyone.
 */
export interface DueRuleLine {
  /** The elder's risk tier (RISK_TIERS in elders.ts) is one of these. */
  tiers?: readonly string[];
  /** The person belongs to at least one of these groups (ELDER_GROUPS or CHILD_CATEGORIES codes). */
  groups?: readonly string[];
  /** The child's guardianship type (GUARDIANSHIP_TYPES) is one of these. */
  guardianshipTypes?: readonly string[];
  frequency: VisitFrequency;
}

/** Which frequency applies to a person: the strictest of the lines that apply, else `otherwise`. */
export interface DueRule {
  lines: readonly DueRuleLine[];
  otherwise: VisitFrequency;
}

/** What a rule looks at. Codes are those stored in the registers; unknown codes simply match nothing. */
export interface DueSubject {
  tier?: string | null;
  groups?: readonly string[];
  guardianshipType?: string | null;
}

/**
 * Group code of special-hardship elders (分散供养特困) in the default elder rule. The national target
 * is at least one visit a month for every one of them, whatever their tier.
 */
export const SPECIAL_HARDSHIP_GROUP: ElderGroup = 'dispersed_tekun';

/** National default for elders: high risk weekly, priority monthly, special hardship at least monthly, the rest quarterly. */
export const DEFAULT_ELDER_DUE_RULE: DueRule = {
  lines: [
    { tiers: ['high'] satisfies RiskTier[], frequency: 'weekly' },
    { tiers: ['priority'] satisfies RiskTier[], frequency: 'monthly' },
    { groups: [SPECIAL_HARDSHIP_GROUP], frequency: 'monthly' },
  ],
  otherwise: 'quarterly',
};

/** Default for children: monthly for a child without any guardian (无人监护) or de-facto unsupported, quarterly otherwise. */
export const DEFAULT_CHILD_DUE_RULE: DueRule = {
  lines: [
    { guardianshipTypes: ['none'] satisfies GuardianshipType[], frequency: 'monthly' },
    { groups: ['unsupported'] satisfies ChildCategory[], frequency: 'monthly' },
  ],
  otherwise: 'quarterly',
};

function lineApplies(line: DueRuleLine, subject: DueSubject): boolean {
  if (line.tiers && !(subject.tier != null && line.tiers.includes(subject.tier))) return false;
  if (line.groups && !(subject.groups ?? []).some((g) => line.groups!.includes(g))) return false;
  if (line.guardianshipTypes && !(subject.guardianshipType != null && line.guardianshipTypes.includes(subject.guardianshipType))) return false;
  return true;
}

/** The frequency a rule gives a person: the strictest applying line, or the rule's `otherwise`. */
export function frequencyFor(rule: DueRule, subject: DueSubject): VisitFrequency {
  const applying = rule.lines.filter((line) => lineApplies(line, subject)).map((line) => line.frequency);
  if (applying.length === 0) return rule.otherwise;
  return strictest(applying);
}

/** The most frequent of several frequencies (weekly before monthly before quarterly). */
export function strictest(frequencies: readonly VisitFrequency[]): VisitFrequency {
  let best: VisitFrequency = 'quarterly';
  for (const f of frequencies) if (FREQUENCY_ORDER.indexOf(f) < FREQUENCY_ORDER.indexOf(best)) best = f;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Calendar periods.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A calendar period, both ends included. */
export interface Period {
  start: string;
  end: string;
}

/** The week, month or quarter that contains `day`. */
export function periodOf(frequency: VisitFrequency, day: string): Period {
  const [y, m] = day.split('-').map(Number) as [number, number, number];
  switch (frequency) {
    case 'weekly': {
      const n = dayNumber(day);
      const mondayOffset = (new Date(n * 86_400_000).getUTCDay() + 6) % 7;
      return { start: isoOfDay(n - mondayOffset), end: isoOfDay(n - mondayOffset + 6) };
    }
    case 'monthly':
      return { start: `${pad(y, 4)}-${pad(m)}-01`, end: `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}` };
    case 'quarterly': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { start: `${pad(y, 4)}-${pad(first)}-01`, end: `${pad(y, 4)}-${pad(first + 2)}-${pad(daysInMonth(y, first + 2))}` };
    }
  }
}

/** ISO 8601 week: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekOf(day: string): { year: number; week: number } {
  const thursday = addDays(periodOf('weekly', day).start, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${pad(year, 4)}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** A readable key of the period containing `day`: 2026-W53, 2026-12 or 2026-Q4. */
export function periodKey(frequency: VisitFrequency, day: string): string {
  switch (frequency) {
    case 'weekly': {
      const { year, week } = isoWeekOf(day);
      return `${pad(year, 4)}-W${pad(week)}`;
    }
    case 'monthly':
      return day.slice(0, 7);
    case 'quarterly':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  }
}

function periodAfter(frequency: VisitFrequency, period: Period): Period {
  return periodOf(frequency, addDays(period.end, 1));
}

// ---------------------------------------------------------------------------------------------
// Who is due.

export interface DueInput {
  /** The day the list is computed for. */
  today: string;
  frequency: VisitFrequency;
  /** The day the person entered the target group (or got this frequency). */
  joinedOn: string;
  /** Dates of the person's visits, in any order; duplicates are harmless. */
  visits: readonly string[];
  /** The day of a major change (hospital stay, loss of a carer, ...): a visit on or after it is due the next day. */
  majorChangeOn?: string | null;
}

export interface DueStatus {
  status: DueStatusKind;
  /** The current period (the one that contains `today`). */
  periodStart: string;
  periodEnd: string;
  /** The latest visit on or before `today`. */
  lastVisit?: string;
  /** Days since `nextDueBy` passed; only when overdue. */
  daysOverdue?: number;
  /** The day by which the next visit is due; before `today` exactly when overdue. */
  nextDueBy: string;
  /** Whether the current period already has a visit. */
  visitedThisPeriod: boolean;
  /** Whether a major change still waits for its visit. */
  majorChangePending: boolean;
}

/**
 * Whether a person must be visited, and by when.
 *
 * Rules, in order:
 * - Visits count for the period of their visit date, whenever they were entered (a visit dated
 *   31 Jan and entered on 2 Feb covers January). Visits after `today`, and strings that are not
 *   real dates, are ignored.
 * - Period requirement: every period from the one containing `joinedOn` on needs at least one
 *   visit, due by the period's last day. A person who joins mid-month is due by that month's end
 *   and is never overdue for earlier months. A visit in a period before they joined counts for
 *   nothing; one earlier in the joining period (before `joinedOn`) covers that period.
 * - Once the current period has a visit, nothing is outstanding for it: a missed earlier period
 *   cannot be made up any more (it shows in the monthly rate), so the person is `ok`.
 * - Otherwise the outstanding deadline is the end of the first unvisited period since joining —
 *   the current one, or an earlier one when the person has gone unvisited since then (overdue).
 * - Weekly also means "no more than 7 days between visits": when the current week has no visit,
 *   the deadline is at the latest 7 days after the last visit (or after `joinedOn`, if later).
 * - Major change: if `majorChangeOn` is on or before `today` and no visit is dated on or after it,
 *   a visit is due by the next day, whatever the frequency. A future `majorChangeOn` is ignored.
 *
 * `nextDueBy` is the earliest outstanding deadline, or, when nothing is outstanding, the next
 * period's deadline (weekly: 7 days after the last visit). Status:
 * - `overdue` when `nextDueBy` is before `today` (`daysOverdue` = days since `nextDueBy`);
 * - `due_this_week` when a major change waits for its visit, or `nextDueBy` falls in today's ISO week;
 * - `due_this_month` when `nextDueBy` falls in today's calendar month;
 * - `ok` otherwise: visited for the current period, or the deadline is after this month (a
 *   quarterly person in the first two months of an unvisited quarter: see `visitedThisPeriod`).
 * Before `joinedOn` nothing is due: `ok`, due by the end of the joining period.
 */
export function dueStatus(input: DueInput): DueStatus {
  const { today, frequency, joinedOn } = input;
  if (!isRealDate(today)) throw new RangeError(`today is not a date: ${today}`);
  if (!isRealDate(joinedOn)) throw new RangeError(`joinedOn is not a date: ${joinedOn}`);

  const current = periodOf(frequency, today);
  const seen = input.visits.filter((v) => isRealDate(v) && v <= today);
  const lastVisit = seen.length > 0 ? seen.reduce((a, b) => (b > a ? b : a)) : undefined;
  const visitedThisPeriod = lastVisit !== undefined && lastVisit >= current.start;
  const base = { periodStart: current.start, periodEnd: current.end, ...(lastVisit ? { lastVisit } : {}), visitedThisPeriod };

  if (joinedOn > today) {
    return { ...base, status: 'ok', nextDueBy: periodOf(frequency, joinedOn).end, majorChangePending: false };
  }

  // Weekly visits are also at most 7 days apart, counted from the last visit or from joining.
  const rollingBase = lastVisit === undefined ? undefined : lastVisit > joinedOn ? lastVisit : joinedOn;
  const deadlines: string[] = [];
  if (!visitedThisPeriod) {
    let firstUnvisited = periodOf(frequency, joinedOn);
    if (lastVisit !== undefined && lastVisit >= firstUnvisited.start) firstUnvisited = periodAfter(frequency, periodOf(frequency, lastVisit));
    deadlines.push(firstUnvisited.end);
    if (frequency === 'weekly' && rollingBase !== undefined) deadlines.push(addDays(rollingBase, 7));
  }

  const change = input.majorChangeOn;
  const majorChangePending = change != null && isRealDate(change) && change <= today && !(lastVisit !== undefined && lastVisit >= change);
  if (majorChangePending) deadlines.push(addDays(change, 1));

  if (deadlines.length === 0) {
    const next = periodAfter(frequency, current).end;
    const nextDueBy = frequency === 'weekly' && rollingBase !== undefined ? minIso([next, addDays(rollingBase, 7)]) : next;
    return { ...base, status: 'ok', nextDueBy, majorChangePending };
  }

  const nextDueBy = minIso(deadlines);
  if (nextDueBy < today) {
    return { ...base, status: 'overdue', daysOverdue: daysBetween(nextDueBy, today), nextDueBy, majorChangePending };
  }
  let status: DueStatusKind = 'ok';
  if (majorChangePending || nextDueBy <= periodOf('weekly', today).end) status = 'due_this_week';
  else if (nextDueBy <= periodOf('monthly', today).end) status = 'due_this_month';
  return { ...base, status, nextDueBy, majorChangePending };
}

function minIso(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b < a ? b : a));
}

// ---------------------------------------------------------------------------------------------
// Monthly visit rate (月探访率).

export interface RatePerson {
  /** First day in the target group. */
  joinedOn: string;
  /** Last day in the target group (inclusive), if they have left. */
  leftOn?: string | null;
  visits: readonly string[];
}

export interface VisitRate {
  /** People in the target group on at least one day of the month. */
  eligible: number;
  /** Of those, people with at least one visit dated in the month. */
  visited: number;
  /** visited / eligible, in [0, 1]; 0 when no one is eligible. */
  rate: number;
}

/** The monthly visit rate for `month` (YYYY-MM): a visit counts for the month of its date, whenever it was entered. */
export function monthlyVisitRate(people: readonly RatePerson[], month: string): VisitRate {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`month is not YYYY-MM: ${month}`);
  const { start, end } = periodOf('monthly', `${month}-01`);
  let eligible = 0;
  let visited = 0;
  for (const p of people) {
    if (p.joinedOn > end || (p.leftOn != null && p.leftOn < start)) continue;
    eligible += 1;
    if (p.visits.some((v) => v >= start && v <= end && isRealDate(v))) visited += 1;
  }
  return { eligible, visited, rate: eligible === 0 ? 0 : visited / eligible };
}
