/** Which township a record's village puts it in, refusing villages a station may not use. */
import { LedgerError } from '../../../shared/contract';
import type { CoreContext } from '../context';

/**
 * The village's township. Refuses a village that does not exist, and at a station one in another
 * township; the error sits at `field` with `missing` as its message.
 */
export function townshipOfVillage(ctx: CoreContext, villageCode: string, field: string, missing: string): string {
  const refuse = (message: string, detail: string) => new LedgerError({ code: 'validation', message, detail, fieldErrors: { [field]: message } });
  const village = ctx.db.prepare("SELECT parent_code FROM places WHERE id = ? AND level = 'village' AND deleted = 0").get(villageCode) as
    | { parent_code: string }
    | undefined;
  if (!village) throw refuse(missing, `no village ${villageCode}`);
  const station = ctx.requireStation();
  if (station.role === 'station' && village.parent_code !== station.code) {
    throw refuse(`该村（居）不属于${station.name}`, `village ${villageCode} is outside this station`);
  }
  return village.parent_code;
}

/**
 * A live row this station may change (the county may change any); returns its owner. `what` names
 * the record in the messages (该督查记录, 该助餐点).
 */
export function requireOwnRow(ctx: CoreContext, table: string, id: string, what: string): string {
  // `table` is a fixed name from the caller, never input.
  const row = ctx.db.prepare(`SELECT station_code FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as { station_code: string } | undefined;
  if (!row) throw new LedgerError({ code: 'not_found', message: `${what}不存在或已被删除`, detail: `${table} ${id} not found` });
  const station = ctx.requireStation();
  if (station.role === 'station' && row.station_code !== station.code) {
    throw new LedgerError({ code: 'conflict', message: `${what}由其他乡镇的站点维护`, detail: `${table} ${id} belongs to ${row.station_code}` });
  }
  return row.station_code;
}
