/** Visit rows ⇄ contract records. List-valued fields are JSON text in the row. */
import type { VisitData, VisitRecord } from '../../../shared/contract';
import { childConcerns, healthConcerns, isEmptyChildCheck, type ChildCheck, type HealthCheck, type SubjectKind } from '../../../shared/domain/visits';
import type { Row } from '../sync/capture';
import type { VisitsTable } from './schema';
import type { Subject } from './subjects';
import { fromColumn, fromJsonColumn, toListColumn } from '../db/columns';

export function visitRow(v: VisitData, subject: Subject): Row {
  const health = Object.fromEntries(Object.entries(v.health).filter(([, code]) => code !== undefined));
  return {
    subject_kind: subject.kind,
    subject_id: subject.id,
    village_code: subject.villageCode,
    township_code: subject.townshipCode,
    visited_on: v.visitedOn,
    visitors: JSON.stringify(v.visitors),
    method: v.method,
    health: Object.keys(health).length === 0 ? null : JSON.stringify(health),
    illness: v.illness ?? null,
    living_difficulties: v.livingDifficulties ?? null,
    money_difficulties: v.moneyDifficulties ?? null,
    benefits_received: v.benefitsReceived ?? null,
    supporters_visit: v.supportersVisit ?? null,
    hazards: toListColumn(v.hazards),
    hazard_note: v.hazardNote ?? null,
    needs: toListColumn(v.needs),
    actions: v.actions ?? null,
    referrals: v.referrals ?? null,
    next_visit_on: v.nextVisitOn ?? null,
    notes: v.notes ?? null,
    child_check: isEmptyChildCheck(v.childCheck) ? null : JSON.stringify(v.childCheck),
  };
}

export function visitRecord(r: VisitsTable, names: { townshipName: string; villageName: string }): VisitRecord {
  return {
    id: r.id,
    stationCode: r.station_code,
    subjectKind: r.subject_kind as SubjectKind,
    subjectId: r.subject_id,
    villageCode: r.village_code,
    ...names,
    visitedOn: r.visited_on,
    visitors: fromJsonColumn<string[]>(r.visitors, []),
    method: r.method as VisitData['method'],
    health: fromJsonColumn<VisitRecord['health']>(r.health, {}),
    illness: fromColumn(r.illness),
    livingDifficulties: fromColumn(r.living_difficulties),
    moneyDifficulties: fromColumn(r.money_difficulties),
    benefitsReceived: fromColumn(r.benefits_received),
    supportersVisit: fromColumn(r.supporters_visit) as VisitData['supportersVisit'],
    hazards: fromJsonColumn<VisitData['hazards']>(r.hazards, []),
    hazardNote: fromColumn(r.hazard_note),
    needs: fromJsonColumn<VisitData['needs']>(r.needs, []),
    actions: fromColumn(r.actions),
    referrals: fromColumn(r.referrals),
    nextVisitOn: fromColumn(r.next_visit_on),
    notes: fromColumn(r.notes),
    childCheck: r.child_check === null ? undefined : fromJsonColumn<NonNullable<VisitData['childCheck']>>(r.child_check, { safety: [] }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Something beyond a routine visit: a health concern, a child's concern, a hazard or a need. */
export function isFlagged(r: Pick<VisitsTable, 'health' | 'hazards' | 'needs' | 'child_check'>): boolean {
  if (r.hazards || r.needs) return true;
  const health = fromJsonColumn<Partial<HealthCheck>>(r.health, {});
  return healthConcerns(health).length > 0 || childConcerns(fromJsonColumn<ChildCheck | null>(r.child_check, null)).length > 0;
}
