/** A subsidy standard in words, as a station reads it. */
import { labelOf } from '../../../../shared/domain/labels';
import { MEAL_CATEGORIES, MEAL_TIMES, type MealSubsidyRule, type MealTime } from '../../../../shared/domain/meals';
import { yuan } from '../money';

/** The meal times the standard prices, in the day's order. */
export function pricedTimes(rule: MealSubsidyRule): MealTime[] {
  return MEAL_TIMES.map((t) => t.value).filter((t) => rule.priceFen[t] !== undefined);
}

/** One line per priced meal time: 午餐：餐标 10.00 元，补贴 特困 10.00 元、低保 5.00 元. */
export function ruleLines(rule: MealSubsidyRule): string[] {
  const lines = pricedTimes(rule).map((t) => {
    const subsidies = MEAL_CATEGORIES.flatMap((c) => {
      const fen = rule.subsidyFen[c.value]?.[t];
      return fen === undefined ? [] : [`${c.label} ${yuan(fen)} 元`];
    });
    return `${labelOf(MEAL_TIMES, t)}：餐标 ${yuan(rule.priceFen[t] ?? 0)} 元，${subsidies.length > 0 ? `补贴 ${subsidies.join('、')}` : '无补贴'}`;
  });
  lines.push(rule.deliveryFeeFen > 0 ? `送餐费 ${yuan(rule.deliveryFeeFen)} 元/餐，由老人支付` : '送餐不收费');
  return lines;
}
