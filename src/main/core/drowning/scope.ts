/**
 * Which children a year's drowning-prevention figures and register cover, as SQL over the
 * `children` table: live children holding a category (留守, 孤儿, 事实无人抚养, 困境) on at least
 * one day of the year. A child recognised in March or whose category ended in May was a child
 * the station had to reach that year; one whose category ended the year before was not.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { yearBounds } from '../../../shared/domain/drowning';

export function inScopeIn(year: number): RawBuilder<SqlBool> {
  const { start, end } = yearBounds(year);
  // Runs per child inside the list's index walk, on child_categories_child (child_id first).
  return sql<SqlBool>`EXISTS (SELECT 1 FROM child_categories k WHERE k.child_id = children.id AND k.deleted = 0
    AND k.start_date <= ${end} AND (k.end_date IS NULL OR k.end_date >= ${start}))`;
}

/** A live publicity row of the child in `year` (from any station) holding the given date. */
export function hasDocument(column: 'letter_on' | 'pledge_on', year: number): RawBuilder<SqlBool> {
  // The date columns are fixed names, never input.
  return sql<SqlBool>`EXISTS (SELECT 1 FROM drowning_publicity p WHERE p.child_id = children.id AND p.deleted = 0
    AND p.year = ${year} AND p.${sql.raw(column)} IS NOT NULL)`;
}

/** The same scope for plain prepared statements over `children c`; binds @start and @end. */
export const IN_SCOPE_SQL = `EXISTS (SELECT 1 FROM child_categories k WHERE k.child_id = c.id AND k.deleted = 0
  AND k.start_date <= @end AND (k.end_date IS NULL OR k.end_date >= @start))`;
