/**
 * Visits and major changes: one visit model for every kind of person. Who is due one is the
 * workbench's (workbench.ts); how often, the county's rules (rules.ts).
 */
import { z } from 'zod';
import { isRealDate, todayIso } from '../domain/dates';
import type { DueStatusKind, VisitFrequency } from '../domain/visitDue';
import {
  CHILD_ASPECTS,
  CHILD_SAFETY_RISKS,
  HEALTH_ASPECTS,
  HOME_HAZARDS,
  SUBJECT_KINDS,
  SUPPORTER_VISITS,
  VISIT_METHODS,
  VISIT_NEEDS,
  type ChildAnswers,
  type HealthCheck,
  type SubjectKind,
} from '../domain/visits';
import { mutation, query } from './define';
import { labelled } from './fieldMeta';
import { byId, choice, isoDate, optionalIsoDate, optionalText, personName, recordId } from './fields';

const subjectKind = choice(SUBJECT_KINDS, '探访对象类别');

const [speech, mobility, responsiveness, mental] = HEALTH_ASPECTS;
const healthCheck = z.object({
  speech: choice(speech.options, speech.label).optional(),
  mobility: choice(mobility.options, mobility.label).optional(),
  responsiveness: choice(responsiveness.options, responsiveness.label).optional(),
  mental: choice(mental.options, mental.label).optional(),
}) satisfies z.ZodType<Partial<HealthCheck>>;

const [guardianship, schooling, childHealth, childMental, parentContact] = CHILD_ASPECTS;
/** A child's visit only (`VISIT_QUESTIONS`); the core refuses it on anyone else's. */
const childCheck = z.object({
  guardianship: choice(guardianship.options, guardianship.label).optional(),
  schooling: choice(schooling.options, schooling.label).optional(),
  health: choice(childHealth.options, childHealth.label).optional(),
  mental: choice(childMental.options, childMental.label).optional(),
  parentContact: choice(parentContact.options, parentContact.label).optional(),
  safety: z.array(choice(CHILD_SAFETY_RISKS, '儿童安全')).max(CHILD_SAFETY_RISKS.length).default([]),
}) satisfies z.ZodType<Partial<ChildAnswers>>;

const visitFields = z.object({
  visitedOn: isoDate('探访日期').refine((v) => v <= todayIso(), '探访日期不能晚于今天'),
  visitors: z
    .array(personName('走访人'))
    .min(1, '请填写走访人')
    .max(6, '走访人最多6名')
    .refine((names) => new Set(names).size === names.length, '走访人不能重复'),
  method: choice(VISIT_METHODS, '探访方式'),
  health: labelled(healthCheck.default({}), { label: '身体状况' }),
  illness: optionalText(200, '患病情况'),
  livingDifficulties: optionalText(300, '生活困难'),
  moneyDifficulties: optionalText(300, '经济困难'),
  benefitsReceived: optionalText(200, '享受政策'),
  supportersVisit: choice(SUPPORTER_VISITS, '子女（赡养人）探望情况').optional(),
  childCheck: labelled(childCheck.optional(), { label: '儿童探访情况' }),
  hazards: z.array(choice(HOME_HAZARDS, '安全隐患')).max(HOME_HAZARDS.length).default([]),
  hazardNote: optionalText(200, '隐患说明'),
  needs: z.array(choice(VISIT_NEEDS, '服务需求')).max(VISIT_NEEDS.length).default([]),
  actions: optionalText(500, '采取措施'),
  referrals: optionalText(300, '转介情况'),
  nextVisitOn: optionalIsoDate('下次探访日期'),
  notes: optionalText(500, '备注'),
});

function checkVisit(v: z.output<typeof visitFields>, ctx: z.RefinementCtx): void {
  const visited = typeof v.visitedOn === 'string' && isRealDate(v.visitedOn) ? v.visitedOn : null;
  const next = typeof v.nextVisitOn === 'string' && isRealDate(v.nextVisitOn) ? v.nextVisitOn : null;
  if (visited && next && next <= visited) ctx.addIssue({ code: 'custom', path: ['nextVisitOn'], message: '下次探访日期须晚于本次探访日期' });
  const hazards: unknown[] = Array.isArray(v.hazards) ? v.hazards : [];
  if (hazards.includes('other') && !v.hazardNote) ctx.addIssue({ code: 'custom', path: ['hazardNote'], message: '选择了“其他”隐患，请写明隐患情况' });
}

export const visitInput = visitFields.superRefine(checkVisit, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type VisitInput = z.input<typeof visitInput>;
export type VisitData = z.output<typeof visitInput>;

const subjectRef = z.object({ subjectKind, subjectId: recordId });

/** Who a visit or a major change is about, as stored beside its own fields. */
export const subjectFields = z.object({ subjectKind, subjectId: labelled(recordId.clone(), { label: '探访对象' }) });
export type SubjectRef = z.infer<typeof subjectRef>;

export interface VisitRecord extends VisitData {
  id: string;
  stationCode: string;
  subjectKind: SubjectKind;
  subjectId: string;
  /** Where the visit took place: the person's village when it was recorded. */
  villageCode: string;
  townshipName: string;
  villageName: string;
  health: Partial<HealthCheck>;
  createdAt: string;
  updatedAt: string;
}

export const majorChangeInput = z.object({
  occurredOn: isoDate('发生日期').refine((v) => v <= todayIso(), '发生日期不能晚于今天'),
  description: labelled(z.string({ error: '请填写变故情况' }).trim().min(1, '请填写变故情况').max(200, '变故情况不能超过200个字'), { label: '变故情况' }),
});
export type MajorChangeInput = z.input<typeof majorChangeInput>;

export interface MajorChangeRecord {
  id: string;
  occurredOn: string;
  description: string;
  /** Whether a visit has been recorded on or after it. */
  visited: boolean;
}

/** A person's due state, as the due list and the person's page show it. */
export interface DueInfo {
  frequency: VisitFrequency;
  status: DueStatusKind;
  lastVisit?: string;
  nextDueBy: string;
  daysOverdue?: number;
  majorChangePending: boolean;
}

export interface VisitTimeline {
  visits: VisitRecord[];
  majorChanges: MajorChangeRecord[];
  /** Null for a person no due rule covers (a left-behind woman, a child no longer in a category). */
  due: DueInfo | null;
}

export interface VisitListRow {
  id: string;
  stationCode: string;
  subjectKind: SubjectKind;
  subjectId: string;
  subjectName: string;
  townshipName: string;
  villageName: string;
  visitedOn: string;
  visitors: string[];
  method: VisitData['method'];
  /** Something beyond a routine visit: a health concern, a hazard or a need. */
  flagged: boolean;
}

export const visitListInput = z.object({
  subjectKind: subjectKind.optional(),
  townshipCode: z.string().regex(/^\d{9}$/).optional(),
  villageCode: z.string().regex(/^\d{12}$/).optional(),
  stationCode: z.string().regex(/^\d{9}$/).optional(),
  from: optionalIsoDate('开始日期'),
  to: optionalIsoDate('结束日期'),
  /** The visited person's name, pinyin or initials, or a visitor's name. */
  search: z.string().trim().max(30).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type VisitListInput = z.input<typeof visitListInput>;

export const visitsOperations = {
  /** A person's visits (newest first), major changes, and due state. */
  'visits.timeline': query<VisitTimeline>()(subjectRef),
  'visits.get': query<VisitRecord>()(byId),
  'visits.list': query<{ total: number; rows: VisitListRow[] }>()(visitListInput),
  'visits.create': mutation<{ id: string }>()(subjectRef.extend({ visit: visitInput })),
  'visits.update': mutation<{ id: string }>()(z.object({ id: recordId, visit: visitInput })),
  'visits.delete': mutation<{ id: string }>()(byId),
  /** Adds a major change (no id) or edits one (id). */
  'visits.saveMajorChange': mutation<{ id: string }>()(subjectRef.extend({ id: recordId.optional(), change: majorChangeInput })),
  'visits.deleteMajorChange': mutation<{ id: string }>()(byId),
} as const;
