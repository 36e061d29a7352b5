/** The register of a year's publicity: the children in scope with their letter and pledge dates. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ParsedInputOf, PublicityListResult } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { personConditions, personListRows } from '../people/list';
import type { DrowningDB, DrowningTables } from './schema';
import { hasDocument, inScopeIn } from './scope';

/** What picks the children of a list or a batch (everything but paging and the dates to set). */
export type PublicityFilter = Pick<ParsedInputOf<'drowning.publicity.list'>, 'year' | 'townshipCode' | 'villageCode' | 'stationCode' | 'search' | 'status'>;

/** `owner`: a station covers only its own children; the county passes null (all, or q.stationCode). */
export function publicityWhere(q: PublicityFilter, owner: string | null) {
  return (eb: ExpressionBuilder<DrowningDB, 'children'>): Expression<SqlBool> => {
    const and = personConditions('children', q, owner);
    and.push(inScopeIn(q.year));
    if (q.status === 'missing_letter') and.push(eb.not(hasDocument('letter_on', q.year)));
    if (q.status === 'missing_pledge') and.push(eb.not(hasDocument('pledge_on', q.year)));
    return eb.and(and);
  };
}

export function ownerFor(ctx: CoreContext): string | null {
  const station = ctx.requireStation();
  return station.role === 'station' ? station.code : null;
}

/** The earliest date of the child's live rows of the year: at the county, one per station may exist. */
const firstDate = (column: 'letter_on' | 'pledge_on', year: number) =>
  sql<string | null>`(SELECT min(p.${sql.raw(column)}) FROM drowning_publicity p WHERE p.child_id = children.id AND p.deleted = 0 AND p.year = ${year})`;

const handedBy = (year: number) =>
  sql<string | null>`(SELECT p.handed_by FROM drowning_publicity p WHERE p.child_id = children.id AND p.deleted = 0 AND p.year = ${year}
    AND p.handed_by IS NOT NULL ORDER BY p.letter_on IS NULL, p.letter_on, p.created_at LIMIT 1)`;

export async function listPublicity(ctx: CoreContext, q: ParsedInputOf<'drowning.publicity.list'>): Promise<PublicityListResult> {
  const owner = ownerFor(ctx);
  const kdb = ctx.kdb.withTables<DrowningTables>();
  const where = publicityWhere(q, owner);
  const [totalRow, countsRow, rows] = await Promise.all([
    kdb.selectFrom('children').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
    kdb
      .selectFrom('children')
      .select((eb) => [
        eb.fn.countAll<number>().as('children'),
        sql<number>`coalesce(sum(${hasDocument('letter_on', q.year)}), 0)`.as('letters'),
        sql<number>`coalesce(sum(${hasDocument('pledge_on', q.year)}), 0)`.as('pledges'),
      ])
      .where(publicityWhere({ ...q, status: 'all' }, owner))
      .executeTakeFirstOrThrow(),
    kdb
      .selectFrom('children')
      .select(['id', 'station_code', 'name', 'sex', 'birth_date', 'id_number', 'township_code', 'village_code'])
      .select([firstDate('letter_on', q.year).as('letter_on'), firstDate('pledge_on', q.year).as('pledge_on'), handedBy(q.year).as('handed_by')])
      .where(where)
      // A village at a time, as the paper register is kept and as letters are handed out.
      .orderBy('village_code')
      .orderBy('name_pinyin')
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return {
    total: totalRow.n,
    counts: { children: countsRow.children, letters: countsRow.letters, pledges: countsRow.pledges },
    rows: personListRows(ctx, rows, ctx.today(), (r) => ({
      letterOn: r.letter_on ?? undefined,
      pledgeOn: r.pledge_on ?? undefined,
      handedBy: r.handed_by ?? undefined,
    })),
  };
}
