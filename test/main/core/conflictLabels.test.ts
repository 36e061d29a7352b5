/**
 * The county's conflict screen names each field as the form does. A column added to a synced
 * table without a label would show its database name to the people deciding the conflict.
 */
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../src/renderer/features/sync/conflicts/fieldLabels';
import { SYNCED_TABLES, SYNCED_BASE_COLUMNS, derivedColumns, type SyncedTableName } from '../../../src/main/core/sync/tables';
import { stationCore } from '../../helpers/core';

describe('conflict field labels', () => {
  it('every column a station can edit has a Chinese label', async () => {
    const core = await stationCore();
    const missing: string[] = [];
    for (const [table, rules] of Object.entries(SYNCED_TABLES)) {
      if (rules.owner !== 'station') continue;
      const columns = (core.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      const skip = new Set<string>([...SYNCED_BASE_COLUMNS.filter((c) => c !== 'deleted' && c !== 'station_code'), ...derivedColumns(table as SyncedTableName)]);
      for (const column of columns) {
        if (skip.has(column)) continue;
        if (fieldLabel(table, column) === column || !/[\u4e00-\u9fff]/.test(fieldLabel(table, column))) missing.push(`${table}.${column}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
