/** The left-behind women register's list: filters and search-as-you-type, paged, the same shape as the other registers'. */
import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ParsedInputOf, WomanListResult } from '../../../shared/contract';
import { WOMAN_AGE_BANDS, womanActiveOn, type WomanHealth } from '../../../shared/domain/women';
import type { CoreContext } from '../context';
import { ageConditions, personConditions, personListRows } from '../people/list';
import { needsOf } from './rows';
import type { WomenDB, WomenTables } from './schema';

export type WomanListQuery = ParsedInputOf<'women.list'>;

/**
 * `owner`: a station lists only its own records; the county passes null (all, or q.stationCode).
 * Every filter column is in the `women_list` index, so the count never reads the table.
 */
export function womanFilters(q: WomanListQuery, today: string, owner: string | null) {
  return (eb: ExpressionBuilder<WomenDB, 'women'>): Expression<SqlBool> => {
    const and = personConditions('women', q, owner);
    // Ended means an end date on or before today (see womanActiveOn).
    if (q.status === 'active') and.push(eb.or([eb('women.ended_on', 'is', null), eb('women.ended_on', '>', today)]));
    if (q.status === 'ended') and.push(eb('women.ended_on', '<=', today));
    if (q.ageBand) {
      const band = WOMAN_AGE_BANDS.find((b) => b.value === q.ageBand)!;
      and.push(...ageConditions('women', today, band.min, band.max));
    }
    return eb.and(and);
  };
}

export async function listWomen(ctx: CoreContext, q: WomanListQuery): Promise<WomanListResult> {
  const today = ctx.today();
  const station = ctx.requireStation();
  const where = womanFilters(q, today, station.role === 'station' ? station.code : null);
  const kdb = ctx.kdb.withTables<WomenTables>();
  const [countRow, rows] = await Promise.all([
    kdb.selectFrom('women').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
    kdb
      .selectFrom('women')
      .select([
        'id',
        'station_code',
        'name',
        'sex',
        'birth_date',
        'id_number',
        'phone',
        'township_code',
        'village_code',
        'husband_name',
        'husband_work_province',
        'husband_work_city',
        'health',
        'needs',
        'since_on',
        'ended_on',
      ])
      .where(where)
      .orderBy('name_pinyin')
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return {
    total: countRow.n,
    rows: personListRows(ctx, rows, today, (r) => ({
      phone: r.phone ?? undefined,
      husbandName: r.husband_name,
      husbandWorkPlace: `${r.husband_work_province ?? ''}${r.husband_work_city ?? ''}`,
      health: (r.health ?? 'healthy') as WomanHealth,
      needs: needsOf(r.needs),
      sinceOn: r.since_on,
      endedOn: r.ended_on ?? undefined,
      active: womanActiveOn(r.ended_on, today),
    })),
  };
}
