/**
 * The person a visit form is about, whatever register they are in: what the head of the form
 * shows. Read through the ordinary `*.get` operations, cached with the registers' own reads.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ChildRecord, ElderRecord, WomanRecord } from '../../../shared/contract';
import { CHILD_CATEGORIES, GUARDIAN_RELATIONSHIPS } from '../../../shared/domain/children';
import { todayIso } from '../../../shared/domain/dates';
import { ELDER_GROUPS, ELDER_RELATIONSHIPS } from '../../../shared/domain/elders';
import { maskIdNumber, type Sex } from '../../../shared/domain/idNumber';
import type { SubjectKind } from '../../../shared/domain/visits';
import { ledgerQuery, useLedgerQuery } from '../../api';
import { joined, label } from './format';

export interface VisitSubject {
  kind: SubjectKind;
  id: string;
  name: string;
  sex: Sex;
  birthDate: string;
  /**
   * Masked (address code and last 4 only): visit forms go out to the field and are left with
   * village helpers, so a lost sheet must not carry a whole ID number.
   */
  idNumberMasked: string;
  townshipName: string;
  villageName: string;
  address?: string;
  phone?: string;
  /** Groups or categories held today, as labels. */
  groups: string[];
  /** 联系人 / 监护人 / 丈夫: who to call about this person. */
  contactLabel: string;
  contact: string;
  contactPhone: string;
}

export const SUBJECT_WORDS: Record<SubjectKind, string> = { elder: '老年人', child: '儿童', woman: '农村留守妇女' };

function heldOn(day: string, start: string, end: string | undefined): boolean {
  return start <= day && (end === undefined || end >= day);
}

export function elderSubject(e: ElderRecord, today = todayIso()): VisitSubject {
  // Two contacts at most: the form has one line for them.
  const contacts = e.contacts.slice(0, 2);
  return {
    kind: 'elder',
    id: e.id,
    name: e.name,
    sex: e.sex,
    birthDate: e.birthDate,
    idNumberMasked: maskIdNumber(e.idNumber),
    townshipName: e.townshipName,
    villageName: e.villageName,
    address: e.address,
    phone: e.phone,
    groups: e.groups.filter((g) => heldOn(today, g.startDate, g.endDate)).map((g) => label(ELDER_GROUPS, g.group)),
    contactLabel: '联系人',
    contact: contacts.map((c) => `${c.name}（${label(ELDER_RELATIONSHIPS, c.relationship)}）`).join('；'),
    contactPhone: contacts.map((c) => c.phone).join('；'),
  };
}

export function childSubject(c: ChildRecord, today = todayIso()): VisitSubject {
  const atHome = [c.father, c.mother].find((p) => p.name && p.situation === 'at_home');
  const guardian = c.guardian.name
    ? { who: `${c.guardian.name}${c.guardian.relationship ? `（${label(GUARDIAN_RELATIONSHIPS, c.guardian.relationship)}）` : ''}`, phone: c.guardian.phone }
    : atHome
      ? { who: `${atHome.name ?? ''}（${atHome === c.father ? '父亲' : '母亲'}）`, phone: atHome.phone }
      : { who: '', phone: undefined };
  return {
    kind: 'child',
    id: c.id,
    name: c.name,
    sex: c.sex,
    birthDate: c.birthDate,
    idNumberMasked: maskIdNumber(c.idNumber),
    townshipName: c.townshipName,
    villageName: c.villageName,
    address: c.currentAddress ?? c.registeredAddress,
    groups: c.categories.filter((k) => heldOn(today, k.startDate, k.endDate)).map((k) => label(CHILD_CATEGORIES, k.category)),
    contactLabel: '监护人',
    contact: guardian.who,
    contactPhone: guardian.phone ?? '',
  };
}

export function womanSubject(w: WomanRecord): VisitSubject {
  return {
    kind: 'woman',
    id: w.id,
    name: w.name,
    sex: w.sex,
    birthDate: w.birthDate,
    idNumberMasked: maskIdNumber(w.idNumber),
    townshipName: w.townshipName,
    villageName: w.villageName,
    address: w.address,
    phone: w.phone,
    groups: w.active ? ['农村留守妇女'] : [],
    contactLabel: '联系人',
    contact: `${w.husbandName}（丈夫）${joined([w.husbandWorkProvince, w.husbandWorkCity]) ? `，在${joined([w.husbandWorkProvince, w.husbandWorkCity])}务工` : ''}`,
    contactPhone: w.husbandPhone ?? '',
  };
}

export function isSubjectKind(kind: string | undefined): kind is SubjectKind {
  return kind === 'elder' || kind === 'child' || kind === 'woman';
}

// As `select`: called with the record alone, so today is the day it is read.
const asElder = (e: ElderRecord) => elderSubject(e);
const asChild = (c: ChildRecord) => childSubject(c);

/** The person, once `kind` and `id` are known: each register's read is asked only for its own people. */
export function useVisitSubject(kind: SubjectKind | undefined, id: string | undefined) {
  const input = { id: id ?? '' };
  const known = id !== undefined;
  const elder = useLedgerQuery('elders.get', input, { enabled: known && kind === 'elder', select: asElder });
  const child = useLedgerQuery('children.get', input, { enabled: known && kind === 'child', select: asChild });
  const woman = useLedgerQuery('women.get', input, { enabled: known && kind === 'woman', select: womanSubject });
  return kind === 'elder' ? elder : kind === 'child' ? child : woman;
}

/** The same, read outside a component (a batch of forms), through the same cache. */
export async function fetchVisitSubject(client: QueryClient, kind: SubjectKind, id: string): Promise<VisitSubject> {
  switch (kind) {
    case 'elder':
      return elderSubject(await client.fetchQuery(ledgerQuery('elders.get', { id })));
    case 'child':
      return childSubject(await client.fetchQuery(ledgerQuery('children.get', { id })));
    case 'woman':
      return womanSubject(await client.fetchQuery(ledgerQuery('women.get', { id })));
  }
}
