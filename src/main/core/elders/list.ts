/** The elderly register's list: filters and search-as-you-type, paged, the same shape as the children's. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { LedgerError, type ElderListResult, type ParsedInputOf } from '../../../shared/contract';
import {
  ELDER_AGE_BANDS,
  highAgeAllowanceClass,
  type CapabilityLevel,
  type EconomicStatus,
  type ElderGroup,
  type HighAgeBand,
  type LivingSituation,
  type RiskTier,
} from '../../../shared/domain/elders';
import { activeTags, ageConditions, personConditions, personListRows } from '../people/list';
import type { CoreContext } from '../context';
import type { ElderlyDB, EldersTables } from './schema';

export type ElderListQuery = ParsedInputOf<'elders.list'>;

/** `owner`: a station lists only its own records; the county passes null (all, or q.stationCode). */
export function elderFilters(q: ElderListQuery, today: string, owner: string | null, bands: readonly HighAgeBand[]) {
  return (eb: ExpressionBuilder<ElderlyDB, 'elders'>): Expression<SqlBool> => {
    const and = personConditions('elders', q, owner);
    if (q.riskTier) and.push(eb('elders.risk_tier', '=', q.riskTier));
    if (q.capability) and.push(eb('elders.capability', '=', q.capability));
    if (q.economicStatus) and.push(eb('elders.economic_status', '=', q.economicStatus));
    if (q.livingSituation) and.push(eb('elders.living_situation', '=', q.livingSituation));
    if (q.ageBand) {
      const band = ELDER_AGE_BANDS.find((b) => b.value === q.ageBand)!;
      and.push(...ageConditions('elders', today, band.min, band.max));
    }
    if (q.highAgeClass) {
      const band = bands.find((b) => b.value === q.highAgeClass);
      if (!band) {
        throw new LedgerError({ code: 'validation', message: '没有这个高龄津贴档次', detail: `unknown high-age class ${q.highAgeClass}`, fieldErrors: { highAgeClass: '没有这个高龄津贴档次' } });
      }
      // The class today, from the birth date: a stored class ages with every birthday.
      and.push(...ageConditions('elders', today, band.minAge, band.maxAge));
    }
    if (q.group) {
      const group = q.group;
      // EXISTS per elder, run inside the list index walk (see children/list.ts).
      and.push(
        eb.exists(
          eb
            .selectFrom('elder_groups')
            .select(sql.lit(1).as('one'))
            .whereRef('elder_groups.elder_id', '=', 'elders.id')
            .where('elder_groups.group_code', '=', group)
            .where('elder_groups.deleted', '=', 0)
            .where((g) => g.or([g('elder_groups.end_date', 'is', null), g('elder_groups.end_date', '>=', today)])),
        ),
      );
    }
    return eb.and(and);
  };
}

export async function listElders(ctx: CoreContext, q: ElderListQuery, bands: readonly HighAgeBand[]): Promise<ElderListResult> {
  const today = ctx.today();
  const station = ctx.requireStation();
  const where = elderFilters(q, today, station.role === 'station' ? station.code : null, bands);
  const kdb = ctx.kdb.withTables<EldersTables>();
  const [countRow, rows] = await Promise.all([
    kdb.selectFrom('elders').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
    kdb
      .selectFrom('elders')
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
        'living_situation',
        'capability',
        'economic_status',
        'risk_tier',
      ])
      .where(where)
      .orderBy('name_pinyin')
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  const groups = activeTags(ctx.db, { table: 'elder_groups', parentColumn: 'elder_id', codeColumn: 'group_code' }, rows.map((r) => r.id), today) as Map<
    string,
    ElderGroup[]
  >;
  return {
    total: countRow.n,
    rows: personListRows(ctx, rows, today, (r) => ({
      phone: r.phone ?? undefined,
      groups: groups.get(r.id) ?? [],
      livingSituation: (r.living_situation ?? 'other') as LivingSituation,
      capability: (r.capability ?? 'intact') as CapabilityLevel,
      economicStatus: (r.economic_status ?? 'general') as EconomicStatus,
      riskTier: (r.risk_tier ?? 'general') as RiskTier,
      highAgeClass: highAgeAllowanceClass(r.birth_date, today, bands),
    })),
  };
}
