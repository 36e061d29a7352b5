/**
 * Meal assistance through a real core: sites, diners and their categories, ticking a day (twice is
 * one meal), the month's settlement with the amounts each meal kept, and locking.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core';
import { createCore } from '../../../src/main/core/core';
import { monthBounds } from '../../../src/main/core/meals/attendance';
import type { MealSubsidyRuleInput } from '../../../src/shared/contract';
import { addDays, todayIso } from '../../../src/shared/domain/dates';
import { elderInput, mealSiteInput, stationCore, tempDir, validId, VILLAGE } from '../../helpers/core';

const today = todayIso();
const firstOfThisMonth = `${today.slice(0, 7)}-01`;
/** Last month: ended, so it can be settled and locked whatever day the suite runs. */
const month = addDays(firstOfThisMonth, -1).slice(0, 7);
const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;

const STANDARD: MealSubsidyRuleInput = {
  effectiveFrom: day(1),
  priceFen: { lunch: 1000 },
  subsidyFen: { tekun: { lunch: 1000 }, dibao: { lunch: 500 }, age_70: { lunch: 300 }, age_80: { lunch: 600 } },
  deliveryFeeFen: 200,
};

let core: Core;
let siteId: string;
let dibao: string;
let tekun: string;
let outsider: string;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir(), actor: '县局管理员' });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  await core.call('meals.rules.save', { rule: STANDARD });
  ({ id: siteId } = await core.call('meals.sites.save', { site: mealSiteInput() }));
  const { id: elderA } = await core.call('elders.create', elderInput({ name: '王秀英', economicStatus: 'dibao' }));
  const { id: elderB } = await core.call('elders.create', elderInput({ name: '李桂兰', idNumber: validId('34172319480505004'), economicStatus: 'general' }));
  ({ id: dibao } = await core.call('meals.diners.save', { siteId, diner: { elderId: elderA, startOn: day(1), stopOn: day(18) } }));
  ({ id: tekun } = await core.call('meals.diners.save', { siteId, diner: { elderId: elderB, startOn: day(1), categoryOverride: 'tekun', overrideReason: '县局认定为分散供养特困' } }));
  ({ id: outsider } = await core.call('meals.diners.save', { siteId, diner: { name: '赵大爷', startOn: day(1) } }));
});

describe('meal sites and diners', () => {
  it('lists the site with its diners in its township, owned by the township station', async () => {
    const { rows } = await core.call('meals.sites.list', {});
    expect(rows).toEqual([expect.objectContaining({ id: siteId, name: '百花村老年助餐点', stationCode: VILLAGE.slice(0, 9), villageName: '百花村', status: 'running' })]);
    const diners = await core.call('meals.diners.list', { siteId, includeStopped: true });
    expect(diners.map((d) => [d.name, d.categories])).toEqual([
      ['王秀英', ['dibao', 'age_70']],
      ['李桂兰', ['tekun']],
      ['赵大爷', []],
    ]);
    expect(diners.find((d) => d.name === '李桂兰')).toMatchObject({ derivedCategories: ['age_70'], categoryOverride: 'tekun' });
  });

  it('refuses an override without a reason, and enrolling the same elder twice over the same days', async () => {
    const elders = await core.call('elders.list', {});
    const elderId = elders.rows.find((e) => e.name === '王秀英')!.id;
    await expect(core.call('meals.diners.save', { siteId, diner: { elderId, startOn: day(5), categoryOverride: 'tekun' } })).rejects.toMatchObject({
      data: { fieldErrors: { 'diner.overrideReason': '调整补贴类别时请写明原因' } },
    });
    await expect(core.call('meals.diners.save', { siteId, diner: { elderId, startOn: day(5) } })).rejects.toMatchObject({ data: { fieldErrors: { 'diner.elderId': '该老人在这段时间已在本助餐点登记就餐' } } });
  });
});

describe('the sites list and an edited enrolment', () => {
  it('filters sites by kind, and gives back the ID number of a person outside the register so an edit keeps it', async () => {
    const station = await stationCore();
    const { id: point } = await station.call('meals.sites.save', { site: mealSiteInput() });
    await station.call('meals.sites.save', { site: mealSiteInput({ name: '蓉城镇老年食堂', kind: 'canteen', seats: 60 }) });
    expect((await station.call('meals.sites.list', { kind: 'point' })).rows.map((r) => r.name)).toEqual(['百花村老年助餐点']);
    expect((await station.call('meals.sites.list', { kind: 'canteen' })).rows.map((r) => r.name)).toEqual(['蓉城镇老年食堂']);

    const idNumber = validId('34172319550606003');
    const { id: elderId } = await station.call('elders.create', elderInput());
    await station.call('meals.diners.save', { siteId: point, diner: { name: '赵大爷', idNumber, startOn: today } });
    await station.call('meals.diners.save', { siteId: point, diner: { elderId, startOn: today } });
    const diners = await station.call('meals.diners.list', { siteId: point });
    expect(diners.map((d) => [d.name, d.idNumber])).toEqual([
      ['赵大爷', idNumber],
      ['王秀英', undefined],
    ]);
    station.close();
  });
});

describe('attendance', () => {
  it('ticking the same meal twice is one meal, and unticking removes it', async () => {
    const tick = { siteId, day: day(10), mealTime: 'lunch' as const, ticks: [{ dinerId: dibao, present: true }] };
    expect(await core.call('meals.attendance.set', tick)).toEqual({ meals: 1, changed: 1 });
    expect(await core.call('meals.attendance.set', tick)).toEqual({ meals: 1, changed: 0 });
    expect(await core.call('meals.attendance.set', { ...tick, ticks: [{ dinerId: dibao, present: false }] })).toEqual({ meals: 0, changed: 1 });
    expect(await core.call('meals.attendance.set', tick)).toEqual({ meals: 1, changed: 1 });
    const grid = await core.call('meals.attendance.month', { siteId, month });
    expect(grid.ticks).toEqual([expect.objectContaining({ dinerId: dibao, day: day(10), mealTime: 'lunch', method: 'late', subsidyFen: 500, paidFen: 500 })]);
  });

  it('refuses a meal time the site does not serve and a day after today', async () => {
    await expect(core.call('meals.attendance.set', { siteId, day: day(10), mealTime: 'dinner', ticks: [{ dinerId: dibao, present: true }] })).rejects.toMatchObject({ data: { fieldErrors: { mealTime: '该助餐点不供应这一餐次' } } });
    await expect(core.call('meals.attendance.set', { siteId, day: addDays(today, 1), mealTime: 'lunch', ticks: [{ dinerId: dibao, present: true }] })).rejects.toMatchObject({
      data: { fieldErrors: { day: '就餐日期不能晚于今天' } },
    });
  });
});

describe('settlement', () => {
  it('keeps each meal’s amounts through a change of standard mid-month, and sums per elder and category', async () => {
    await core.call('meals.attendance.set', { siteId, day: day(12), mealTime: 'lunch', ticks: [dibao, tekun, outsider].map((dinerId) => ({ dinerId, present: true })) });
    // From the 15th the 低保 subsidy rises; meals already ticked keep theirs.
    await core.call('meals.rules.save', { rule: { ...STANDARD, effectiveFrom: day(15), subsidyFen: { ...STANDARD.subsidyFen, dibao: { lunch: 700 } } } });
    await core.call('meals.attendance.set', { siteId, day: day(16), mealTime: 'lunch', ticks: [{ dinerId: dibao, present: true }, { dinerId: tekun, present: true, delivered: true }] });
    // After her stop date (the 18th) 王秀英 pays the full price.
    await core.call('meals.attendance.set', { siteId, day: day(20), mealTime: 'lunch', ticks: [{ dinerId: dibao, present: true }] });

    const s = await core.call('meals.settlement.get', { siteId, month });
    const byName = Object.fromEntries(s.persons.map((p) => [p.name, p]));
    expect(byName['王秀英']).toMatchObject({ meals: 4, subsidyFen: 500 + 500 + 700 + 0, paidFen: 500 + 500 + 300 + 1000 });
    expect(byName['李桂兰']).toMatchObject({ category: 'tekun', meals: 2, subsidyFen: 2000, paidFen: 0, deliveryFeeFen: 200 });
    expect(byName['赵大爷']).toMatchObject({ category: 'ordinary', meals: 1, subsidyFen: 0, paidFen: 1000 });
    expect(s.total).toEqual({ persons: 3, meals: 7, subsidyFen: 3700, paidFen: 3300, deliveryFeeFen: 200 });
    expect(s.categories.reduce((n, c) => n + c.subsidyFen, 0)).toBe(s.total.subsidyFen);
    // A day with three diners at a site serving two, and a meal after a stop date, wait for a person.
    expect(s.checks.map((c) => c.kind).sort()).toEqual(['after_stop', 'over_capacity']);
  });

  it('locks only with every check confirmed, then refuses meals; the county reopens it with a reason', async () => {
    const s = await core.call('meals.settlement.get', { siteId, month });
    await expect(core.call('meals.settlement.lock', { siteId, month, confirmedChecks: [] })).rejects.toMatchObject({ data: { message: '还有2项核对未确认，请逐项确认后再锁定' } });
    await core.call('meals.settlement.lock', { siteId, month, confirmedChecks: s.checks.map((c) => c.key) });
    expect(await core.call('meals.settlement.get', { siteId, month })).toMatchObject({ locked: true, lockedBy: '县局管理员' });
    await expect(core.call('meals.attendance.set', { siteId, day: day(21), mealTime: 'lunch', ticks: [{ dinerId: tekun, present: true }] })).rejects.toMatchObject({ data: { code: 'conflict' } });
    await core.call('meals.settlement.unlock', { siteId, month, reason: '补录遗漏的就餐记录' });
    expect(await core.call('meals.attendance.set', { siteId, day: day(21), mealTime: 'lunch', ticks: [{ dinerId: tekun, present: true }] })).toMatchObject({ changed: 1 });
  });

  it('refuses to lock a month that has not ended', async () => {
    const nextMonth = addDays(firstOfThisMonth, 32).slice(0, 7);
    await expect(core.call('meals.settlement.lock', { siteId, month: nextMonth, confirmedChecks: [] })).rejects.toMatchObject({ data: { message: '该月尚未结束，月末最后一天起才能结算锁定' } });
  });
});

describe('the county month', () => {
  it('shows each site’s meals and subsidy and the township’s running and built sites', async () => {
    const m = await core.call('meals.countyMonth', { month });
    expect(m.sites).toEqual([expect.objectContaining({ siteId, meals: 8, persons: 3, locked: false })]);
    expect(m.townships).toEqual([expect.objectContaining({ code: VILLAGE.slice(0, 9), name: '蓉城镇', built: 1, running: 1, meals: 8 })]);
  });
});

describe('a diner who leaves the register', () => {
  it('is subsidised up to the day the elder was deleted from the register, not after', async () => {
    let now = new Date(`${addDays(today, -10)}T09:00:00`);
    const c = createCore({ dataDir: tempDir(), actor: '县局管理员', now: () => now });
    await c.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    await c.call('meals.rules.save', { rule: { ...STANDARD, effectiveFrom: addDays(today, -30) } });
    const { id: site } = await c.call('meals.sites.save', { site: mealSiteInput() });
    const { id: elderId } = await c.call('elders.create', elderInput({ economicStatus: 'dibao' }));
    const { id: dinerId } = await c.call('meals.diners.save', { siteId: site, diner: { elderId, startOn: addDays(today, -20) } });
    const tick = (d: string) => c.call('meals.attendance.set', { siteId: site, day: d, mealTime: 'lunch', ticks: [{ dinerId, present: true }] });
    await tick(addDays(today, -10));
    await c.call('elders.delete', { id: elderId });
    now = new Date(`${addDays(today, -9)}T09:00:00`);
    await tick(addDays(today, -9));
    // The two days may fall in two months.
    const months = [...new Set([addDays(today, -10), addDays(today, -9)].map((d) => d.slice(0, 7)))];
    const grids = await Promise.all(months.map((month) => c.call('meals.attendance.month', { siteId: site, month })));
    const byDay = Object.fromEntries(grids.flatMap((g) => g.ticks).map((t) => [t.day, t.subsidyFen]));
    expect(byDay[addDays(today, -10)]).toBe(500);
    expect(byDay[addDays(today, -9)]).toBe(0);
    c.close();
  });
});

describe('meals on the workbench', () => {
  it('counts sites and this month’s meals, and lists a diner absent for 7 serving days', async () => {
    const c = createCore({ dataDir: tempDir(), actor: '县局管理员' });
    await c.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    const { id: site } = await c.call('meals.sites.save', { site: mealSiteInput({ dailyCapacity: 40 }) });
    await c.call('meals.sites.save', { site: mealSiteInput({ name: '筹建中的食堂', status: 'planned', builtOn: undefined }) });
    const { id: elderId } = await c.call('elders.create', elderInput());
    const { id: regular } = await c.call('meals.diners.save', { siteId: site, diner: { name: '天天来', startOn: addDays(today, -20) } });
    const { id: away } = await c.call('meals.diners.save', { siteId: site, diner: { elderId, startOn: addDays(today, -20) } });
    await c.call('meals.attendance.set', { siteId: site, day: today, mealTime: 'lunch', ticks: [{ dinerId: regular, present: true }] });
    // Serving every day: a last meal 8 days ago is 8 serving days absent.
    await c.call('meals.attendance.set', { siteId: site, day: addDays(today, -8), mealTime: 'lunch', ticks: [{ dinerId: away, present: true }] });
    const o = await c.call('meals.overview', {});
    expect(o).toMatchObject({ built: 1, running: 1, dinersToday: 2 });
    expect(o.mealsThisMonth).toBe(addDays(today, -8).slice(0, 7) === today.slice(0, 7) ? 2 : 1);
    expect(o.absent).toEqual([expect.objectContaining({ dinerId: away, elderId, name: '王秀英', lastMealOn: addDays(today, -8), servingDaysAbsent: 8 })]);
    c.close();
  });
});

describe('month ends', () => {
  it('a month runs to its own last day, 29 February in a leap year', () => {
    expect(monthBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(monthBounds('2027-02')).toEqual({ start: '2027-02-01', end: '2027-02-28' });
    expect(monthBounds('2026-12')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });
});
