/** Mapping between the contract's woman shapes and the `women` row. */
import type { WomanData, WomanRecord } from '../../../shared/contract';
import { ageOn } from '../../../shared/domain/dates';
import { WOMAN_NEEDS, womanActiveOn, type WomanHealth, type WomanNeed } from '../../../shared/domain/women';
import { personColumns } from '../people/register';
import type { Row } from '../sync/capture';
import type { WomenTable } from './schema';
import { fromColumn, fromStringListColumn, toColumn } from '../db/columns';

/** A stored JSON list of codes; anything unreadable (a hand-edited row) reads as none. */
export function needsOf(text: string | null): WomanNeed[] {
  return fromStringListColumn(text) as WomanNeed[];
}

/** Column values for a woman, derived fields included. */
export function womanRow(woman: WomanData): Row {
  return {
    ...personColumns(woman),
    address: toColumn(woman.address),
    phone: toColumn(woman.phone),
    husband_name: woman.husbandName,
    husband_phone: toColumn(woman.husbandPhone),
    husband_work_province: toColumn(woman.husbandWorkProvince),
    husband_work_city: toColumn(woman.husbandWorkCity),
    children_at_home: woman.childrenAtHome ?? null,
    elders_at_home: woman.eldersAtHome ?? null,
    health: woman.health,
    // Codes in the domain's order: the same choices re-saved in another order capture nothing.
    needs: JSON.stringify(WOMAN_NEEDS.map((o) => o.value).filter((code) => woman.needs.includes(code))),
    since_on: woman.sinceOn,
    ended_on: toColumn(woman.endedOn),
    notes: toColumn(woman.notes),
  };
}

export function womanRecord(r: WomenTable, names: { township: string; village: string }, today: string): WomanRecord {
  return {
    id: r.id,
    stationCode: r.station_code,
    name: r.name,
    idNumber: r.id_number,
    birthDate: r.birth_date,
    sex: r.sex,
    age: ageOn(r.birth_date, today),
    villageCode: r.village_code,
    townshipCode: r.township_code,
    townshipName: names.township,
    villageName: names.village,
    address: fromColumn(r.address),
    phone: fromColumn(r.phone),
    husbandName: r.husband_name,
    husbandPhone: fromColumn(r.husband_phone),
    husbandWorkProvince: fromColumn(r.husband_work_province),
    husbandWorkCity: fromColumn(r.husband_work_city),
    childrenAtHome: fromColumn(r.children_at_home),
    eldersAtHome: fromColumn(r.elders_at_home),
    health: (r.health ?? 'healthy') as WomanHealth,
    needs: needsOf(r.needs),
    sinceOn: r.since_on,
    endedOn: fromColumn(r.ended_on),
    active: womanActiveOn(r.ended_on, today),
    notes: fromColumn(r.notes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
