/**
 * Monthly visit rate (月探访率) by township or village, and visits by month. Counted in SQL with
 * the rule of `monthlyVisitRate` in src/shared/domain/visitDue.ts: eligible are the people in
 * scope on at least one day of the month; visited, those with a visit dated in the month,
 * whenever it was entered.
 */
import type { ParsedInputOf, RateRow, RateScope, VisitRateResult, VisitsByMonthRow } from '../../../shared/contract';
import { SPECIAL_HARDSHIP_GROUP, periodOf } from '../../../shared/domain/visitDue';
import type { CoreContext } from '../context';
import { placeNames } from '../places/handlers';

/** The people in scope for a month, as SQL over `p` (the person) with :start and :end bound. */
const SCOPE: Readonly<Record<RateScope, { table: string; inScope: string }>> = {
  tekun: {
    table: 'elders',
    inScope: `EXISTS (SELECT 1 FROM elder_groups g WHERE g.elder_id = p.id AND g.group_code = '${SPECIAL_HARDSHIP_GROUP}' AND g.deleted = 0
              AND g.start_date <= :end AND (g.end_date IS NULL OR g.end_date >= :start))`,
  },
  // Every elder on the register by the month's end: registered, or in a group, by then.
  elders: {
    table: 'elders',
    inScope: `(substr(p.created_at, 1, 10) <= :end
              OR EXISTS (SELECT 1 FROM elder_groups g WHERE g.elder_id = p.id AND g.deleted = 0 AND g.start_date <= :end))`,
  },
  children: {
    table: 'children',
    inScope: `EXISTS (SELECT 1 FROM child_categories c WHERE c.child_id = p.id AND c.deleted = 0
              AND c.start_date <= :end AND (c.end_date IS NULL OR c.end_date >= :start))`,
  },
};

function ownerOf(ctx: CoreContext, stationCode: string | undefined): string | null {
  const station = ctx.requireStation();
  return station.role === 'station' ? station.code : (stationCode ?? null);
}

const rate = (visited: number, eligible: number) => (eligible === 0 ? 0 : visited / eligible);

export function visitRate(ctx: CoreContext, q: ParsedInputOf<'workbench.visitRate'>): VisitRateResult {
  const month = q.month ?? ctx.today().slice(0, 7);
  const { start, end } = periodOf('monthly', `${month}-01`);
  const { table, inScope } = SCOPE[q.scope];
  const owner = ownerOf(ctx, q.stationCode);
  const by = q.townshipCode ? 'p.village_code' : 'p.township_code';
  // Only the filters given: an `(:x IS NULL OR …)` term steers the planner onto the list index.
  const filters = [owner === null ? '' : 'AND p.station_code = :owner', q.townshipCode ? 'AND p.township_code = :township' : ''].join(' ');
  const rows = ctx.db
    .prepare(
      `SELECT ${by} AS code, count(*) AS eligible,
              sum(EXISTS (SELECT 1 FROM visits v WHERE v.subject_id = p.id AND v.deleted = 0 AND v.visited_on BETWEEN :start AND :end)) AS visited
       FROM ${table} p
       WHERE p.deleted = 0 AND ${inScope} ${filters}
       GROUP BY ${by} ORDER BY ${by}`,
    )
    .all({ start, end, ...(owner === null ? {} : { owner }), ...(q.townshipCode ? { township: q.townshipCode } : {}) }) as { code: string; eligible: number; visited: number }[];
  const names = placeNames(ctx, [...rows.map((r) => r.code), ...(q.townshipCode ? [q.townshipCode] : [])]);
  const eligible = rows.reduce((n, r) => n + r.eligible, 0);
  const visited = rows.reduce((n, r) => n + r.visited, 0);
  const total: RateRow = { code: q.townshipCode ?? '', name: q.townshipCode ? (names.get(q.townshipCode) ?? '') : '合计', eligible, visited, rate: rate(visited, eligible) };
  return {
    month,
    scope: q.scope,
    total,
    rows: rows.map((r) => ({ code: r.code, name: names.get(r.code) ?? r.code, eligible: r.eligible, visited: r.visited, rate: rate(r.visited, r.eligible) })),
  };
}

/** The `count` months ending with `until` (YYYY-MM), oldest first. */
function monthsUntil(until: string, count: number): string[] {
  const [y, m] = until.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export function visitsByMonth(ctx: CoreContext, q: ParsedInputOf<'workbench.visitsByMonth'>): VisitsByMonthRow[] {
  const months = monthsUntil(q.until ?? ctx.today().slice(0, 7), q.months);
  const owner = ownerOf(ctx, q.stationCode);
  const counts = ctx.db
    .prepare(
      `SELECT substr(visited_on, 1, 7) AS month, subject_kind AS kind, count(*) AS n FROM visits
       WHERE deleted = 0 AND visited_on BETWEEN :start AND :end
         AND (:owner IS NULL OR station_code = :owner) AND (:township IS NULL OR township_code = :township)
       GROUP BY month, kind`,
    )
    .all({ start: `${months[0]}-01`, end: `${months.at(-1)}-31`, owner, township: q.townshipCode ?? null }) as { month: string; kind: string; n: number }[];
  return months.map((month) => {
    const of = (kind: string) => counts.find((c) => c.month === month && c.kind === kind)?.n ?? 0;
    return { month, elder: of('elder'), child: of('child'), woman: of('woman') };
  });
}
