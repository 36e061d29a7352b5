/** The settlement arithmetic of meal assistance: amounts in fen, kept per meal, summed per month. */
import { describe, expect, it } from 'vitest';
import { addDays, birthDateForAge, isoWeekday, todayIso } from '../../src/shared/domain/dates';
import { mealCategoriesOf, mealCharge, ruleOn, settle, subsidisedOn, type MealCategory, type MealSubsidyRule, type SettledMeal } from '../../src/shared/domain/meals';

const today = todayIso();
const yearsAgo = (n: number) => birthDateForAge(today, n);

const RULE: MealSubsidyRule = {
  effectiveFrom: addDays(today, -400),
  priceFen: { lunch: 1000, dinner: 800 },
  subsidyFen: { tekun: { lunch: 1000, dinner: 800 }, dibao: { lunch: 500 }, age_80: { lunch: 600 }, age_70: { lunch: 300 }, age_60: { lunch: 200 } },
  deliveryFeeFen: 200,
};

describe('meal categories', () => {
  it('gives an elder every category they hold and one age band, in the order the sheet lists them', () => {
    expect(mealCategoriesOf({ birthDate: yearsAgo(82), economicStatus: 'dibao', capability: 'severe', groups: [] }, today)).toEqual(['dibao', 'disabled', 'age_80']);
    expect(mealCategoriesOf({ birthDate: yearsAgo(65), economicStatus: 'general', groups: ['dispersed_tekun'] }, today)).toEqual(['tekun', 'age_60']);
    expect(mealCategoriesOf({ birthDate: yearsAgo(70), groups: [] }, today)).toEqual(['age_70']);
    // The day before the 70th birthday still counts as 60—69.
    expect(mealCategoriesOf({ birthDate: yearsAgo(70), groups: [] }, addDays(today, -1))).toEqual(['age_60']);
  });
});

describe('meal charge', () => {
  it('takes the highest subsidy of the categories held, and the elder pays the rest', () => {
    expect(mealCharge(RULE, ['dibao', 'age_80'], 'lunch', { delivered: false, subsidised: true })).toEqual({ category: 'age_80', priceFen: 1000, subsidyFen: 600, paidFen: 400, deliveryFeeFen: 0 });
  });

  it('never lets a subsidy exceed the price, so the elder never pays below zero', () => {
    const generous: MealSubsidyRule = { ...RULE, subsidyFen: { tekun: { lunch: 1500 } } };
    expect(mealCharge(generous, ['tekun'], 'lunch', { delivered: false, subsidised: true })).toMatchObject({ subsidyFen: 1000, paidFen: 0 });
  });

  it('adds the delivery fee for a meal brought home', () => {
    expect(mealCharge(RULE, ['tekun'], 'dinner', { delivered: true, subsidised: true })).toEqual({ category: 'tekun', priceFen: 800, subsidyFen: 800, paidFen: 0, deliveryFeeFen: 200 });
  });

  it('gives no subsidy on a day the diner may not be subsidised, and full price to someone outside the register', () => {
    expect(mealCharge(RULE, ['tekun'], 'lunch', { delivered: false, subsidised: false })).toEqual({ category: 'tekun', priceFen: 1000, subsidyFen: 0, paidFen: 1000, deliveryFeeFen: 0 });
    expect(mealCharge(RULE, [], 'lunch', { delivered: false, subsidised: true })).toMatchObject({ category: 'ordinary', subsidyFen: 0, paidFen: 1000 });
  });

  it('charges nothing for a meal time the standard does not price', () => {
    expect(mealCharge(RULE, ['tekun'], 'breakfast', { delivered: false, subsidised: true })).toMatchObject({ priceFen: 0, subsidyFen: 0, paidFen: 0 });
  });
});

describe('the rule in force', () => {
  it('is the latest that started on or before the day, so a change mid-month splits the month', () => {
    const from = addDays(today, -10);
    const raised: MealSubsidyRule = { ...RULE, effectiveFrom: from, subsidyFen: { ...RULE.subsidyFen, age_80: { lunch: 800 } } };
    const rules = [raised, RULE];
    expect(ruleOn(rules, addDays(from, -1))).toBe(RULE);
    expect(ruleOn(rules, from)).toBe(raised);
    expect(ruleOn(rules, addDays(RULE.effectiveFrom, -1))).toBeNull();
    const before = mealCharge(ruleOn(rules, addDays(from, -1)), ['age_80'], 'lunch', { delivered: false, subsidised: true });
    const after = mealCharge(ruleOn(rules, from), ['age_80'], 'lunch', { delivered: false, subsidised: true });
    expect([before.subsidyFen, after.subsidyFen]).toEqual([600, 800]);
  });
});

describe('subsidised days', () => {
  it('run from the start date to the stop date, and end the day after a death or leaving the register', () => {
    const diner = { startOn: addDays(today, -30), stopOn: addDays(today, -5), endedOn: null };
    expect(subsidisedOn(diner, addDays(today, -31))).toBe(false);
    expect(subsidisedOn(diner, addDays(today, -30))).toBe(true);
    expect(subsidisedOn(diner, addDays(today, -5))).toBe(true);
    expect(subsidisedOn(diner, addDays(today, -4))).toBe(false);
    expect(subsidisedOn({ startOn: addDays(today, -30), endedOn: addDays(today, -10) }, addDays(today, -9))).toBe(false);
  });
});

describe('settlement', () => {
  const meal = (personKey: string, day: string, category: MealCategory, subsidyFen: number, paidFen: number, deliveryFeeFen = 0): SettledMeal => ({ personKey, day, category, subsidyFen, paidFen, deliveryFeeFen });

  it('sums per person and per category, and the totals equal the sum of the rows', () => {
    const meals = [meal('a', today, 'tekun', 1000, 0), meal('a', addDays(today, 1), 'tekun', 1000, 0, 200), meal('b', today, 'age_70', 300, 700), meal('c', today, 'age_70', 300, 700)];
    const s = settle(meals);
    expect(s.total).toEqual({ persons: 3, meals: 4, subsidyFen: 2600, paidFen: 1400, deliveryFeeFen: 200 });
    expect(s.categories).toEqual([
      { category: 'tekun', persons: 1, meals: 2, subsidyFen: 2000, paidFen: 0, deliveryFeeFen: 200 },
      { category: 'age_70', persons: 2, meals: 2, subsidyFen: 600, paidFen: 1400, deliveryFeeFen: 0 },
    ]);
    expect(s.persons.find((p) => p.personKey === 'a')).toMatchObject({ meals: 2, subsidyFen: 2000, deliveryFeeFen: 200 });
  });

  it('lists a person who turned 80 mid-month under the category of most of their meals, totals unchanged', () => {
    const s = settle([meal('a', today, 'age_70', 300, 700), meal('a', addDays(today, 1), 'age_80', 600, 400), meal('a', addDays(today, 2), 'age_80', 600, 400)]);
    expect(s.persons).toEqual([{ personKey: 'a', category: 'age_80', meals: 3, subsidyFen: 1500, paidFen: 1500, deliveryFeeFen: 0 }]);
    expect(s.categories.map((c) => [c.category, c.meals])).toEqual([
      ['age_80', 2],
      ['age_70', 1],
    ]);
  });

  it('an empty month settles to zero', () => {
    expect(settle([])).toEqual({ persons: [], categories: [], total: { persons: 0, meals: 0, subsidyFen: 0, paidFen: 0, deliveryFeeFen: 0 } });
  });
});

describe('serving days', () => {
  it('name a date’s ISO weekday as sites store them', () => {
    const days = Array.from({ length: 7 }, (_, i) => addDays(today, i));
    expect(new Set(days.map(isoWeekday)).size).toBe(7);
    expect(days.map((d) => Number(isoWeekday(d)))).toEqual(days.map((d) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1));
  });
});
