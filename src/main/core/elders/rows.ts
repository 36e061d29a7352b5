/** Mapping between the contract's elder shapes and the `elders` / `elder_*` / `support_agreements` rows. */
import type {
  ElderContactData,
  ElderContactRecord,
  ElderData,
  ElderGroupRecord,
  ElderRecord,
  SupportAgreementData,
  SupportAgreementRecord,
} from '../../../shared/contract';
import { ageOn } from '../../../shared/domain/dates';
import { highAgeAllowanceClass, type ElderGroup, type HighAgeBand } from '../../../shared/domain/elders';
import { parseIdNumber } from '../../../shared/domain/idNumber';
import { personColumns } from '../people/register';
import type { Row } from '../sync/capture';
import type { ElderContactsTable, ElderGroupsTable, EldersTable, SupportAgreementsTable } from './schema';
import { fromColumn, fromJsonColumn, toColumn } from '../db/columns';

/** Column values for an elder, derived fields included; `today` and `bands` fix the allowance class. */
export function elderRow(elder: ElderData, today: string, bands: readonly HighAgeBand[]): Row {
  const parsed = parseIdNumber(elder.idNumber);
  if (!parsed.ok) throw new Error('elder id number was not validated');
  return {
    ...personColumns(elder),
    ethnicity: elder.ethnicity,
    address: toColumn(elder.address),
    phone: toColumn(elder.phone),
    marital_status: toColumn(elder.maritalStatus),
    living_situation: elder.livingSituation,
    capability: elder.capability,
    capability_score: elder.capabilityScore ?? null,
    capability_assessed_on: toColumn(elder.capabilityAssessedOn),
    disability_type: toColumn(elder.disabilityType),
    disability_grade: toColumn(elder.disabilityGrade),
    health_notes: toColumn(elder.healthNotes),
    economic_status: elder.economicStatus,
    benefits: JSON.stringify(elder.benefits),
    high_age_class: highAgeAllowanceClass(parsed.info.birthDate, today, bands),
    risk_tier: elder.riskTier,
    visitor: toColumn(elder.visitor),
    visitor_phone: toColumn(elder.visitorPhone),
    notes: toColumn(elder.notes),
  };
}

export function groupRow(elderId: string, g: ElderData['groups'][number]): Row {
  return { elder_id: elderId, group_code: g.group, start_date: g.startDate, end_date: toColumn(g.endDate), note: toColumn(g.note) };
}

export function contactRow(elderId: string, c: ElderContactData): Row {
  return {
    elder_id: elderId,
    name: c.name,
    relationship: c.relationship,
    phone: c.phone,
    address: toColumn(c.address),
    registered_on: c.registeredOn,
    notes: toColumn(c.notes),
  };
}

export function agreementRow(elderId: string, a: SupportAgreementData): Row {
  // Keys in a fixed order, absent values left out: an unchanged agreement re-saved captures nothing.
  const supporters = a.supporters.map((s) => ({
    name: s.name,
    relationship: s.relationship,
    ...(s.phone === undefined ? {} : { phone: s.phone }),
    provides: s.provides,
    ...(s.amountFen === undefined ? {} : { amountFen: s.amountFen }),
  }));
  return {
    elder_id: elderId,
    supporters: JSON.stringify(supporters),
    signed_on: a.signedOn,
    witness: toColumn(a.witness),
    review_on: toColumn(a.reviewOn),
    notes: toColumn(a.notes),
  };
}

export function groupRecord(r: ElderGroupsTable): ElderGroupRecord {
  return { id: r.id, group: r.group_code as ElderGroup, startDate: r.start_date, endDate: fromColumn(r.end_date), note: fromColumn(r.note) };
}

export function contactRecord(r: ElderContactsTable): ElderContactRecord {
  return {
    id: r.id,
    elderId: r.elder_id,
    name: r.name,
    relationship: r.relationship as ElderContactRecord['relationship'],
    phone: r.phone,
    address: fromColumn(r.address),
    registeredOn: r.registered_on,
    notes: fromColumn(r.notes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function agreementRecord(r: SupportAgreementsTable): SupportAgreementRecord {
  return {
    id: r.id,
    elderId: r.elder_id,
    supporters: fromJsonColumn<SupportAgreementRecord['supporters']>(r.supporters, []),
    signedOn: r.signed_on,
    witness: fromColumn(r.witness),
    reviewOn: fromColumn(r.review_on),
    notes: fromColumn(r.notes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type Field<K extends keyof ElderData> = ElderData[K];

export function elderRecord(
  r: EldersTable,
  related: { groups: ElderGroupsTable[]; contacts: ElderContactsTable[]; agreements: SupportAgreementsTable[] },
  names: { township: string; village: string },
  today: string,
  bands: readonly HighAgeBand[],
): ElderRecord {
  return {
    id: r.id,
    stationCode: r.station_code,
    name: r.name,
    idNumber: r.id_number,
    birthDate: r.birth_date,
    sex: r.sex,
    age: ageOn(r.birth_date, today),
    ethnicity: (r.ethnicity ?? '01') as Field<'ethnicity'>,
    villageCode: r.village_code,
    townshipCode: r.township_code,
    townshipName: names.township,
    villageName: names.village,
    address: fromColumn(r.address),
    phone: fromColumn(r.phone),
    maritalStatus: fromColumn(r.marital_status) as Field<'maritalStatus'>,
    livingSituation: (r.living_situation ?? 'other') as Field<'livingSituation'>,
    capability: (r.capability ?? 'intact') as Field<'capability'>,
    capabilityScore: fromColumn(r.capability_score),
    capabilityAssessedOn: fromColumn(r.capability_assessed_on),
    disabilityType: fromColumn(r.disability_type) as Field<'disabilityType'>,
    disabilityGrade: fromColumn(r.disability_grade) as Field<'disabilityGrade'>,
    healthNotes: fromColumn(r.health_notes),
    economicStatus: (r.economic_status ?? 'general') as Field<'economicStatus'>,
    benefits: fromJsonColumn<Field<'benefits'>>(r.benefits, []),
    highAgeClass: highAgeAllowanceClass(r.birth_date, today, bands),
    riskTier: (r.risk_tier ?? 'general') as Field<'riskTier'>,
    visitor: fromColumn(r.visitor),
    visitorPhone: fromColumn(r.visitor_phone),
    notes: fromColumn(r.notes),
    groups: related.groups.map(groupRecord),
    contacts: related.contacts.map(contactRecord),
    agreements: related.agreements.map(agreementRecord),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
