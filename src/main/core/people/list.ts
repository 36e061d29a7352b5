/** What the lists of people share: the owner, search as you type, place filters, active tags. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { PersonListRow } from '../../../shared/contract';
import type { Sex } from '../../../shared/domain/idNumber';
import { maskIdNumber, normaliseIdNumber } from '../../../shared/domain/idNumber';
import { ageOn, birthDateForAge, isRealDate, nextDay } from '../../../shared/domain/dates';
import type { CoreContext } from '../context';
import { placeNames } from '../places/handlers';
import type { Sqlite } from '../db/open';
import type { PeopleTable } from './register';

/**
 * How ID characters match. Lists show the ID masked (first 6, last 4), so a short term matches
 * only what the user sees: up to 4 characters are the last ones, 18 are the whole number, 8
 * digits forming a date are the birth date, anything else is the number typed from its start.
 * Matching anywhere would return rows whose visible digits differ from the term.
 */
export type IdMatch = 'last' | 'start' | 'exact' | 'birth';

export type SearchTerm = { kind: 'id'; match: IdMatch; term: string } | { kind: 'pinyin' | 'name'; term: string };

/** The last characters a masked ID shows (`maskIdNumber`). */
export const ID_VISIBLE_END = 4;

function idMatchOf(id: string): { match: IdMatch; term: string } {
  if (id.length <= ID_VISIBLE_END) return { match: 'last', term: id };
  if (/^\d{17}[\dX]$/.test(id)) return { match: 'exact', term: id };
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(id);
  const iso = date ? `${date[1]}-${date[2]}-${date[3]}` : '';
  if (date && iso >= '1850-01-01' && isRealDate(iso)) return { match: 'birth', term: iso };
  return { match: 'start', term: id };
}

/** What a typed search means: ID characters, pinyin (full or initials), or characters of a name. */
export function classifySearch(raw: string): SearchTerm | null {
  const term = raw.trim();
  if (term === '') return null;
  const id = normaliseIdNumber(term);
  if (/^\d+X?$/.test(id)) return { kind: 'id', ...idMatchOf(id) };
  if (/^[a-zA-Z]+$/.test(term)) return { kind: 'pinyin', term: term.toLowerCase() };
  return { kind: 'name', term };
}

/** LIKE patterns treat % and _ as wildcards; a search term never should. */
const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface PersonListQuery {
  search?: string;
  townshipCode?: string;
  villageCode?: string;
  stationCode?: string;
}

/**
 * Conditions every people list starts with. `owner`: a station lists only its own records; the
 * county passes null (all, or q.stationCode). Every column here is in the table's covering list
 * index, so the search is tested inside the index (see the benchmark).
 */
export function personConditions(table: PeopleTable, q: PersonListQuery, owner: string | null): Expression<SqlBool>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const and: Expression<SqlBool>[] = [sql<SqlBool>`${col('deleted')} = ${0}`];
  const station = owner ?? q.stationCode;
  if (station) and.push(sql<SqlBool>`${col('station_code')} = ${station}`);
  const search = q.search ? classifySearch(q.search) : null;
  if (search?.kind === 'id') and.push(idCondition(table, search.match, search.term));
  if (search?.kind === 'pinyin') {
    const p = likePrefix(search.term);
    and.push(sql<SqlBool>`(${col('name_initials')} LIKE ${p} ESCAPE '\\' OR ${col('name_pinyin')} LIKE ${p} ESCAPE '\\')`);
  }
  if (search?.kind === 'name') and.push(sql<SqlBool>`instr(${col('name')}, ${search.term}) > 0`);
  if (q.townshipCode) and.push(sql<SqlBool>`${col('township_code')} = ${q.townshipCode}`);
  if (q.villageCode) and.push(sql<SqlBool>`${col('village_code')} = ${q.villageCode}`);
  return and;
}

/** An ID search as SQL; each form reads only columns of the register's covering list index. */
function idCondition(table: PeopleTable, match: IdMatch, term: string): Expression<SqlBool> {
  const id = sql.ref(`${table}.id_number`);
  switch (match) {
    case 'last':
      return sql<SqlBool>`substr(${id}, ${-term.length}) = ${term}`;
    case 'start':
      return sql<SqlBool>`substr(${id}, 1, ${term.length}) = ${term}`;
    case 'exact':
      return sql<SqlBool>`${id} = ${term}`;
    case 'birth':
      return sql<SqlBool>`${sql.ref(`${table}.birth_date`)} = ${term}`;
  }
}

/**
 * Aged `min` to `max` completed years on `today` (no upper bound when `max` is null): born after
 * the day someone turns max+1, and no later than the day someone turns min. Birth date is in each
 * register's covering list index.
 */
export function ageConditions(table: PeopleTable, today: string, min: number, max: number | null): Expression<SqlBool>[] {
  const born = sql.ref(`${table}.birth_date`);
  const and: Expression<SqlBool>[] = [sql<SqlBool>`${born} <= ${birthDateForAge(today, min)}`];
  if (max !== null) and.push(sql<SqlBool>`${born} >= ${nextDay(birthDateForAge(today, max + 1))}`);
  return and;
}

export interface TagTable {
  table: 'child_categories' | 'elder_groups';
  parentColumn: 'child_id' | 'elder_id';
  codeColumn: 'category' | 'group_code';
}

/** The tags (categories, groups) held on `today` by each of a page's people, in code order. */
export function activeTags(db: Sqlite, spec: TagTable, ids: readonly string[], today: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  if (ids.length === 0) return tags;
  const rows = db
    .prepare(
      `SELECT ${spec.parentColumn} AS parent, ${spec.codeColumn} AS code FROM ${spec.table}
       WHERE ${spec.parentColumn} IN (SELECT value FROM json_each(?)) AND deleted = 0 AND (end_date IS NULL OR end_date >= ?)
       ORDER BY code`,
    )
    .all(JSON.stringify(ids), today) as { parent: string; code: string }[];
  for (const r of rows) {
    const list = tags.get(r.parent) ?? [];
    list.push(r.code);
    tags.set(r.parent, list);
  }
  return tags;
}

/** The columns every people list selects, in its covering index. */
export interface PersonListColumns {
  id: string;
  station_code: string;
  name: string;
  sex: Sex;
  birth_date: string;
  id_number: string;
  township_code: string;
  village_code: string;
}

/** Maps a page of rows: the fields every people list shows, plus the register's own. */
export function personListRows<R extends PersonListColumns, T>(ctx: CoreContext, rows: readonly R[], today: string, own: (r: R) => T): (PersonListRow & T)[] {
  const names = placeNames(ctx, rows.flatMap((r) => [r.township_code, r.village_code]));
  return rows.map((r) => ({
    id: r.id,
    stationCode: r.station_code,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    idNumberMasked: maskIdNumber(r.id_number),
    townshipName: names.get(r.township_code) ?? '',
    villageName: names.get(r.village_code) ?? '',
    ...own(r),
  }));
}
