/** Mapping between the contract's child shape and the `children` / `child_categories` rows. */
import type { ChildCategoryRecord, ChildData, ChildRecord } from '../../../shared/contract';
import type { ChildCategory } from '../../../shared/domain/children';
import { mandatoryReportReasons } from '../../../shared/domain/children';
import type { ChildCategoriesTable, ChildrenTable } from './schema';
import type { Row } from '../sync/capture';
import { personColumns } from '../people/register';

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const bool = (v: boolean | undefined): number | null => (v === undefined ? null : v ? 1 : 0);
const opt = (v: string | undefined): string | null => v ?? null;

/** Column values for a child, all derived fields (birth date, sex, search keys, township) included. */
export function childRow(child: ChildData): Row {
  return {
    ...personColumns(child),
    ethnicity: child.ethnicity,
    hukou_registered: bool(child.hukouRegistered),
    hukou_type: child.hukouType,
    registered_address: opt(child.registeredAddress),
    current_address: opt(child.currentAddress),
    health_status: child.healthStatus,
    disability_type: child.healthStatus === 'disabled' ? opt(child.disabilityType) : null,
    disability_grade: child.healthStatus === 'disabled' ? opt(child.disabilityGrade) : null,
    illness: child.healthStatus === 'ill' ? opt(child.illness) : null,
    schooling: child.schooling,
    boarding: bool(child.boarding),
    paternal_grandfather: json(child.paternalGrandfather),
    paternal_grandmother: json(child.paternalGrandmother),
    maternal_grandfather: json(child.maternalGrandfather),
    maternal_grandmother: json(child.maternalGrandmother),
    father: json(child.father),
    mother: json(child.mother),
    guardian: json(child.guardian),
    guardianship_type: child.guardianshipType,
    income_sources: json(child.incomeSources),
    assistance: json(child.assistance),
    child_director: opt(child.childDirector),
    child_director_phone: opt(child.childDirectorPhone),
    report_date: opt(child.reportDate),
    report_agency: opt(child.reportAgency),
    report_note: opt(child.reportNote),
    notes: opt(child.notes),
  };
}

export function categoryRow(childId: string, c: ChildData['categories'][number]): Row {
  return {
    child_id: childId,
    category: c.category,
    start_date: c.startDate,
    end_date: opt(c.endDate),
    reason: opt(c.reason),
    reasons: JSON.stringify(c.reasons),
    care: opt(c.care),
  };
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const undef = (v: string | null): string | undefined => v ?? undefined;

export function categoryRecord(r: ChildCategoriesTable): ChildCategoryRecord {
  return {
    id: r.id,
    category: r.category as ChildCategory,
    startDate: r.start_date,
    endDate: undef(r.end_date),
    reason: undef(r.reason),
    reasons: parseJson<string[]>(r.reasons, []),
    care: undef(r.care) as ChildCategoryRecord['care'],
  };
}

type Enum<K extends keyof ChildData> = ChildData[K];

export function childRecord(
  r: ChildrenTable,
  categories: ChildCategoriesTable[],
  names: { township: string; village: string },
): ChildRecord {
  return {
    id: r.id,
    stationCode: r.station_code,
    name: r.name,
    idNumber: r.id_number,
    birthDate: r.birth_date,
    sex: r.sex,
    ethnicity: (r.ethnicity ?? '01') as Enum<'ethnicity'>,
    hukouRegistered: r.hukou_registered === 1,
    hukouType: (r.hukou_type ?? 'rural') as Enum<'hukouType'>,
    villageCode: r.village_code,
    townshipCode: r.township_code,
    townshipName: names.township,
    villageName: names.village,
    registeredAddress: undef(r.registered_address),
    currentAddress: undef(r.current_address),
    healthStatus: (r.health_status ?? 'healthy') as Enum<'healthStatus'>,
    disabilityType: undef(r.disability_type) as Enum<'disabilityType'>,
    disabilityGrade: undef(r.disability_grade) as Enum<'disabilityGrade'>,
    illness: undef(r.illness),
    schooling: (r.schooling ?? 'not_in_school') as Enum<'schooling'>,
    boarding: r.boarding === 1,
    paternalGrandfather: parseJson<ChildData['paternalGrandfather']>(r.paternal_grandfather, {} as ChildData['paternalGrandfather']),
    paternalGrandmother: parseJson<ChildData['paternalGrandmother']>(r.paternal_grandmother, {} as ChildData['paternalGrandmother']),
    maternalGrandfather: parseJson<ChildData['maternalGrandfather']>(r.maternal_grandfather, {} as ChildData['maternalGrandfather']),
    maternalGrandmother: parseJson<ChildData['maternalGrandmother']>(r.maternal_grandmother, {} as ChildData['maternalGrandmother']),
    father: parseJson<ChildData['father']>(r.father, {} as ChildData['father']),
    mother: parseJson<ChildData['mother']>(r.mother, {} as ChildData['mother']),
    guardian: parseJson<ChildData['guardian']>(r.guardian, {} as ChildData['guardian']),
    guardianshipType: (r.guardianship_type ?? 'fair') as Enum<'guardianshipType'>,
    incomeSources: parseJson(r.income_sources, []),
    assistance: parseJson(r.assistance, []),
    childDirector: undef(r.child_director),
    childDirectorPhone: undef(r.child_director_phone),
    reportDate: undef(r.report_date),
    reportAgency: undef(r.report_agency),
    reportNote: undef(r.report_note),
    notes: undef(r.notes),
    categories: categories.map(categoryRecord),
    reportReasons: mandatoryReportReasons({ guardianshipType: r.guardianship_type, schooling: r.schooling }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
