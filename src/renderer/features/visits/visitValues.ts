import type { VisitInput, VisitRecord } from '../../../shared/contract';
import { todayIso } from '../../../shared/domain/dates';
import {
  ROUTINE_CHILD_ANSWERS,
  ROUTINE_HEALTH,
  VISIT_QUESTIONS,
  type ChildAnswers,
  type ChildSafetyRisk,
  type HealthCheck,
  type HomeHazard,
  type SubjectKind,
  type SupporterVisits,
  type VisitMethod,
  type VisitNeed,
} from '../../../shared/domain/visits';
import { namePathOf, type NamePath } from '../../ui/formErrors';

/** The form's own shape: visitors are typed as one line of names, the rest as the contract has it. */
export interface VisitFormValues {
  visitedOn?: string;
  visitors?: string;
  method?: VisitMethod;
  health?: Partial<HealthCheck>;
  /** A child's visit only. */
  childCheck?: Partial<ChildAnswers> & { safety?: ChildSafetyRisk[] };
  illness?: string;
  livingDifficulties?: string;
  moneyDifficulties?: string;
  benefitsReceived?: string;
  supportersVisit?: SupporterVisits;
  hazards?: HomeHazard[];
  hazardNote?: string;
  needs?: VisitNeed[];
  actions?: string;
  referrals?: string;
  nextVisitOn?: string;
  notes?: string;
}

/** Fields that live in the folded "更多情况" panel: an error there must unfold it. */
export const MORE_FIELDS = [
  'illness',
  'livingDifficulties',
  'moneyDifficulties',
  'benefitsReceived',
  'supportersVisit',
  'hazards',
  'hazardNote',
  'needs',
  'actions',
  'referrals',
  'nextVisitOn',
  'notes',
] as const satisfies readonly (keyof VisitFormValues)[];

/** Names are separated the way people type lists in Chinese: 、 ， , ; or spaces. */
export const VISITOR_SEPARATOR = /[、，,；;\s]+/;

export function splitVisitors(text: string | undefined): string[] {
  return (text ?? '')
    .split(VISITOR_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function joinVisitors(names: readonly string[]): string {
  return names.join('、');
}

/** A routine visit: today, the usual visitors, in person, nothing to report — in the questions of this kind of person. */
export function newVisitValues(kind: SubjectKind, visitors: readonly string[]): VisitFormValues {
  const health = Object.fromEntries(VISIT_QUESTIONS[kind].health.map((a) => [a, ROUTINE_HEALTH[a]])) as Partial<HealthCheck>;
  const base: VisitFormValues = { visitedOn: todayIso(), visitors: joinVisitors(visitors), method: 'home', health, hazards: [], needs: [] };
  return VISIT_QUESTIONS[kind].childCheck ? { ...base, childCheck: { ...ROUTINE_CHILD_ANSWERS, safety: [] } } : base;
}

export function recordToValues(r: VisitRecord): VisitFormValues {
  return {
    visitedOn: r.visitedOn,
    visitors: joinVisitors(r.visitors),
    method: r.method,
    health: { ...r.health },
    childCheck: r.childCheck ? { ...r.childCheck, safety: [...r.childCheck.safety] } : undefined,
    illness: r.illness,
    livingDifficulties: r.livingDifficulties,
    moneyDifficulties: r.moneyDifficulties,
    benefitsReceived: r.benefitsReceived,
    supportersVisit: r.supportersVisit,
    hazards: [...r.hazards],
    hazardNote: r.hazardNote,
    needs: [...r.needs],
    actions: r.actions,
    referrals: r.referrals,
    nextVisitOn: r.nextVisitOn,
    notes: r.notes,
  };
}

/** Whether a record holds anything beyond the routine fields, so editing it opens "更多情况". */
export function hasMore(v: VisitFormValues): boolean {
  return MORE_FIELDS.some((k) => {
    const x = v[k];
    return Array.isArray(x) ? x.length > 0 : x !== undefined && x !== null && x !== '';
  });
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Form values → the contract's input; cleared antd inputs (null) become absent. */
export function formToInput(v: VisitFormValues): VisitInput {
  const health = Object.fromEntries(Object.entries(v.health ?? {}).filter(([, x]) => x !== null && x !== undefined)) as Partial<HealthCheck>;
  const childCheck = v.childCheck
    ? (Object.fromEntries(Object.entries(v.childCheck).filter(([, x]) => x !== null && x !== undefined)) as VisitInput['childCheck'])
    : undefined;
  return {
    visitedOn: text(v.visitedOn) ?? '',
    visitors: splitVisitors(v.visitors),
    method: v.method ?? 'home',
    health,
    ...(childCheck ? { childCheck } : {}),
    illness: text(v.illness),
    livingDifficulties: text(v.livingDifficulties),
    moneyDifficulties: text(v.moneyDifficulties),
    benefitsReceived: text(v.benefitsReceived),
    supportersVisit: v.supportersVisit ?? undefined,
    hazards: v.hazards ?? [],
    hazardNote: text(v.hazardNote),
    needs: v.needs ?? [],
    actions: text(v.actions),
    referrals: text(v.referrals),
    nextVisitOn: text(v.nextVisitOn),
    notes: text(v.notes),
  };
}

/**
 * A field-error key (the core's `visit.visitors.1`, or the form's own `visitors.1`) → the field
 * that shows it. Visitors are one input, hazards and needs one checkbox group each.
 */
export function visitPathOf(key: string): NamePath {
  const path = namePathOf(key, 'visit');
  const head = path[0];
  if (head === 'visitors' || head === 'hazards' || head === 'needs') return [head];
  if (head === 'childCheck' && path[1] === 'safety') return ['childCheck', 'safety'];
  return path;
}
