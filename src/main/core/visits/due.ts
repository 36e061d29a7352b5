/**
 * The due list (工作台): who must be visited, computed on every call from the registers, the
 * visits and the county's rules. Nothing is cached, so a visit saved a moment ago moves its person
 * at once. Per person SQL reads only what `dueStatus` needs: the groups held today, the day they
 * joined, the last visit and the last major change, each an index seek (see the benchmark).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DueInfo, DueKind, DueListResult, DueRow, ParsedInputOf } from '../../../shared/contract';
import { mandatoryReportReasons } from '../../../shared/domain/children';
import { ageOn } from '../../../shared/domain/dates';
import { DUE_STATUSES, dueStatus, frequencyFor, type DueRule, type DueStatusKind } from '../../../shared/domain/visitDue';
import type { CoreContext } from '../context';
import type { ElderlyTables } from '../elderly/schema';
import { personConditions, type PersonListQuery } from '../people/list';
import { placeNames } from '../places/handlers';
import { dueRules } from '../rules/read';

/** What the due rules look at, per person. */
interface Candidate {
  kind: DueKind;
  id: string;
  station_code: string;
  name: string;
  birth_date: string;
  township_code: string;
  village_code: string;
  tier: string | null;
  guardianship_type: string | null;
  schooling: string | null;
  /** Comma-separated codes held today; null when none. */
  groups: string | null;
  /** The earliest start of a group held today. */
  joined_on: string | null;
  created_on: string;
  last_visit: string | null;
  major_change_on: string | null;
}

interface CandidateQuery extends PersonListQuery {
  ids?: readonly string[];
}

function conditions(table: 'elders' | 'children', q: CandidateQuery, owner: string | null): Expression<SqlBool>[] {
  const and = personConditions(table, q, owner);
  if (q.ids) and.push(sql<SqlBool>`${sql.ref(`${table}.id`)} IN (SELECT value FROM json_each(${JSON.stringify(q.ids)}))`);
  return and;
}

/** Subqueries shared by both registers, about the person in `table`.id. */
function visitColumns(table: 'elders' | 'children', today: string) {
  const id = sql.ref(`${table}.id`);
  return [
    sql<string | null>`(SELECT max(v.visited_on) FROM visits v WHERE v.subject_id = ${id} AND v.deleted = 0 AND v.visited_on <= ${today})`.as('last_visit'),
    sql<string | null>`(SELECT max(m.occurred_on) FROM major_changes m WHERE m.subject_id = ${id} AND m.deleted = 0 AND m.occurred_on <= ${today})`.as('major_change_on'),
    sql<string>`substr(${sql.ref(`${table}.created_at`)}, 1, 10)`.as('created_on'),
  ] as const;
}

async function elderCandidates(ctx: CoreContext, q: CandidateQuery, owner: string | null, today: string): Promise<Candidate[]> {
  const active = sql`g.elder_id = elders.id AND g.deleted = 0 AND g.start_date <= ${today} AND (g.end_date IS NULL OR g.end_date >= ${today})`;
  const rows = await ctx.kdb
    .withTables<ElderlyTables>()
    .selectFrom('elders')
    .select(['id', 'station_code', 'name', 'birth_date', 'township_code', 'village_code', 'risk_tier as tier'])
    .select([
      sql<string | null>`(SELECT group_concat(g.group_code) FROM elder_groups g WHERE ${active})`.as('groups'),
      sql<string | null>`(SELECT min(g.start_date) FROM elder_groups g WHERE ${active})`.as('joined_on'),
      ...visitColumns('elders', today),
    ])
    .where((eb) => eb.and(conditions('elders', q, owner)))
    .execute();
  return rows.map((r) => ({ ...r, kind: 'elder', guardianship_type: null, schooling: null }));
}

async function childCandidates(ctx: CoreContext, q: CandidateQuery, owner: string | null, today: string): Promise<Candidate[]> {
  const active = sql`c.child_id = children.id AND c.deleted = 0 AND c.start_date <= ${today} AND (c.end_date IS NULL OR c.end_date >= ${today})`;
  const rows = await ctx.kdb
    .selectFrom('children')
    .select(['id', 'station_code', 'name', 'birth_date', 'township_code', 'village_code', 'guardianship_type', 'schooling'])
    .select([
      sql<string | null>`(SELECT group_concat(c.category) FROM child_categories c WHERE ${active})`.as('groups'),
      sql<string | null>`(SELECT min(c.start_date) FROM child_categories c WHERE ${active})`.as('joined_on'),
      ...visitColumns('children', today),
    ])
    .where((eb) => eb.and(conditions('children', q, owner)))
    .execute();
  // A child outside every category today is no longer looked after by the station.
  return rows.filter((r) => r.groups !== null).map((r) => ({ ...r, kind: 'child', tier: null }));
}

function dueInfoOf(c: Candidate, rule: DueRule, today: string): DueInfo {
  const groups = c.groups ? c.groups.split(',') : [];
  const frequency = frequencyFor(rule, { tier: c.tier, groups, guardianshipType: c.guardianship_type });
  const s = dueStatus({ today, frequency, joinedOn: c.joined_on ?? c.created_on, visits: c.last_visit ? [c.last_visit] : [], majorChangeOn: c.major_change_on });
  return {
    frequency,
    status: s.status,
    nextDueBy: s.nextDueBy,
    majorChangePending: s.majorChangePending,
    ...(s.lastVisit ? { lastVisit: s.lastVisit } : {}),
    ...(s.daysOverdue !== undefined ? { daysOverdue: s.daysOverdue } : {}),
  };
}

interface Due {
  candidate: Candidate;
  info: DueInfo;
}

async function computeDue(ctx: CoreContext, kinds: readonly DueKind[], q: CandidateQuery): Promise<Due[]> {
  const today = ctx.today();
  const station = ctx.requireStation();
  const owner = station.role === 'station' ? station.code : null;
  const rules = dueRules(ctx.db);
  const out: Due[] = [];
  if (kinds.includes('elder')) for (const c of await elderCandidates(ctx, q, owner, today)) out.push({ candidate: c, info: dueInfoOf(c, rules.elder, today) });
  if (kinds.includes('child')) for (const c of await childCandidates(ctx, q, owner, today)) out.push({ candidate: c, info: dueInfoOf(c, rules.child, today) });
  return out;
}

/** One person's due state, or null when no rule covers them. */
export async function dueOf(ctx: CoreContext, kind: DueKind, id: string): Promise<DueInfo | null> {
  const [due] = await computeDue(ctx, [kind], { ids: [id] });
  return due?.info ?? null;
}

const STATUS_ORDER: Readonly<Record<DueStatusKind, number>> = { overdue: 0, due_this_week: 1, due_this_month: 2, ok: 3 };

/** Most urgent first: longest overdue, then the earliest deadline. */
function byUrgency(a: Due, b: Due): number {
  const s = STATUS_ORDER[a.info.status] - STATUS_ORDER[b.info.status];
  if (s !== 0) return s;
  const d = (b.info.daysOverdue ?? 0) - (a.info.daysOverdue ?? 0);
  if (d !== 0) return d;
  if (a.info.nextDueBy !== b.info.nextDueBy) return a.info.nextDueBy < b.info.nextDueBy ? -1 : 1;
  return a.candidate.name.localeCompare(b.candidate.name, 'zh-CN');
}

export async function dueList(ctx: CoreContext, q: ParsedInputOf<'workbench.due'>): Promise<DueListResult> {
  const today = ctx.today();
  const all = await computeDue(ctx, q.subjectKind ? [q.subjectKind] : ['elder', 'child'], q);
  const counts = Object.fromEntries(DUE_STATUSES.map((s) => [s.value, 0])) as Record<DueStatusKind, number>;
  for (const d of all) counts[d.info.status] += 1;
  const wanted = all.filter((d) => (q.status ? d.info.status === q.status : d.info.status !== 'ok')).sort(byUrgency);
  const page = wanted.slice(q.offset, q.offset + q.limit);
  const names = placeNames(ctx, page.flatMap((d) => [d.candidate.township_code, d.candidate.village_code]));
  const rows: DueRow[] = page.map(({ candidate: c, info }) => ({
    ...info,
    subjectKind: c.kind,
    id: c.id,
    stationCode: c.station_code,
    name: c.name,
    age: ageOn(c.birth_date, today),
    townshipName: names.get(c.township_code) ?? '',
    villageName: names.get(c.village_code) ?? '',
    groups: c.groups ? c.groups.split(',').sort() : [],
    ...(c.tier ? { riskTier: c.tier } : {}),
    ...(c.kind === 'child' ? { reportReasons: mandatoryReportReasons({ guardianshipType: c.guardianship_type, schooling: c.schooling }) } : {}),
  }));
  return { today, counts, total: wanted.length, rows };
}
