/** The county's configurable rules: visit frequencies and high-age allowance bands, sent to stations. */
import { z } from 'zod';
import type { HighAgeBand } from '../domain/elders';
import { VISIT_FREQUENCIES, type DueRule } from '../domain/visitDue';
import { mutation, query } from './define';
import { choice } from './fields';

const frequency = choice(VISIT_FREQUENCIES, '探访频次');
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

/** The county's last save (or reset) of one rule. */
export interface RuleChange {
  /** UTC ISO timestamp of the save at the county. */
  at: string;
  /** Who saved it, known at the county only; a station knows the county set it, not the person. */
  by: string | null;
}

export interface RulesRecord {
  elderDue: DueRule;
  childDue: DueRule;
  highAgeBands: readonly (HighAgeBand & { amountFen?: number })[];
  /** Per rule: the county's setting, or the national default. */
  source: { elderDue: 'default' | 'county'; childDue: 'default' | 'county'; highAgeBands: 'default' | 'county' };
  /** A band change takes effect from the next month (docs/domain.md): the first day it applies. */
  highAgeBandsFrom?: string;
  /** Per rule the county ever saved or reset; absent for a rule never touched. */
  changed: { elderDue?: RuleChange; childDue?: RuleChange; highAgeBands?: RuleChange };
}

export const rulesSaveInput = z.object({
  elderDue: dueRuleInput.optional(),
  childDue: dueRuleInput.optional(),
  highAgeBands: highAgeBandsInput.optional(),
  /** Back to the national default for these rules. */
  reset: z.array(z.enum(['elderDue', 'childDue', 'highAgeBands'])).default([]),
});
export type RulesSaveInput = z.input<typeof rulesSaveInput>;

export const rulesOperations = {
  'rules.get': query<RulesRecord>()(z.object({})),
  /** County only: stations receive the rules by sync. */
  'rules.save': mutation<RulesRecord>()(rulesSaveInput),
} as const;
