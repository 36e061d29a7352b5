/**
 * Writes rows that come from the other side (a bundle, an enrolment file, the built-in reference
 * seed). Unlike local edits these are not captured for upload — they are what the other side
 * already holds — but they are audited, and their versions recorded.
 */
import type { Sqlite } from '../db/open';
import type { Row } from './capture';
import { assertIdentifiers, prepared } from './statements';
import type { SyncedTableName } from './tables';

export interface AuditEntry {
  actor: string;
  operation: string;
  now: string;
}

export function rowExists(db: Sqlite, table: SyncedTableName, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Inserts a whole row or updates the given fields; returns the fields written. `exists` spares a lookup the caller already made. */
export function writeRow(db: Sqlite, table: SyncedTableName, id: string, values: Row, audit: AuditEntry, exists = rowExists(db, table, id)): string[] {
  const columns = Object.keys(values);
  if (columns.length === 0) return [];
  assertIdentifiers(columns);
  if (exists) {
    prepared(db, `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => values[c] ?? null), id);
  } else {
    prepared(db, `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`).run(id, ...columns.map((c) => values[c] ?? null));
  }
  prepared(db, 'INSERT INTO audit_log (at, actor, operation, tbl, row_id, action, fields) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    audit.now,
    audit.actor,
    audit.operation,
    table,
    id,
    exists ? (values.deleted === 1 ? 'delete' : 'update') : 'insert',
    JSON.stringify(columns),
  );
  return columns;
}
