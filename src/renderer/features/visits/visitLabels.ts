import type { DueInfo, VisitRecord } from '../../../shared/contract';
import { labelOf } from '../../../shared/domain/labels';
import { DUE_STATUSES, VISIT_FREQUENCIES } from '../../../shared/domain/visitDue';
import { childConcerns, HEALTH_ASPECTS, HOME_HAZARDS, VISIT_METHODS, VISIT_NEEDS, healthConcerns, type SubjectKind } from '../../../shared/domain/visits';

export const SUBJECT_PATHS: Readonly<Record<SubjectKind, string>> = { child: '/children', elder: '/elders', woman: '/women' };

export function subjectPath(kind: SubjectKind, id: string): string {
  return `${SUBJECT_PATHS[kind]}/${id}`;
}

export const methodLabel = (code: VisitRecord['method']) => labelOf(VISIT_METHODS, code);
export const frequencyLabel = (code: DueInfo['frequency']) => labelOf(VISIT_FREQUENCIES, code);

const DUE_COLORS: Readonly<Record<DueInfo['status'], string>> = { overdue: 'red', due_this_week: 'orange', due_this_month: 'gold', ok: 'green' };

/** The due tag: "已逾期 N 天" in red, then 本周应访 / 本月应访 / 正常. */
export function dueTag(due: DueInfo): { color: string; text: string } {
  const label = labelOf(DUE_STATUSES, due.status);
  const text = due.status === 'overdue' && due.daysOverdue !== undefined ? `${label} ${due.daysOverdue} 天` : label;
  return { color: DUE_COLORS[due.status], text };
}

export interface VisitFlag {
  kind: 'health' | 'hazard' | 'need';
  text: string;
}

/** What a visit found beyond the routine: each health (or child's) concern with its answer, each hazard, each need. */
export function visitFlags(v: Pick<VisitRecord, 'health' | 'hazards' | 'needs' | 'childCheck'>): VisitFlag[] {
  const health = healthConcerns(v.health).map((key): VisitFlag => {
    const aspect = HEALTH_ASPECTS.find((a) => a.key === key);
    const answer = aspect?.options.find((o) => o.value === v.health[key])?.label ?? '';
    return { kind: 'health', text: `${aspect?.label ?? key}${answer ? `：${answer}` : ''}` };
  });
  const child = childConcerns(v.childCheck).map((c): VisitFlag => (c.key === 'safety' ? { kind: 'hazard', text: c.answer } : { kind: 'health', text: `${c.label}：${c.answer}` }));
  const hazards = v.hazards.map((h): VisitFlag => ({ kind: 'hazard', text: `${labelOf(HOME_HAZARDS, h)}隐患` }));
  const needs = v.needs.map((n): VisitFlag => ({ kind: 'need', text: `需${labelOf(VISIT_NEEDS, n)}` }));
  return [...health, ...child, ...hazards, ...needs];
}

export const FLAG_COLORS: Readonly<Record<VisitFlag['kind'], string>> = { health: 'volcano', hazard: 'red', need: 'blue' };
