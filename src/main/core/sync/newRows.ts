/**
 * The county's fast path for records it has never seen: a station's new record is taken whole —
 * no stored values or versions to compare with — so it costs one data row, one audit row and one
 * short versions row. Statements are prepared once per column list, and the audit and versions
 * rows are written many per statement (`flush` before anything reads those tables).
 */
import type { Sqlite } from '../db/open';
import type { Row } from './capture';
import { BatchInsert } from './batchInsert';
import { prepared } from './statements';
import type { SyncedTableName } from './tables';
import { COUNTY_VERSIONS_UPSERT, wholeRowVersions, type CountyClock, type FieldSets } from './versions';

type Statement = ReturnType<typeof prepared>;

/** What rows with one column list need: its insert statement, its audit text and its field set. */
interface Shape {
  insert: Statement;
  /** JSON array of the columns: the audit row's `fields` and the field set's text. */
  json: string;
  set: number | null;
}

export class NewRows {
  /** By table, then by column list JSON (the same string object for a run of changes, so its hash is kept). */
  private readonly shapes = new Map<string, Map<string, Shape>>();
  private readonly audit: BatchInsert;
  private readonly versions: BatchInsert;
  private readonly originJson: string;

  constructor(
    private readonly db: Sqlite,
    private readonly sets: FieldSets,
    private readonly clock: CountyClock,
    private readonly entry: { origin: string; scope: string; now: string },
  ) {
    this.originJson = JSON.stringify(entry.origin);
    this.audit = new BatchInsert(db, 'INSERT INTO audit_log (at, actor, operation, tbl, row_id, action, fields)', 7);
    this.versions = new BatchInsert(db, COUNTY_VERSIONS_UPSERT.head, 5, COUNTY_VERSIONS_UPSERT.tail);
  }

  /** The shape of rows with exactly these columns (`json` = JSON.stringify(columns)); columns are checked identifiers. */
  private shape(table: SyncedTableName, columns: string[], json: string): Shape {
    let byJson = this.shapes.get(table);
    if (!byJson) this.shapes.set(table, (byJson = new Map()));
    let s = byJson.get(json);
    if (!s) {
      const insert = prepared(this.db, `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`);
      byJson.set(json, (s = { insert, json, set: null }));
    }
    return s;
  }

  /**
   * Inserts a record taken whole from a station, with its audit row and its versions: every
   * column at one new county version. `columns` are Object.keys(values), checked identifiers.
   */
  insert(table: SyncedTableName, id: string, values: Row, columns: string[], json: string, actor: string): void {
    const s = this.shape(table, columns, json);
    // Object.values follows the key order the column list was taken from.
    s.insert.run(id, Object.values(values));
    this.audit.add(this.entry.now, actor, 'sync.import', table, id, 'insert', s.json);
    s.set ??= this.sets.idOf(s.json);
    const ver = this.clock.next();
    this.versions.add(table, id, this.entry.scope, ver, wholeRowVersions(ver, this.originJson, s.set));
  }

  flush(): void {
    this.audit.flush();
    this.versions.flush();
  }
}
