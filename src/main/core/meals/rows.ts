/** Mapping between the contract's meal-assistance shapes and the table rows. */
import type { MealSiteData, MealSiteRecord } from '../../../shared/contract';
import type { MealTime, SiteKind, SiteStatus } from '../../../shared/domain/meals';
import { fromColumn, fromStringListColumn, toBoolColumn, toColumn } from '../db/columns';
import type { Row } from '../sync/capture';
import type { MealSitesTable } from './schema';

/** Every column of the row, so a save replaces what the form shows (an emptied field is cleared). */
export function siteRow(s: MealSiteData): Row {
  return {
    name: s.name,
    kind: s.kind,
    area: s.area,
    township_code: s.villageCode.slice(0, 9),
    village_code: s.villageCode,
    address: toColumn(s.address),
    operating_model: s.operatingModel,
    operator: s.operator,
    contact_name: toColumn(s.contactName),
    contact_phone: toColumn(s.contactPhone),
    seats: toColumn(s.seats),
    daily_capacity: s.dailyCapacity,
    meal_times: JSON.stringify(s.mealTimes),
    serving_days: JSON.stringify([...new Set(s.servingDays)].sort()),
    delivery: toBoolColumn(s.delivery),
    task_year: toColumn(s.taskYear),
    built_on: toColumn(s.builtOn),
    status: s.status,
    status_since: s.statusSince,
    licence_no: toColumn(s.licenceNo),
    licence_expires_on: toColumn(s.licenceExpiresOn),
    notes: toColumn(s.notes),
  };
}

export function siteRecord(r: MealSitesTable, extra: { township: string; village: string; diners: number }): MealSiteRecord {
  return {
    id: r.id,
    stationCode: r.station_code,
    name: r.name,
    kind: r.kind as SiteKind,
    area: r.area as MealSiteData['area'],
    townshipCode: r.township_code,
    villageCode: r.village_code,
    townshipName: extra.township,
    villageName: extra.village,
    address: fromColumn(r.address),
    operatingModel: r.operating_model as MealSiteData['operatingModel'],
    operator: r.operator,
    contactName: fromColumn(r.contact_name),
    contactPhone: fromColumn(r.contact_phone),
    seats: fromColumn(r.seats),
    dailyCapacity: r.daily_capacity,
    mealTimes: fromStringListColumn(r.meal_times) as MealTime[],
    servingDays: fromStringListColumn(r.serving_days) as MealSiteData['servingDays'],
    delivery: r.delivery === 1,
    taskYear: fromColumn(r.task_year),
    builtOn: fromColumn(r.built_on),
    status: r.status as SiteStatus,
    statusSince: r.status_since,
    licenceNo: fromColumn(r.licence_no),
    licenceExpiresOn: fromColumn(r.licence_expires_on),
    notes: fromColumn(r.notes),
    diners: extra.diners,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
