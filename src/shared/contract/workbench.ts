/** The workbench (工作台): who is due a visit, the monthly visit rate, visits by month. */
import { z } from 'zod';
import { DUE_STATUSES, type DueStatusKind } from '../domain/visitDue';
import type { SubjectKind } from '../domain/visits';
import { query } from './define';
import { choice, month } from './fields';
import type { DueInfo } from './visits';

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
  status: choice(DUE_STATUSES, '状态').optional(),
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
  scope: choice(RATE_SCOPES, '统计对象').default('tekun'),
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

export const workbenchOperations = {
  'workbench.due': query<DueListResult>()(dueListInput),
  'workbench.visitRate': query<VisitRateResult>()(visitRateInput),
  'workbench.visitsByMonth': query<VisitsByMonthRow[]>()(visitsByMonthInput),
} as const;
