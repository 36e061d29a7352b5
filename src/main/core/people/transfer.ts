/**
 * County: a person moved townships. The record and every row hanging off it (categories, groups,
 * contacts, agreements, visits, major changes, drowning publicity) move to the new township's
 * station with their history; the old station receives the move and stops listing the person.
 * A visit keeps the village where it took place.
 */
import { LedgerError } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import { updateRow } from '../sync/capture';
import type { SyncedTableName } from '../sync/tables';
import { recordScopeMove } from '../sync/versions';
import type { PeopleTable } from './register';

/** Rows that belong to a person, by the column naming them. */
const DEPENDENTS: Readonly<Record<PeopleTable, readonly { table: SyncedTableName; column: string }[]>> = {
  children: [
    { table: 'child_categories', column: 'child_id' },
    { table: 'drowning_publicity', column: 'child_id' },
    { table: 'visits', column: 'subject_id' },
    { table: 'major_changes', column: 'subject_id' },
  ],
  elders: [
    { table: 'elder_groups', column: 'elder_id' },
    { table: 'elder_contacts', column: 'elder_id' },
    { table: 'support_agreements', column: 'elder_id' },
    { table: 'visits', column: 'subject_id' },
    { table: 'major_changes', column: 'subject_id' },
  ],
  women: [
    { table: 'visits', column: 'subject_id' },
    { table: 'major_changes', column: 'subject_id' },
  ],
};

export function transferPerson(
  ctx: CoreContext,
  call: CallContext,
  table: PeopleTable,
  id: string,
  villageCode: string,
  messages: { countyOnly: string; notFound: () => LedgerError },
): { id: string; stationCode: string } {
  const county = ctx.requireStation();
  if (county.role !== 'county') throw new LedgerError({ code: 'conflict', message: messages.countyOnly, detail: 'transfer needs the county' });
  return ctx.write(call, (w) => {
    const person = ctx.db.prepare(`SELECT station_code FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as { station_code: string } | undefined;
    if (!person) throw messages.notFound();
    const village = ctx.db.prepare("SELECT parent_code FROM places WHERE id = ? AND level = 'village' AND deleted = 0").get(villageCode) as
      | { parent_code: string }
      | undefined;
    if (!village) throw new LedgerError({ code: 'validation', message: '请选择迁入的村（居）', detail: `no village ${villageCode}`, fieldErrors: { villageCode: '请选择迁入的村（居）' } });
    const to = village.parent_code;
    updateRow(w, table, id, { village_code: villageCode, township_code: to, station_code: to });
    if (to !== person.station_code) {
      recordScopeMove(ctx.db, table, id, person.station_code);
      for (const dep of DEPENDENTS[table]) {
        const rows = ctx.db.prepare(`SELECT id FROM ${dep.table} WHERE ${dep.column} = ?`).all(id) as { id: string }[];
        for (const r of rows) {
          updateRow(w, dep.table, r.id, { station_code: to });
          recordScopeMove(ctx.db, dep.table, r.id, person.station_code);
        }
      }
    }
    return { id, stationCode: to };
  });
}
