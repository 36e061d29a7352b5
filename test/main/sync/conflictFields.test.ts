/**
 * A conflict can fall on any column of a station's register; the county reads it by the contract's
 * field name and the label the contract declares. Every such column must map to a labelled field,
 * so a column added without one fails here rather than showing a bare name to the county.
 */
import { describe, expect, it } from 'vitest';
import { recordField } from '../../../src/shared/contract';
import { BOOKKEEPING_COLUMNS, derivedColumns, fieldOfColumn, SYNCED_TABLES, type SyncedTableName } from '../../../src/main/core/sync/tables';
import { stationCore } from '../../helpers/core';

describe('conflict fields', () => {
  it('every mergeable column of a station register has a contract field with a label', async () => {
    const core = await stationCore();
    const missing: string[] = [];
    let checked = 0;
    for (const [table, rules] of Object.entries(SYNCED_TABLES) as [SyncedTableName, (typeof SYNCED_TABLES)[SyncedTableName]][]) {
        if (rules.owner !== 'station') continue;
        expect('record' in rules, `${table} names its record kind`).toBe(true);
        if (!('record' in rules)) continue;
        const derived = derivedColumns(table);
        const columns = (core.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
        for (const column of columns) {
          if (column === 'id' || BOOKKEEPING_COLUMNS.has(column) || derived.has(column)) continue;
          checked++;
          const field = recordField(rules.record, fieldOfColumn(table, column));
          if (!field || !/[\u4e00-\u9fff]/.test(field.label)) missing.push(`${table}.${column}`);
        }
      }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('reads codes, lists and nested people by their labels', () => {
    expect(recordField('elder', 'villageCode')).toMatchObject({ label: '所在村（居）', kind: 'village' });
    expect(recordField('elder', 'benefits')).toMatchObject({ label: '享受待遇', kind: 'codes' });
    expect(recordField('elderGroup', 'group')).toMatchObject({ label: '对象类别', kind: 'code' });
    expect(recordField('child', 'father')).toMatchObject({ label: '父亲', kind: 'record' });
    expect(recordField('child', 'hukouRegistered')).toMatchObject({ label: '是否登记户口', kind: 'bool' });
    expect(recordField('visit', 'visitors')).toMatchObject({ label: '走访人', kind: 'list' });
    expect(recordField('supportAgreement', 'supporters')).toMatchObject({ label: '赡养人', kind: 'records' });
    expect(recordField('child', 'deleted')).toMatchObject({ label: '删除标记', kind: 'bool' });
    expect(recordField('child', 'noSuchField')).toBeUndefined();
  });
});
