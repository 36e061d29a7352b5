/**
 * The county's meal standard (餐标 and subsidies by category), kept as a list of rules each in force
 * from its date, in the `rules` table under 'mealSubsidy'. Stations receive it by sync and read it
 * only; no rule means no price and no subsidy, so meals are counted but nothing is paid.
 */
import { LedgerError, type ParsedInputOf } from '../../../shared/contract';
import type { MealSubsidyRule } from '../../../shared/domain/meals';
import type { CallContext, CoreContext } from '../context';
import { writeRule } from '../rules/handlers';
import { readRuleValue } from '../rules/read';

export function mealRules(ctx: CoreContext): MealSubsidyRule[] {
  return readRuleValue<MealSubsidyRule[]>(ctx.db, 'mealSubsidy') ?? [];
}

/** Adds the rule, replacing one that starts on the same day; a past month keeps its own meals' amounts. */
export function saveMealRule(ctx: CoreContext, call: CallContext, { rule }: ParsedInputOf<'meals.rules.save'>): { rules: MealSubsidyRule[] } {
  if (ctx.requireStation().role !== 'county') {
    throw new LedgerError({ code: 'conflict', message: '助餐补贴标准由县民政局统一设置，站点通过同步接收', detail: 'meal subsidy rules are set by the county' });
  }
  return ctx.write(call, (w) => {
    const rules = [...mealRules(ctx).filter((r) => r.effectiveFrom !== rule.effectiveFrom), rule].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    writeRule(w, 'mealSubsidy', rules);
    return { rules };
  });
}
