/**
 * References between synced rows, checked per bundle. Rows arrive in version order, not parent
 * first, so foreign keys are deferred; but one import call runs many bundles in one transaction,
 * where a deferred check would only fail at the final COMMIT — taking every good bundle down with
 * the bad one. Each bundle's written rows are therefore checked before its savepoint is released.
 * Rows are never deleted and ids never change, so the rows a bundle wrote are the only ones whose
 * references it can break.
 */
import type { Sqlite } from '../db/open';
import { assertIdentifiers, prepared } from './statements';

interface Reference {
  from: string;
  parent: string;
  to: string;
}

function referencesOf(db: Sqlite, table: string): Reference[] {
  const keys = db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string | null }[];
  return keys.map((k) => {
    // No parent column named: the reference is to the parent's primary key.
    const to = k.to ?? (db.pragma(`table_info(${k.table})`) as { name: string; pk: number }[]).find((c) => c.pk === 1)?.name ?? 'rowid';
    assertIdentifiers([k.from, k.table, to]);
    return { from: k.from, parent: k.table, to };
  });
}

/** The rows one bundle wrote, by table. */
export class WrittenRows {
  private readonly byTable = new Map<string, string[]>();

  add(table: string, id: string): void {
    let ids = this.byTable.get(table);
    if (!ids) this.byTable.set(table, (ids = []));
    ids.push(id);
  }

  /** The first reference of a written row to a row that does not exist, as "table.column", or null. */
  dangling(db: Sqlite): string | null {
    for (const [table, ids] of this.byTable) {
      for (const ref of referencesOf(db, table)) {
        const missing = prepared(
          db,
          `SELECT 1 FROM json_each(?) j JOIN ${table} c ON c.id = j.value
           WHERE c.${ref.from} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ref.parent} p WHERE p.${ref.to} = c.${ref.from}) LIMIT 1`,
        ).get(JSON.stringify(ids));
        if (missing) return `${table}.${ref.from}`;
      }
    }
    return null;
  }
}
