/**
 * Converters between a register's records (contract shapes: absent fields are `undefined`) and its
 * table rows (SQLite: absent is NULL, booleans are 0/1, nested values are JSON text). Each name says
 * which way it converts, so a row module reads the same in both directions.
 */

/** Record → column: an absent value is NULL. */
export const toColumn = <T>(v: T | undefined): T | null => v ?? null;

/** Column → record: NULL is an absent value. */
export const fromColumn = <T>(v: T | null): T | undefined => v ?? undefined;

/** Record → column: a boolean as 0/1, absent as NULL. */
export const toBoolColumn = (v: boolean | undefined): number | null => (v === undefined ? null : v ? 1 : 0);

/** Record → column: a nested value as JSON text, absent as NULL. */
export const toJsonColumn = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** Record → column: a list as JSON text; an empty list is NULL, so "none" reads one way. */
export const toListColumn = (v: readonly unknown[]): string | null => (v.length === 0 ? null : JSON.stringify(v));

/** Column → record: JSON text parsed; NULL or unreadable text (a hand-edited row) is the fallback. */
export function fromJsonColumn<T>(text: string | null, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Column → record: a JSON list of strings; anything else in it is dropped. */
export function fromStringListColumn(text: string | null): string[] {
  const v = fromJsonColumn<unknown>(text, []);
  return Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : [];
}
