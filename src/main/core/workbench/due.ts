/**
 * The due list (工作台): who must be visited, computed on every call from the registers, the
 * visits and the county's rules. Nothing is cached, so a visit saved a moment ago moves its person
 * at once.
 *
 * Two reads, because most people are settled — visited in the current period with no major change
 * waiting, which is `dueStatus`'s first rule (nothing outstanding, so `ok`). The first read gives
 * every person only what that test needs (groups held today, last visit, last major change, each
 * an index seek); settled people are counted and dropped. The second read fetches names, places and
 * the first visit for the few kept. At 10,000 elders, building every row in full was most of the
 * list's time, in allocation and garbage collection (see the benchmark).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DueInfo, DueKind, DueListResult, DueRow, ParsedInputOf } from '../../../shared/contract';
import { mandatoryReportReasons } from '../../../shared/domain/children';
import { ageOn } from '../../../shared/domain/dates';
import { DUE_STATUSES, dueStatus, frequencyFor, periodOf, type DueRule, type DueStatusKind, type VisitFrequency } from '../../../shared/domain/visitDue';
import type { CoreContext } from '../context';
import type { EldersTables } from '../elders/schema';
import { personConditions, type PersonListQuery } from '../people/list';
import { placeNames } from '../places/handlers';
import { dueRules } from '../rules/read';

type Register = 'elders' | 'children';
const REGISTER: Readonly<Record<DueKind, Register>> = { elder: 'elders', child: 'children' };

/** What the rules look at, per person. */
interface StatusRow {
  id: string;
  tier: string | null;
  guardianship_type: string | null;
  /** "earliest start|code,code" of the groups (categories) held today, or null: one index walk. */
  held: string | null;
  last_visit: string | null;
  major_change_on: string | null;
}

/** What a kept person's row and due state need besides. */
interface DetailRow {
  id: string;
  station_code: string;
  name: string;
  birth_date: string;
  township_code: string;
  village_code: string;
  schooling: string | null;
  report_date: string | null;
  created_on: string;
  first_visit: string | null;
}

interface CandidateQuery extends PersonListQuery {
  ids?: readonly string[];
}

function conditions(table: Register, q: CandidateQuery, owner: string | null): Expression<SqlBool>[] {
  const and = personConditions(table, q, owner);
  if (q.ids) and.push(sql<SqlBool>`${sql.ref(`${table}.id`)} IN (SELECT value FROM json_each(${JSON.stringify(q.ids)}))`);
  return and;
}

function statusRows(ctx: CoreContext, kind: DueKind, q: CandidateQuery, owner: string | null, today: string): Promise<StatusRow[]> {
  const table = REGISTER[kind];
  const id = sql.ref(`${table}.id`);
  const held =
    kind === 'elder'
      ? sql<string | null>`(SELECT min(g.start_date) || '|' || group_concat(g.group_code) FROM elder_groups g
          WHERE g.elder_id = ${id} AND g.deleted = 0 AND g.start_date <= ${today} AND (g.end_date IS NULL OR g.end_date >= ${today}))`
      : sql<string | null>`(SELECT min(c.start_date) || '|' || group_concat(c.category) FROM child_categories c
          WHERE c.child_id = ${id} AND c.deleted = 0 AND c.start_date <= ${today} AND (c.end_date IS NULL OR c.end_date >= ${today}))`;
  return ctx.kdb
    .withTables<EldersTables>()
    .selectFrom(table)
    .select([
      'id',
      kind === 'elder' ? sql<string | null>`risk_tier`.as('tier') : sql<null>`NULL`.as('tier'),
      kind === 'child' ? sql<string | null>`guardianship_type`.as('guardianship_type') : sql<null>`NULL`.as('guardianship_type'),
      held.as('held'),
      sql<string | null>`(SELECT max(v.visited_on) FROM visits v WHERE v.subject_id = ${id} AND v.deleted = 0 AND v.visited_on <= ${today})`.as('last_visit'),
      sql<string | null>`(SELECT max(m.occurred_on) FROM major_changes m WHERE m.subject_id = ${id} AND m.deleted = 0 AND m.occurred_on <= ${today})`.as('major_change_on'),
    ])
    .where((eb) => eb.and(conditions(table, q, owner)))
    .execute();
}

function detailRows(ctx: CoreContext, kind: DueKind, ids: readonly string[]): Map<string, DetailRow> {
  const table = REGISTER[kind];
  const childColumns = kind === 'child' ? 'p.schooling, p.report_date' : 'NULL AS schooling, NULL AS report_date';
  const rows = ctx.db
    .prepare(
      `SELECT p.id, p.station_code, p.name, p.birth_date, p.township_code, p.village_code, ${childColumns}, substr(p.created_at, 1, 10) AS created_on,
              (SELECT min(v.visited_on) FROM visits v WHERE v.subject_id = p.id AND v.deleted = 0) AS first_visit
       FROM ${table} p WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as DetailRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

const groupsOf = (s: StatusRow): string[] => (s.held === null ? [] : s.held.slice(s.held.indexOf('|') + 1).split(','));

/**
 * When the duty to visit began: the start of the groups held today, but never before the station
 * knew the person — registered, or visited (a paper visit entered later). A person registered
 * today with a group start years back is due this period, not overdue since then.
 */
function joinedOn(s: StatusRow, d: DetailRow): string {
  const knownSince = d.first_visit !== null && d.first_visit < d.created_on ? d.first_visit : d.created_on;
  const groupsFrom = s.held === null ? null : s.held.slice(0, s.held.indexOf('|'));
  return groupsFrom !== null && groupsFrom > knownSince ? groupsFrom : knownSince;
}

function dueInfoOf(s: StatusRow, detail: DetailRow, frequency: VisitFrequency, today: string): DueInfo {
  const d = dueStatus({ today, frequency, joinedOn: joinedOn(s, detail), visits: s.last_visit ? [s.last_visit] : [], majorChangeOn: s.major_change_on });
  return {
    frequency,
    status: d.status,
    nextDueBy: d.nextDueBy,
    majorChangePending: d.majorChangePending,
    ...(d.lastVisit ? { lastVisit: d.lastVisit } : {}),
    ...(d.daysOverdue !== undefined ? { daysOverdue: d.daysOverdue } : {}),
  };
}

interface Due {
  kind: DueKind;
  status: StatusRow;
  detail: DetailRow;
  info: DueInfo;
}

interface Assessment {
  counts: Record<DueStatusKind, number>;
  /** The people of the statuses asked for, with their due state. */
  kept: Due[];
}

/** Every person's status, counted; names and the full due state only for the statuses kept. */
async function assess(ctx: CoreContext, kinds: readonly DueKind[], q: CandidateQuery, keep: (s: DueStatusKind) => boolean): Promise<Assessment> {
  const today = ctx.today();
  const station = ctx.requireStation();
  const owner = station.role === 'station' ? station.code : null;
  const rules = dueRules(ctx.db);
  const counts = Object.fromEntries(DUE_STATUSES.map((s) => [s.value, 0])) as Record<DueStatusKind, number>;
  const starts = new Map<VisitFrequency, string>();
  const periodStart = (f: VisitFrequency) => {
    let start = starts.get(f);
    if (start === undefined) starts.set(f, (start = periodOf(f, today).start));
    return start;
  };
  const kept: Due[] = [];
  for (const kind of kinds) {
    const rule: DueRule = kind === 'elder' ? rules.elder : rules.child;
    const open: { status: StatusRow; frequency: VisitFrequency; settled: boolean }[] = [];
    // People share a handful of (tier, groups, guardianship) combinations: one rule walk each.
    const frequencies = new Map<string, VisitFrequency>();
    for (const s of await statusRows(ctx, kind, q, owner, today)) {
      // A child outside every category today is no longer looked after by the station.
      if (kind === 'child' && s.held === null) continue;
      const codes = s.held === null ? '' : s.held.slice(s.held.indexOf('|') + 1);
      const key = `${s.tier ?? ''}|${s.guardianship_type ?? ''}|${codes}`;
      let frequency = frequencies.get(key);
      if (frequency === undefined) {
        frequency = frequencyFor(rule, { tier: s.tier, groups: groupsOf(s), guardianshipType: s.guardianship_type });
        frequencies.set(key, frequency);
      }
      const changeWaiting = s.major_change_on !== null && (s.last_visit === null || s.last_visit < s.major_change_on);
      const settled = s.last_visit !== null && s.last_visit >= periodStart(frequency) && !changeWaiting;
      if (settled) counts.ok += 1;
      if (!settled || keep('ok')) open.push({ status: s, frequency, settled });
    }
    const details = detailRows(ctx, kind, open.map((o) => o.status.id));
    for (const { status, frequency, settled } of open) {
      const detail = details.get(status.id)!;
      const info = dueInfoOf(status, detail, frequency, today);
      if (!settled) counts[info.status] += 1;
      if (keep(info.status)) kept.push({ kind, status, detail, info });
    }
  }
  return { counts, kept };
}

/** One person's due state, or null when no rule covers them. */
export async function dueOf(ctx: CoreContext, kind: DueKind, id: string): Promise<DueInfo | null> {
  const { kept } = await assess(ctx, [kind], { ids: [id] }, () => true);
  return kept[0]?.info ?? null;
}

const STATUS_ORDER: Readonly<Record<DueStatusKind, number>> = { overdue: 0, due_this_week: 1, due_this_month: 2, ok: 3 };

const byName = new Intl.Collator('zh-CN').compare;

/** Most urgent first: longest overdue, then the earliest deadline. */
function byUrgency(a: Due, b: Due): number {
  const s = STATUS_ORDER[a.info.status] - STATUS_ORDER[b.info.status];
  if (s !== 0) return s;
  const d = (b.info.daysOverdue ?? 0) - (a.info.daysOverdue ?? 0);
  if (d !== 0) return d;
  if (a.info.nextDueBy !== b.info.nextDueBy) return a.info.nextDueBy < b.info.nextDueBy ? -1 : 1;
  return byName(a.detail.name, b.detail.name);
}

export async function dueList(ctx: CoreContext, q: ParsedInputOf<'workbench.due'>): Promise<DueListResult> {
  const today = ctx.today();
  const wanted = (status: DueStatusKind) => (q.status ? status === q.status : status !== 'ok');
  const { counts, kept } = await assess(ctx, q.subjectKind ? [q.subjectKind] : ['elder', 'child'], q, wanted);
  kept.sort(byUrgency);
  const page = kept.slice(q.offset, q.offset + q.limit);
  const names = placeNames(ctx, page.flatMap(({ detail: p }) => [p.township_code, p.village_code]));
  const rows: DueRow[] = page.map(({ kind, status, detail: p, info }) => ({
    ...info,
    subjectKind: kind,
    id: p.id,
    stationCode: p.station_code,
    name: p.name,
    age: ageOn(p.birth_date, today),
    townshipName: names.get(p.township_code) ?? '',
    villageName: names.get(p.village_code) ?? '',
    groups: groupsOf(status).sort(),
    ...(status.tier ? { riskTier: status.tier } : {}),
    // A report already made is no longer a reason to act.
    ...(kind === 'child' ? { reportReasons: p.report_date ? [] : mandatoryReportReasons({ guardianshipType: status.guardianship_type, schooling: p.schooling }) } : {}),
  }));
  return { today, counts, total: kept.length, rows };
}
