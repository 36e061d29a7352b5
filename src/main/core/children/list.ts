/** The register's list: filters and search-as-you-type, paged; hot path, checked by the benchmark. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ChildListResult } from '../../../shared/contract';
import type { ParsedInputOf } from '../../../shared/contract';
import { AGE_BANDS, MANDATORY_REPORT, mandatoryReportReasons, type ChildCategory, type GuardianshipType, type Schooling } from '../../../shared/domain/children';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { activeTags, ageConditions, personConditions, personListRows } from '../people/list';

export type ChildListQuery = ParsedInputOf<'children.list'>;

/** `owner`: a station lists only its own records; the county passes null (all, or q.stationCode). */
export function childFilters(q: ChildListQuery, today: string, owner: string | null) {
  return (eb: ExpressionBuilder<DB, 'children'>): Expression<SqlBool> => {
    const and = personConditions('children', q, owner);
    if (q.guardianshipType) and.push(eb('children.guardianship_type', '=', q.guardianshipType));
    if (q.ageBand) {
      const band = AGE_BANDS.find((b) => b.value === q.ageBand)!;
      and.push(...ageConditions('children', today, band.min, band.max));
    }
    if (q.category) {
      const category = q.category;
      // EXISTS per child: an IN (subquery) would build the set of ~all children twice per page.
      and.push(
        eb.exists(
          eb
            .selectFrom('child_categories')
            .select(sql.lit(1).as('one'))
            .whereRef('child_categories.child_id', '=', 'children.id')
            .where('child_categories.category', '=', category)
            .where('child_categories.deleted', '=', 0)
            .where((c) => c.or([c('child_categories.end_date', 'is', null), c('child_categories.end_date', '>=', today)])),
        ),
      );
    }
    if (q.needsReport) {
      and.push(eb.or([eb('children.guardianship_type', '=', MANDATORY_REPORT.guardianshipType), eb('children.schooling', '=', MANDATORY_REPORT.schooling)]));
    }
    return eb.and(and);
  };
}

export async function listChildren(ctx: CoreContext, q: ChildListQuery): Promise<ChildListResult> {
  const today = ctx.today();
  const station = ctx.requireStation();
  const where = childFilters(q, today, station.role === 'station' ? station.code : null);
  const [countRow, rows] = await Promise.all([
    ctx.kdb.selectFrom('children').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
    ctx.kdb
      .selectFrom('children')
      .select([
        'id',
        'station_code',
        'name',
        'sex',
        'birth_date',
        'id_number',
        'township_code',
        'village_code',
        'guardianship_type',
        'schooling',
        'report_date',
      ])
      .where(where)
      .orderBy('name_pinyin')
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  const categories = activeTags(ctx.db, { table: 'child_categories', parentColumn: 'child_id', codeColumn: 'category' }, rows.map((r) => r.id), today) as Map<
    string,
    ChildCategory[]
  >;
  return {
    total: countRow.n,
    rows: personListRows(ctx, rows, today, (r) => ({
      categories: categories.get(r.id) ?? [],
      guardianshipType: (r.guardianship_type ?? 'fair') as GuardianshipType,
      schooling: (r.schooling ?? 'not_in_school') as Schooling,
      reportReasons: mandatoryReportReasons({ guardianshipType: r.guardianship_type, schooling: r.schooling }),
      reported: r.report_date !== null,
    })),
  };
}
