/**
 * Rows for one table, written many per INSERT statement: on the bulk import each row of the
 * bookkeeping tables (audit, versions, inbox) is small, and the cost of a statement call per row
 * outweighs the row itself. Whoever reads the table inside the same transaction must `flush` first.
 */
import type { Sqlite } from '../db/open';
import { prepared } from './statements';

/** Rows per statement: far below SQLite's 32,766 bound variables for the widest table here. */
const ROWS_PER_STATEMENT = 64;

export class BatchInsert {
  private readonly values: unknown[] = [];
  private rows = 0;
  private readonly placeholders: string;

  /** `head`: "INSERT INTO t (a, b)"; `tail`: what follows the VALUES list (an ON CONFLICT clause). */
  constructor(
    private readonly db: Sqlite,
    private readonly head: string,
    width: number,
    private readonly tail = '',
  ) {
    this.placeholders = `(?${', ?'.repeat(width - 1)})`;
  }

  add(...row: unknown[]): void {
    for (const v of row) this.values.push(v);
    if (++this.rows === ROWS_PER_STATEMENT) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    const sql = `${this.head} VALUES ${this.placeholders}${`, ${this.placeholders}`.repeat(this.rows - 1)} ${this.tail}`;
    prepared(this.db, sql).run(this.values);
    this.values.length = 0;
    this.rows = 0;
  }
}
