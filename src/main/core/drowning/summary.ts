/**
 * The yearly figures of drowning prevention by township, for the county's work report: children
 * in scope, letters and pledges among them, inspections held (防溺水督查次数) and hazards found.
 * A year is the calendar year: an inspection on 31 December counts for that year, one on
 * 1 January for the next; publicity counts by the year it was recorded for.
 */
import type { DrowningSummary, DrowningSummaryRow } from '../../../shared/contract';
import { yearBounds } from '../../../shared/domain/drowning';
import type { CoreContext } from '../context';
import { IN_SCOPE_SQL } from './scope';

type Figures = Omit<DrowningSummaryRow, 'code' | 'name'>;
const ZERO: Figures = { childrenInScope: 0, letters: 0, pledges: 0, inspections: 0, hazards: 0 };

const documentHeld = (column: 'letter_on' | 'pledge_on') =>
  `EXISTS (SELECT 1 FROM drowning_publicity p WHERE p.child_id = c.id AND p.deleted = 0 AND p.year = @year AND p.${column} IS NOT NULL)`;

// A child counts once however many rows it has (at the county a moved child may have one per station).
const PUBLICITY_SQL = `
  SELECT c.township_code AS code, count(*) AS in_scope,
    coalesce(sum(${documentHeld('letter_on')}), 0) AS letters,
    coalesce(sum(${documentHeld('pledge_on')}), 0) AS pledges
  FROM children c
  WHERE c.deleted = 0 AND (@own IS NULL OR c.station_code = @own) AND ${IN_SCOPE_SQL}
  GROUP BY c.township_code`;

const INSPECTIONS_SQL = `
  SELECT township_code AS code, count(*) AS inspections, coalesce(sum(hazard_found), 0) AS hazards
  FROM water_inspections
  WHERE deleted = 0 AND inspected_on >= @start AND inspected_on <= @end AND (@own IS NULL OR station_code = @own)
  GROUP BY township_code`;

export function drowningSummary(ctx: CoreContext, year: number): DrowningSummary {
  const station = ctx.requireStation();
  const own = station.role === 'station' ? station.code : null;
  const { start, end } = yearBounds(year);
  const params = { year, start, end, own };
  const publicity = ctx.db.prepare(PUBLICITY_SQL).all(params) as { code: string; in_scope: number; letters: number; pledges: number }[];
  const inspections = ctx.db.prepare(INSPECTIONS_SQL).all(params) as { code: string; inspections: number; hazards: number }[];

  // Every township of the scope is listed, those with nothing recorded too: a blank in the report is a zero.
  const places = ctx.db
    .prepare("SELECT id, name, level FROM places WHERE deleted = 0 AND (level = 'county' OR (level = 'township' AND (@own IS NULL OR id = @own))) ORDER BY id")
    .all({ own }) as { id: string; name: string; level: 'county' | 'township' }[];
  const rows = new Map<string, DrowningSummaryRow>();
  for (const p of places) if (p.level === 'township') rows.set(p.id, { code: p.id, name: p.name, ...ZERO });
  const rowOf = (code: string): DrowningSummaryRow => {
    let row = rows.get(code);
    if (!row) rows.set(code, (row = { code, name: code, ...ZERO }));
    return row;
  };
  for (const p of publicity) Object.assign(rowOf(p.code), { childrenInScope: p.in_scope, letters: p.letters, pledges: p.pledges });
  for (const i of inspections) Object.assign(rowOf(i.code), { inspections: i.inspections, hazards: i.hazards });

  const townships = [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
  const county = places.find((p) => p.level === 'county');
  const total: DrowningSummaryRow = { code: county?.id ?? station.countyCode, name: county?.name ?? '', ...ZERO };
  for (const t of townships) {
    total.childrenInScope += t.childrenInScope;
    total.letters += t.letters;
    total.pledges += t.pledges;
    total.inspections += t.inspections;
    total.hazards += t.hazards;
  }
  return { year, townships, county: total };
}
