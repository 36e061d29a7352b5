/**
 * Visits, the due list (工作台) and the county's configurable rules. One visit model for every
 * kind of person; the due list covers elders and children, whose frequency rules are data.
 */
import { z } from 'zod';
import { isRealDate, todayIso } from '../domain/dates';
import type { HighAgeBand } from '../domain/elderly';
import { codesOf } from '../domain/labels';
import { DUE_STATUSES, VISIT_FREQUENCIES, type DueRule, type DueStatusKind, type VisitFrequency } from '../domain/visitDue';
import {
  HEALTH_ASPECTS,
  HOME_HAZARDS,
  SUBJECT_KINDS,
  SUPPORTER_VISITS,
  VISIT_METHODS,
  VISIT_NEEDS,
  type HealthCheck,
  type SubjectKind,
} from '../domain/visits';
import { mutation, query } from './define';
import { byId, enumOf, isoDate, optionalIsoDate, optionalText, personName, recordId } from './fields';

const subjectKind = enumOf(codesOf(SUBJECT_KINDS), '探访对象类别');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

const [speech, mobility, responsiveness, mental] = HEALTH_ASPECTS;
const healthCheck = z.object({
  speech: enumOf(codesOf(speech.options), speech.label).optional(),
  mobility: enumOf(codesOf(mobility.options), mobility.label).optional(),
  responsiveness: enumOf(codesOf(responsiveness.options), responsiveness.label).optional(),
  mental: enumOf(codesOf(mental.options), mental.label).optional(),
}) satisfies z.ZodType<Partial<HealthCheck>>;

const visitFields = z.object({
  visitedOn: isoDate('探访日期').refine((v) => v <= todayIso(), '探访日期不能晚于今天'),
  visitors: z
    .array(personName('走访人'))
    .min(1, '请填写走访人')
    .max(6, '走访人最多6名')
    .refine((names) => new Set(names).size === names.length, '走访人不能重复'),
  method: enumOf(codesOf(VISIT_METHODS), '探访方式'),
  health: healthCheck.default({}),
  illness: optionalText(200, '患病情况'),
  livingDifficulties: optionalText(300, '生活困难'),
  moneyDifficulties: optionalText(300, '经济困难'),
  benefitsReceived: optionalText(200, '享受政策'),
  supportersVisit: enumOf(codesOf(SUPPORTER_VISITS), '子女（赡养人）探望情况').optional(),
  hazards: z.array(enumOf(codesOf(HOME_HAZARDS), '安全隐患')).max(HOME_HAZARDS.length).default([]),
  hazardNote: optionalText(200, '隐患说明'),
  needs: z.array(enumOf(codesOf(VISIT_NEEDS), '服务需求')).max(VISIT_NEEDS.length).default([]),
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
  description: z.string({ error: '请填写变故情况' }).trim().min(1, '请填写变故情况').max(200, '变故情况不能超过200个字'),
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

// ---------------------------------------------------------------------------------------------
// The due list (工作台).

export type DueKind = Extract<SubjectKind, 'elder' | 'child'>;

export interface DueRow extends DueInfo {
  subjectKind: DueKind;
  id: string;
  stationCode: string;
  name: string;
  age: number;
  townshipName: string;
  villageName: string;
  /** Elders: groups held today; children: categories held today. */
  groups: string[];
  riskTier?: string;
  /** Children only: why the child must be reported to the police; empty once the report is recorded. */
  reportReasons?: string[];
}

export const dueListInput = z.object({
  subjectKind: z.enum(['elder', 'child']).optional(),
  /** Omitted: everyone outstanding (overdue, this week, this month). */
  status: enumOf(codesOf(DUE_STATUSES), '状态').optional(),
  townshipCode: z.string().regex(/^\d{9}$/).optional(),
  villageCode: z.string().regex(/^\d{12}$/).optional(),
  stationCode: z.string().regex(/^\d{9}$/).optional(),
  search: z.string().trim().max(30).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(2000).default(100),
});
export type DueListInput = z.input<typeof dueListInput>;

export interface DueListResult {
  today: string;
  /** People per status for the filters given (before status, offset and limit). */
  counts: Record<DueStatusKind, number>;
  total: number;
  rows: DueRow[];
}

export const RATE_SCOPES = [
  { value: 'tekun', label: '分散供养特困老人' },
  { value: 'elders', label: '全部在册老人' },
  { value: 'children', label: '在册儿童' },
] as const;
export type RateScope = (typeof RATE_SCOPES)[number]['value'];

export interface RateRow {
  code: string;
  name: string;
  eligible: number;
  visited: number;
  rate: number;
}

export interface VisitRateResult {
  month: string;
  scope: RateScope;
  total: RateRow;
  /** By township, or by village when a township is given. */
  rows: RateRow[];
}

export const visitRateInput = z.object({
  month: month.optional(),
  scope: enumOf(codesOf(RATE_SCOPES), '统计对象').default('tekun'),
  townshipCode: z.string().regex(/^\d{9}$/).optional(),
  stationCode: z.string().regex(/^\d{9}$/).optional(),
});
export type VisitRateInput = z.input<typeof visitRateInput>;

export interface VisitsByMonthRow {
  month: string;
  elder: number;
  child: number;
  woman: number;
}

export const visitsByMonthInput = z.object({
  /** The last month shown; the current month when omitted. */
  until: month.optional(),
  months: z.number().int().min(1).max(36).default(12),
  townshipCode: z.string().regex(/^\d{9}$/).optional(),
  stationCode: z.string().regex(/^\d{9}$/).optional(),
});

// ---------------------------------------------------------------------------------------------
// The county's configurable rules.

const frequency = enumOf(codesOf(VISIT_FREQUENCIES), '探访频次');
const codeList = z.array(z.string().min(1).max(40)).min(1).max(20).optional();

export const dueRuleInput = z.object({
  lines: z
    .array(z.object({ tiers: codeList, groups: codeList, guardianshipTypes: codeList, frequency }))
    .max(20),
  otherwise: frequency,
}) satisfies z.ZodType<DueRule>;

export const highAgeBandsInput = z
  .array(
    z.object({
      value: z.string().trim().min(1, '请填写档次代码').max(20),
      label: z.string().trim().min(1, '请填写档次名称').max(20),
      minAge: z.number().int().min(60, '起始年龄不能低于60周岁').max(120),
      maxAge: z.number().int().min(60).max(150).nullable(),
      /** Monthly amount in fen (分); provinces set their own. */
      amountFen: z.number().int().min(0).max(10_000_000).optional(),
    }),
  )
  .min(1, '请至少设置一个高龄津贴档次')
  .max(10)
  .superRefine((bands, ctx) => {
    const sorted = [...bands].sort((a, b) => a.minAge - b.minAge);
    sorted.forEach((b, i) => {
      const at = bands.indexOf(b);
      if (b.maxAge !== null && b.maxAge < b.minAge) ctx.addIssue({ code: 'custom', path: [at, 'maxAge'], message: '截止年龄不能小于起始年龄' });
      const prev = sorted[i - 1];
      if (prev && (prev.maxAge === null || prev.maxAge >= b.minAge)) ctx.addIssue({ code: 'custom', path: [at, 'minAge'], message: '各档次的年龄段不能重叠' });
    });
    if (new Set(bands.map((b) => b.value)).size !== bands.length) ctx.addIssue({ code: 'custom', path: [], message: '档次代码不能重复' });
  });

export interface RulesRecord {
  elderDue: DueRule;
  childDue: DueRule;
  highAgeBands: readonly (HighAgeBand & { amountFen?: number })[];
  /** Per rule: the county's setting, or the national default. */
  source: { elderDue: 'default' | 'county'; childDue: 'default' | 'county'; highAgeBands: 'default' | 'county' };
  /** A band change takes effect from the next month (DOMAIN.md): the first day it applies. */
  highAgeBandsFrom?: string;
}

export const rulesSaveInput = z.object({
  elderDue: dueRuleInput.optional(),
  childDue: dueRuleInput.optional(),
  highAgeBands: highAgeBandsInput.optional(),
  /** Back to the national default for these rules. */
  reset: z.array(z.enum(['elderDue', 'childDue', 'highAgeBands'])).default([]),
});
export type RulesSaveInput = z.input<typeof rulesSaveInput>;

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
  'workbench.due': query<DueListResult>()(dueListInput),
  'workbench.visitRate': query<VisitRateResult>()(visitRateInput),
  'workbench.visitsByMonth': query<VisitsByMonthRow[]>()(visitsByMonthInput),
  'rules.get': query<RulesRecord>()(z.object({})),
  /** County only: stations receive the rules by sync. */
  'rules.save': mutation<RulesRecord>()(rulesSaveInput),
} as const;
