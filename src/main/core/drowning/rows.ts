/** Mapping between the contract's drowning-prevention shapes and the table rows. */
import type { PublicityData, PublicityRecord, WaterInspectionData, WaterInspectionRecord } from '../../../shared/contract';
import type { Row } from '../sync/capture';
import type { DrowningPublicityTable, WaterInspectionsTable } from './schema';
import { fromColumn, fromStringListColumn, toColumn } from '../db/columns';

/** Every column of the row, so a save replaces what the form shows (an emptied date is cleared). */
export function publicityRow(p: PublicityData): Row {
  return {
    child_id: p.childId,
    year: p.year,
    letter_on: toColumn(p.letterOn),
    pledge_on: toColumn(p.pledgeOn),
    handed_by: toColumn(p.handedBy),
    notes: toColumn(p.notes),
  };
}

export function publicityRecord(r: DrowningPublicityTable): PublicityRecord {
  return {
    id: r.id,
    childId: r.child_id,
    stationCode: r.station_code,
    year: r.year,
    letterOn: fromColumn(r.letter_on),
    pledgeOn: fromColumn(r.pledge_on),
    handedBy: fromColumn(r.handed_by),
    notes: fromColumn(r.notes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function inspectionRow(v: WaterInspectionData): Row {
  return {
    township_code: v.villageCode.slice(0, 9),
    village_code: v.villageCode,
    place: v.place,
    inspected_on: v.inspectedOn,
    // A JSON array of names, like a visit's visitors.
    inspectors: JSON.stringify(v.inspectors),
    findings: v.findings,
    hazard_found: v.hazardFound ? 1 : 0,
    actions: toColumn(v.actions),
    notes: toColumn(v.notes),
  };
}

export function inspectionRecord(r: WaterInspectionsTable, names: { township: string; village: string }): WaterInspectionRecord {
  return {
    id: r.id,
    stationCode: r.station_code,
    townshipCode: r.township_code,
    villageCode: r.village_code,
    townshipName: names.township,
    villageName: names.village,
    place: r.place,
    inspectedOn: r.inspected_on,
    inspectors: fromStringListColumn(r.inspectors),
    findings: r.findings,
    hazardFound: r.hazard_found === 1,
    actions: fromColumn(r.actions),
    notes: fromColumn(r.notes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
