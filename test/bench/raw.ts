/**
 * The children list written by hand against better-sqlite3: the same WHERE, ORDER BY, LIMIT,
 * count(*) and category lookup as src/main/core/children/list.ts, with statements prepared once.
 * It is the yardstick for the core's overhead (schema validation, kysely, row mapping).
 * Keep it in step with list.ts: the benchmark checks both return the same total and page.
 */
import type Database from 'better-sqlite3';
import type { Sqlite } from '../../src/main/core/db/open';
import { classifySearch } from '../../src/main/core/people/list';
import type { ChildListInput } from '../../src/shared/contract';
import { AGE_BANDS } from '../../src/shared/domain/children';
import { birthDateForAge, nextDay } from '../../src/shared/domain/dates';

type Statement = Database.Statement<unknown[], unknown>;

export interface RawPage {
  total: number;
  ids: string[];
  categories: Map<string, string[]>;
}

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** WHERE clause and its parameters for a list query. */
export function rawWhere(q: ChildListInput, today: string): { sql: string; params: (string | number)[] } {
  const and = ['deleted = 0'];
  const params: (string | number)[] = [];
  const search = q.search ? classifySearch(q.search) : null;
  if (search?.kind === 'id') {
    const { match, term } = search;
    const [clause, ...values]: [string, ...(string | number)[]] =
      match === 'last'
        ? ['substr(id_number, ?) = ?', -term.length, term]
        : match === 'start'
          ? ['substr(id_number, 1, ?) = ?', term.length, term]
          : match === 'exact'
            ? ['id_number = ?', term]
            : ['birth_date = ?', term];
    and.push(clause);
    params.push(...values);
  }
  if (search?.kind === 'pinyin') {
    and.push("(name_initials LIKE ? ESCAPE '\\' OR name_pinyin LIKE ? ESCAPE '\\')");
    params.push(likePrefix(search.term), likePrefix(search.term));
  }
  if (search?.kind === 'name') {
    and.push('instr(name, ?) > 0');
    params.push(search.term);
  }
  if (q.townshipCode) {
    and.push('township_code = ?');
    params.push(q.townshipCode);
  }
  if (q.villageCode) {
    and.push('village_code = ?');
    params.push(q.villageCode);
  }
  if (q.guardianshipType) {
    and.push('guardianship_type = ?');
    params.push(q.guardianshipType);
  }
  if (q.ageBand) {
    const band = AGE_BANDS.find((b) => b.value === q.ageBand)!;
    and.push('birth_date >= ?', 'birth_date <= ?');
    params.push(nextDay(birthDateForAge(today, band.max + 1)), birthDateForAge(today, band.min));
  }
  if (q.category) {
    // A probe per candidate child, as list.ts does (not `id IN (SELECT ...)`).
    and.push(
      'EXISTS (SELECT 1 FROM child_categories cc WHERE cc.child_id = children.id AND cc.category = ? AND cc.deleted = 0 AND (cc.end_date IS NULL OR cc.end_date >= ?))',
    );
    params.push(q.category, today);
  }
  if (q.needsReport) and.push("(guardianship_type = 'none' OR schooling = 'dropped_out')");
  return { sql: and.join(' AND '), params };
}

const PAGE_COLUMNS = 'id, name, sex, birth_date, id_number, township_code, village_code, guardianship_type, schooling, report_date';

/** The count and page statements of one list call, with their parameters. */
export function rawStatements(q: ChildListInput, today: string): { sql: string; params: (string | number)[] }[] {
  const where = rawWhere(q, today);
  return [
    { sql: `SELECT count(*) AS n FROM children WHERE ${where.sql}`, params: where.params },
    {
      sql: `SELECT ${PAGE_COLUMNS} FROM children WHERE ${where.sql} ORDER BY name_pinyin, id LIMIT ? OFFSET ?`,
      params: [...where.params, q.limit ?? 100, q.offset ?? 0],
    },
  ];
}

export class RawList {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Sqlite) {}

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  list(q: ChildListInput, today: string): RawPage {
    const [count, page] = rawStatements(q, today) as [{ sql: string; params: unknown[] }, { sql: string; params: unknown[] }];
    const total = (this.stmt(count.sql).get(...count.params) as { n: number }).n;
    const rows = this.stmt(page.sql).all(...page.params) as { id: string }[];
    const ids = rows.map((r) => r.id);
    const categories = new Map<string, string[]>();
    if (ids.length > 0) {
      const cats = this.stmt(
        `SELECT child_id, category FROM child_categories
         WHERE child_id IN (${ids.map(() => '?').join(', ')}) AND deleted = 0 AND (end_date IS NULL OR end_date >= ?)
         ORDER BY category`,
      ).all(...ids, today) as { child_id: string; category: string }[];
      for (const c of cats) {
        const list = categories.get(c.child_id) ?? [];
        list.push(c.category);
        categories.set(c.child_id, list);
      }
    }
    return { total, ids, categories };
  }
}
