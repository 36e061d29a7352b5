/** Mapping between the contract's drowning-prevention shapes and the table rows. */
import type { PublicityData, PublicityRecord, WaterInspectionData, WaterInspectionRecord } from '../../../shared/contract';
import type { Row } from '../sync/capture';
import type { DrowningPublicityTable, WaterInspectionsTable } from './schema';

const opt = (v: string | undefined): string | null => v ?? null;
const undef = <T>(v: T | null): T | undefined => v ?? undefined;

function parseNames(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** Every column of the row, so a save replaces what the form shows (an emptied date is cleared). */
export function publicityRow(p: PublicityData): Row {
  return {
    child_id: p.childId,
    year: p.year,
    letter_on: opt(p.letterOn),
    pledge_on: opt(p.pledgeOn),
    handed_by: opt(p.handedBy),
    notes: opt(p.notes),
  };
}

export function publicityRecord(r: DrowningPublicityTable): PublicityRecord {
  return {
    id: r.id,
    childId: r.child_id,
    stationCode: r.station_code,
    year: r.year,
    letterOn: undef(r.letter_on),
    pledgeOn: undef(r.pledge_on),
    handedBy: undef(r.handed_by),
    notes: undef(r.notes),
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
    actions: opt(v.actions),
    notes: opt(v.notes),
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
    inspectors: parseNames(r.inspectors),
    findings: r.findings,
    hazardFound: r.hazard_found === 1,
    actions: undef(r.actions),
    notes: undef(r.notes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
