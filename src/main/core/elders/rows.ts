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

const opt = (v: string | undefined): string | null => v ?? null;
const undef = <T>(v: T | null): T | undefined => v ?? undefined;

function parseJson<T>(text: string | null, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Column values for an elder, derived fields included; `today` and `bands` fix the allowance class. */
export function elderRow(elder: ElderData, today: string, bands: readonly HighAgeBand[]): Row {
  const parsed = parseIdNumber(elder.idNumber);
  if (!parsed.ok) throw new Error('elder id number was not validated');
  return {
    ...personColumns(elder),
    ethnicity: elder.ethnicity,
    address: opt(elder.address),
    phone: opt(elder.phone),
    marital_status: opt(elder.maritalStatus),
    living_situation: elder.livingSituation,
    capability: elder.capability,
    capability_score: elder.capabilityScore ?? null,
    capability_assessed_on: opt(elder.capabilityAssessedOn),
    disability_type: opt(elder.disabilityType),
    disability_grade: opt(elder.disabilityGrade),
    health_notes: opt(elder.healthNotes),
    economic_status: elder.economicStatus,
    benefits: JSON.stringify(elder.benefits),
    high_age_class: highAgeAllowanceClass(parsed.info.birthDate, today, bands),
    risk_tier: elder.riskTier,
    visitor: opt(elder.visitor),
    visitor_phone: opt(elder.visitorPhone),
    notes: opt(elder.notes),
  };
}

export function groupRow(elderId: string, g: ElderData['groups'][number]): Row {
  return { elder_id: elderId, group_code: g.group, start_date: g.startDate, end_date: opt(g.endDate), note: opt(g.note) };
}

export function contactRow(elderId: string, c: ElderContactData): Row {
  return {
    elder_id: elderId,
    name: c.name,
    relationship: c.relationship,
    phone: c.phone,
    address: opt(c.address),
    registered_on: c.registeredOn,
    notes: opt(c.notes),
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
    witness: opt(a.witness),
    review_on: opt(a.reviewOn),
    notes: opt(a.notes),
  };
}

export function groupRecord(r: ElderGroupsTable): ElderGroupRecord {
  return { id: r.id, group: r.group_code as ElderGroup, startDate: r.start_date, endDate: undef(r.end_date), note: undef(r.note) };
}

export function contactRecord(r: ElderContactsTable): ElderContactRecord {
  return {
    id: r.id,
    elderId: r.elder_id,
    name: r.name,
    relationship: r.relationship as ElderContactRecord['relationship'],
    phone: r.phone,
    address: undef(r.address),
    registeredOn: r.registered_on,
    notes: undef(r.notes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function agreementRecord(r: SupportAgreementsTable): SupportAgreementRecord {
  return {
    id: r.id,
    elderId: r.elder_id,
    supporters: parseJson<SupportAgreementRecord['supporters']>(r.supporters, []),
    signedOn: r.signed_on,
    witness: undef(r.witness),
    reviewOn: undef(r.review_on),
    notes: undef(r.notes),
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
    address: undef(r.address),
    phone: undef(r.phone),
    maritalStatus: undef(r.marital_status) as Field<'maritalStatus'>,
    livingSituation: (r.living_situation ?? 'other') as Field<'livingSituation'>,
    capability: (r.capability ?? 'intact') as Field<'capability'>,
    capabilityScore: undef(r.capability_score),
    capabilityAssessedOn: undef(r.capability_assessed_on),
    disabilityType: undef(r.disability_type) as Field<'disabilityType'>,
    disabilityGrade: undef(r.disability_grade) as Field<'disabilityGrade'>,
    healthNotes: undef(r.health_notes),
    economicStatus: (r.economic_status ?? 'general') as Field<'economicStatus'>,
    benefits: parseJson<Field<'benefits'>>(r.benefits, []),
    highAgeClass: highAgeAllowanceClass(r.birth_date, today, bands),
    riskTier: (r.risk_tier ?? 'general') as Field<'riskTier'>,
    visitor: undef(r.visitor),
    visitorPhone: undef(r.visitor_phone),
    notes: undef(r.notes),
    groups: related.groups.map(groupRecord),
    contacts: related.contacts.map(contactRecord),
    agreements: related.agreements.map(agreementRecord),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
