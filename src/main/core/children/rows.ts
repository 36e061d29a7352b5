/** Mapping between the contract's child shape and the `children` / `child_categories` rows. */
import type { ChildCategoryRecord, ChildData, ChildRecord } from '../../../shared/contract';
import type { ChildCategory } from '../../../shared/domain/children';
import { mandatoryReportReasons } from '../../../shared/domain/children';
import type { ChildCategoriesTable, ChildrenTable } from './schema';
import type { Row } from '../sync/capture';
import { personColumns } from '../people/register';
import { fromColumn, fromJsonColumn, toBoolColumn, toColumn, toJsonColumn } from '../db/columns';

/** Column values for a child, all derived fields (birth date, sex, search keys, township) included. */
export function childRow(child: ChildData): Row {
  return {
    ...personColumns(child),
    ethnicity: child.ethnicity,
    hukou_registered: toBoolColumn(child.hukouRegistered),
    hukou_type: child.hukouType,
    registered_address: toColumn(child.registeredAddress),
    current_address: toColumn(child.currentAddress),
    health_status: child.healthStatus,
    disability_type: child.healthStatus === 'disabled' ? toColumn(child.disabilityType) : null,
    disability_grade: child.healthStatus === 'disabled' ? toColumn(child.disabilityGrade) : null,
    illness: child.healthStatus === 'ill' ? toColumn(child.illness) : null,
    schooling: child.schooling,
    boarding: toBoolColumn(child.boarding),
    paternal_grandfather: toJsonColumn(child.paternalGrandfather),
    paternal_grandmother: toJsonColumn(child.paternalGrandmother),
    maternal_grandfather: toJsonColumn(child.maternalGrandfather),
    maternal_grandmother: toJsonColumn(child.maternalGrandmother),
    father: toJsonColumn(child.father),
    mother: toJsonColumn(child.mother),
    guardian: toJsonColumn(child.guardian),
    guardianship_type: child.guardianshipType,
    income_sources: toJsonColumn(child.incomeSources),
    assistance: toJsonColumn(child.assistance),
    child_director: toColumn(child.childDirector),
    child_director_phone: toColumn(child.childDirectorPhone),
    report_date: toColumn(child.reportDate),
    report_agency: toColumn(child.reportAgency),
    report_note: toColumn(child.reportNote),
    notes: toColumn(child.notes),
  };
}

export function categoryRow(childId: string, c: ChildData['categories'][number]): Row {
  return {
    child_id: childId,
    category: c.category,
    start_date: c.startDate,
    end_date: toColumn(c.endDate),
    reason: toColumn(c.reason),
    reasons: JSON.stringify(c.reasons),
    care: toColumn(c.care),
  };
}

export function categoryRecord(r: ChildCategoriesTable): ChildCategoryRecord {
  return {
    id: r.id,
    category: r.category as ChildCategory,
    startDate: r.start_date,
    endDate: fromColumn(r.end_date),
    reason: fromColumn(r.reason),
    reasons: fromJsonColumn<string[]>(r.reasons, []),
    care: fromColumn(r.care) as ChildCategoryRecord['care'],
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
    registeredAddress: fromColumn(r.registered_address),
    currentAddress: fromColumn(r.current_address),
    healthStatus: (r.health_status ?? 'healthy') as Enum<'healthStatus'>,
    disabilityType: fromColumn(r.disability_type) as Enum<'disabilityType'>,
    disabilityGrade: fromColumn(r.disability_grade) as Enum<'disabilityGrade'>,
    illness: fromColumn(r.illness),
    schooling: (r.schooling ?? 'not_in_school') as Enum<'schooling'>,
    boarding: r.boarding === 1,
    paternalGrandfather: fromJsonColumn<ChildData['paternalGrandfather']>(r.paternal_grandfather, {} as ChildData['paternalGrandfather']),
    paternalGrandmother: fromJsonColumn<ChildData['paternalGrandmother']>(r.paternal_grandmother, {} as ChildData['paternalGrandmother']),
    maternalGrandfather: fromJsonColumn<ChildData['maternalGrandfather']>(r.maternal_grandfather, {} as ChildData['maternalGrandfather']),
    maternalGrandmother: fromJsonColumn<ChildData['maternalGrandmother']>(r.maternal_grandmother, {} as ChildData['maternalGrandmother']),
    father: fromJsonColumn<ChildData['father']>(r.father, {} as ChildData['father']),
    mother: fromJsonColumn<ChildData['mother']>(r.mother, {} as ChildData['mother']),
    guardian: fromJsonColumn<ChildData['guardian']>(r.guardian, {} as ChildData['guardian']),
    guardianshipType: (r.guardianship_type ?? 'fair') as Enum<'guardianshipType'>,
    incomeSources: fromJsonColumn(r.income_sources, []),
    assistance: fromJsonColumn(r.assistance, []),
    childDirector: fromColumn(r.child_director),
    childDirectorPhone: fromColumn(r.child_director_phone),
    reportDate: fromColumn(r.report_date),
    reportAgency: fromColumn(r.report_agency),
    reportNote: fromColumn(r.report_note),
    notes: fromColumn(r.notes),
    categories: categories.map(categoryRecord),
    reportReasons: mandatoryReportReasons({ guardianshipType: r.guardianship_type, schooling: r.schooling }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
