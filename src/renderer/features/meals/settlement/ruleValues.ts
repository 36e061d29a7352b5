/**
 * The subsidy standard ⇄ the county's form. People type yuan; the contract keeps whole fen. An
 * empty input means "not set" and is left out, never sent as 0 (a 0 subsidy is a choice).
 */
import type { MealSubsidyRuleInput } from '../../../../shared/contract';
import { MEAL_CATEGORIES, MEAL_TIMES, type MealCategory, type MealSubsidyRule, type MealTime } from '../../../../shared/domain/meals';
import type { NamePath } from '../../../ui/formErrors';
import { fenOf } from '../money';

export type PerMealTimeYuan = Partial<Record<MealTime, number | null>>;

export interface RuleValues {
  effectiveFrom?: string;
  priceYuan: PerMealTimeYuan;
  subsidyYuan: Partial<Record<MealCategory, PerMealTimeYuan>>;
  deliveryFeeYuan?: number | null;
}

/** 普通 is someone outside the register: counted, never subsidised, so it has no inputs. */
export const SUBSIDISED_CATEGORIES = MEAL_CATEGORIES.filter((c) => c.value !== 'ordinary');

const toYuan = (per: Partial<Record<MealTime, number>> | undefined): PerMealTimeYuan =>
  Object.fromEntries(MEAL_TIMES.flatMap((t) => (per?.[t.value] === undefined ? [] : [[t.value, per[t.value]! / 100]])));

const toFen = (per: PerMealTimeYuan | undefined): Partial<Record<MealTime, number>> =>
  Object.fromEntries(MEAL_TIMES.flatMap((t) => (typeof per?.[t.value] === 'number' ? [[t.value, fenOf(per[t.value]!)]] : [])));

/** A new standard starts from the one in force, with no date: the date is the county's choice. */
export function ruleToValues(rule: MealSubsidyRule | null): RuleValues {
  if (!rule) return { priceYuan: {}, subsidyYuan: {} };
  return {
    priceYuan: toYuan(rule.priceFen),
    subsidyYuan: Object.fromEntries(SUBSIDISED_CATEGORIES.map((c) => [c.value, toYuan(rule.subsidyFen[c.value])])),
    deliveryFeeYuan: rule.deliveryFeeFen ? rule.deliveryFeeFen / 100 : null,
  };
}

export function valuesToRule(v: RuleValues): MealSubsidyRuleInput {
  const subsidyFen: MealSubsidyRuleInput['subsidyFen'] = {};
  for (const c of SUBSIDISED_CATEGORIES) {
    const per = toFen(v.subsidyYuan?.[c.value]);
    if (Object.keys(per).length > 0) subsidyFen[c.value] = per;
  }
  return {
    effectiveFrom: v.effectiveFrom ?? '',
    priceFen: toFen(v.priceYuan),
    subsidyFen,
    deliveryFeeFen: typeof v.deliveryFeeYuan === 'number' ? fenOf(v.deliveryFeeYuan) : 0,
  };
}

/** `rule.subsidyFen.dibao.lunch` (the contract's key) → the form's `subsidyYuan.dibao.lunch`. */
export function rulePathOf(key: string): NamePath {
  const bare = key.replace(/^rule\./, '').split('.');
  const [head, ...rest] = bare;
  const field = head === 'priceFen' ? 'priceYuan' : head === 'subsidyFen' ? 'subsidyYuan' : head === 'deliveryFeeFen' ? 'deliveryFeeYuan' : (head ?? '');
  return [field, ...rest];
}
