/**
 * Drowning prevention (防溺水): each child's yearly publicity (letter handed out, pledge signed),
 * set one child at a time or for a whole village at once; inspections of water areas; the
 * yearly figures by township.
 */
import { z } from 'zod';
import { isRealDate, todayIso } from '../domain/dates';
import {
  FIRST_YEAR,
  inspectionDateProblem,
  LETTER_LABEL,
  PLEDGE_LABEL,
  PUBLICITY_STATUSES,
  publicityDateProblems,
  yearOf,
} from '../domain/drowning';
import { mutation, query, type Progress } from './define';
import { labelled } from './fieldMeta';
import { byId, choice, isoDate, optionalIsoDate, optionalText, personName, recordId, type PersonListRow, villageCode as villageField } from './fields';

const townshipCode = z.string().regex(/^\d{9}$/, '请选择乡镇（街道）');
const villageCode = z.string().regex(/^\d{12}$/, '请选择村（居）');

const year = labelled(
  z
    .number({ error: '请选择年度' })
    .int('请选择年度')
    .min(FIRST_YEAR, `年度不能早于${FIRST_YEAR}年`)
    .refine((y) => y <= yearOf(todayIso()), '年度不能晚于今年'),
  { label: '年度' },
);

const realDate = (v: unknown): string | null => (typeof v === 'string' && isRealDate(v) ? v : null);

/**
 * The date rules of one publicity (see `publicityDateProblems`), at the fields a user changes.
 * They run even when single fields failed, so every value may still be raw input.
 */
function checkPublicityDates(p: { year?: unknown; letterOn?: unknown; pledgeOn?: unknown }, ctx: z.RefinementCtx): void {
  const letterOn = realDate(p.letterOn);
  const pledgeOn = realDate(p.pledgeOn);
  if (p.letterOn === undefined && p.pledgeOn === undefined) {
    ctx.addIssue({ code: 'custom', path: ['letterOn'], message: `请填写${LETTER_LABEL}或${PLEDGE_LABEL}` });
    return;
  }
  const today = todayIso();
  // A year that is itself wrong is reported at the year alone, not again at every date.
  const year = typeof p.year === 'number' && Number.isInteger(p.year) && p.year >= FIRST_YEAR && p.year <= yearOf(today) ? p.year : null;
  const problems = publicityDateProblems({ year, letterOn, pledgeOn }, today);
  for (const [field, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [field], message });
}

const onlyObjects = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/** One child's publicity in one year; saving again for the same child and year edits it. */
export const publicityInput = z
  .object({
    childId: labelled(recordId.clone(), { label: '儿童' }),
    year,
    letterOn: optionalIsoDate(LETTER_LABEL),
    pledgeOn: optionalIsoDate(PLEDGE_LABEL),
    /** Who handed the letter out: a child director, a teacher, a station worker. */
    handedBy: optionalText(30, '发放人'),
    notes: optionalText(200, '备注'),
  })
  .superRefine(checkPublicityDates, onlyObjects);
export type PublicityInput = z.input<typeof publicityInput>;
export type PublicityData = z.output<typeof publicityInput>;

export interface PublicityRecord {
  id: string;
  childId: string;
  /** The station that recorded it; at the county, a child who moved may have one from each. */
  stationCode: string;
  year: number;
  letterOn?: string;
  pledgeOn?: string;
  handedBy?: string;
  notes?: string;
  createdAt: string;
  updatedAt: string;
}

/** Which children of a year's register: the children in scope (an active category that year). */
export const publicityFilterInput = z.object({
  year,
  townshipCode: townshipCode.optional(),
  villageCode: villageCode.optional(),
  /** County: one station's children. */
  stationCode: z.string().regex(/^\d{9}$/).optional(),
  search: z.string().trim().max(30).optional(),
  status: choice(PUBLICITY_STATUSES, '宣传情况').default('all'),
});

export const publicityListInput = publicityFilterInput.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type PublicityListInput = z.input<typeof publicityListInput>;

/** A child of the year's campaign (`id` is the child's). */
export interface PublicityListRow extends PersonListRow {
  /** The earliest of the year's dates the ledger holds for the child (at the county, from any station). */
  letterOn?: string;
  pledgeOn?: string;
  handedBy?: string;
}

export interface PublicityListResult {
  total: number;
  rows: PublicityListRow[];
  /** The children the filter covers whatever their status, and how many of them have each document. */
  counts: { children: number; letters: number; pledges: number };
}

/**
 * Dates for many children at once (letters handed out at school to every child of a village).
 * The children are those the filter lists, narrowed to `childIds` when the user picked some.
 * An existing date is kept unless `overwrite` is set.
 */
export const publicityBatchInput = publicityFilterInput
  .extend({
    childIds: z.array(recordId).min(1, '请至少选择一名儿童').max(5000, '一次最多选择5000名儿童').optional(),
    letterOn: optionalIsoDate(LETTER_LABEL),
    pledgeOn: optionalIsoDate(PLEDGE_LABEL),
    handedBy: optionalText(30, '发放人'),
    overwrite: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    // A whole county at once is never the intent: the scope is a township or a village.
    if (!b.townshipCode && !b.villageCode) ctx.addIssue({ code: 'custom', path: ['villageCode'], message: '请先选择乡镇（街道）或村（居）' });
    if (b.townshipCode && b.villageCode && !b.villageCode.startsWith(b.townshipCode)) {
      ctx.addIssue({ code: 'custom', path: ['villageCode'], message: '所选村（居）不在所选乡镇（街道）' });
    }
    checkPublicityDates(b, ctx);
  }, onlyObjects);
export type PublicityBatchInput = z.input<typeof publicityBatchInput>;

export interface PublicityBatchResult {
  /** Children the batch covered. */
  children: number;
  /** Children given at least one date (filled in, or replaced when overwriting). */
  set: number;
  /** Children left as they were: every date asked for was already recorded. */
  alreadySet: number;
  /** Children left as they were: with their recorded date, the pledge would precede the letter. */
  conflicting: number;
  /** Picked children no longer listed (deleted, moved away, or outside the filter meanwhile). */
  notFound: number;
}

const inspectorName = personName('督查人员');

const inspectionFields = z.object({
  villageCode: villageField('水域所在村（居）'),
  place: labelled(z.string({ error: '请填写督查地点' }).trim().min(1, '请填写督查地点').max(100, '督查地点不能超过100个字'), { label: '督查地点' }),
  inspectedOn: isoDate('督查日期'),
  inspectors: z.array(inspectorName, { error: '请填写督查人员' }).min(1, '请填写督查人员').max(10, '督查人员最多填写10人'),
  findings: labelled(z.string({ error: '请填写督查情况' }).trim().min(1, '请填写督查情况').max(500, '督查情况不能超过500个字'), { label: '督查情况' }),
  hazardFound: labelled(z.boolean(), { label: '是否发现隐患' }).default(false),
  actions: optionalText(500, '处置措施'),
  notes: optionalText(200, '备注'),
});

/** 督查: place, date, inspectors and findings are required; a hazard found needs what was done about it. */
export const waterInspectionInput = inspectionFields.superRefine((v, ctx) => {
  const date = realDate(v.inspectedOn);
  const problem = date ? inspectionDateProblem(date, todayIso()) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['inspectedOn'], message: problem });
  if (v.hazardFound === true && !v.actions) ctx.addIssue({ code: 'custom', path: ['actions'], message: '发现隐患时请填写处置措施（如设置警示牌、告知村委）' });
  if (Array.isArray(v.inspectors)) {
    const seen = new Set<string>();
    v.inspectors.forEach((n, i) => {
      if (typeof n !== 'string') return;
      if (seen.has(n.trim())) ctx.addIssue({ code: 'custom', path: ['inspectors', i], message: '同一督查人员不能重复填写' });
      seen.add(n.trim());
    });
  }
}, onlyObjects);
export type WaterInspectionInput = z.input<typeof waterInspectionInput>;
export type WaterInspectionData = z.output<typeof waterInspectionInput>;

export interface WaterInspectionRecord {
  id: string;
  stationCode: string;
  townshipCode: string;
  villageCode: string;
  townshipName: string;
  villageName: string;
  place: string;
  inspectedOn: string;
  inspectors: string[];
  findings: string;
  hazardFound: boolean;
  actions?: string;
  notes?: string;
  createdAt: string;
  updatedAt: string;
}

export const waterInspectionListInput = z.object({
  /** Inspections dated in this calendar year. */
  year: z.number().int().min(FIRST_YEAR).max(9999).optional(),
  townshipCode: townshipCode.optional(),
  villageCode: villageCode.optional(),
  stationCode: z.string().regex(/^\d{9}$/).optional(),
  hazardOnly: z.boolean().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type WaterInspectionListInput = z.input<typeof waterInspectionListInput>;

export interface WaterInspectionListResult {
  total: number;
  rows: WaterInspectionRecord[];
}

/** One township's yearly figures; the county's total has the county's code and name. */
export interface DrowningSummaryRow {
  code: string;
  name: string;
  /** Children in scope: holding a category on some day of the year. (Not `children`: tables read that as nested rows.) */
  childrenInScope: number;
  /** Of those, children with a letter handed out / a pledge signed that year. */
  letters: number;
  pledges: number;
  /** Water-area inspections dated in the year (督查次数), and those that found a hazard. */
  inspections: number;
  hazards: number;
}

export interface DrowningSummary {
  year: number;
  townships: DrowningSummaryRow[];
  county: DrowningSummaryRow;
}

export const drowningOperations = {
  'drowning.publicity.forChild': query<PublicityRecord[]>()(z.object({ childId: recordId })),
  /** Adds the child's publicity of a year, or edits the one this station already holds. */
  'drowning.publicity.save': mutation<{ id: string }>()(publicityInput),
  'drowning.publicity.delete': mutation<{ id: string }>()(byId),
  'drowning.publicity.batch': mutation<PublicityBatchResult, Progress>()(publicityBatchInput),
  'drowning.publicity.list': query<PublicityListResult>()(publicityListInput),
  'drowning.inspections.list': query<WaterInspectionListResult>()(waterInspectionListInput),
  /** Adds an inspection (no id) or edits one (id). */
  'drowning.inspections.save': mutation<{ id: string }>()(z.object({ id: recordId.optional(), inspection: waterInspectionInput })),
  'drowning.inspections.delete': mutation<{ id: string }>()(byId),
  'drowning.summary': query<DrowningSummary>()(z.object({ year: z.number({ error: '请选择年度' }).int('请选择年度').min(FIRST_YEAR, `年度不能早于${FIRST_YEAR}年`).max(9999, '请选择年度') })),
} as const;
