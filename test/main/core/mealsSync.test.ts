/**
 * Meal assistance across the county: the county's subsidy standard reaches the stations, each
 * station's meals reach the county with the amounts they were ticked at, and the county's month
 * sums both; a month the county reopens reaches its station.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../src/shared/domain/dates';
import { elderInput, mealSiteInput, validId } from '../../helpers/core';
import { createWorld, disposeWorld, MUZHEN, RONGCHENG, type StationSide, type World } from '../sync/world';

const month = addDays(`${todayIso().slice(0, 7)}-01`, -1).slice(0, 7);
const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;

let world: World;
beforeAll(async () => {
  world = await createWorld({ stations: [RONGCHENG, MUZHEN] });
}, 120_000);
afterAll(() => disposeWorld(world));

/** A site at the station with one 低保 elder and one person outside the register; each eats on days 3 to 7. */
async function siteWithMeals(s: StationSide, idSeed: string): Promise<string> {
  const { id: siteId } = await s.core.call('meals.sites.save', { site: mealSiteInput({ villageCode: s.villages[0]!, name: `${s.code}助餐点` }) });
  const { id: elderId } = await s.core.call('elders.create', elderInput({ idNumber: validId(idSeed), villageCode: s.villages[0]!, economicStatus: 'dibao' }));
  const dinerIds = [
    (await s.core.call('meals.diners.save', { siteId, diner: { elderId, startOn: day(1) } })).id,
    (await s.core.call('meals.diners.save', { siteId, diner: { name: '赵大爷', startOn: day(1) } })).id,
  ];
  for (let d = 3; d <= 7; d++) await s.core.call('meals.attendance.set', { siteId, day: day(d), mealTime: 'lunch', ticks: dinerIds.map((dinerId) => ({ dinerId, present: true })) });
  return siteId;
}

describe('meal assistance across the county', () => {
  it('the standard reaches the stations; their meals reach the county and its month sums both', async () => {
    const a = world.station(RONGCHENG);
    const b = world.station(MUZHEN);
    await world.county.core.call('meals.rules.save', { rule: { effectiveFrom: day(1), priceFen: { lunch: 1000 }, subsidyFen: { dibao: { lunch: 500 } }, deliveryFeeFen: 0 } });
    await expect(a.core.call('meals.rules.save', { rule: { effectiveFrom: day(1), priceFen: {}, subsidyFen: {}, deliveryFeeFen: 0 } })).rejects.toMatchObject({ data: { code: 'conflict' } });
    await world.round(a, b);
    expect((await b.core.call('meals.rules.get', {})).rules).toHaveLength(1);

    const siteA = await siteWithMeals(a, '34172319500101002');
    const siteB = await siteWithMeals(b, '34172319510202002');
    await world.round(a, b);

    const county = await world.county.core.call('meals.countyMonth', { month });
    expect(county.sites.map((s) => [s.siteId, s.meals, s.persons, s.subsidyFen]).sort()).toEqual(
      [
        [siteA, 10, 2, 2500],
        [siteB, 10, 2, 2500],
      ].sort(),
    );
    expect(county.townships.map((t) => [t.code, t.meals, t.subsidyFen]).sort()).toEqual([
      [RONGCHENG, 10, 2500],
      [MUZHEN, 10, 2500],
    ].sort());
    // The station sees only its own sites.
    expect((await a.core.call('meals.countyMonth', { month })).sites.map((s) => s.siteId)).toEqual([siteA]);
    const atCounty = await world.county.core.call('meals.settlement.get', { siteId: siteA, month });
    expect(atCounty.total).toEqual({ persons: 2, meals: 10, subsidyFen: 2500, paidFen: 7500, deliveryFeeFen: 0 });
  });

  it('a month the station locked and the county reopened is open again at the station', async () => {
    const a = world.station(RONGCHENG);
    const siteId = (await a.core.call('meals.sites.list', {})).rows[0]!.id;
    await a.core.call('meals.settlement.lock', { siteId, month, confirmedChecks: [] });
    await world.round(a);
    expect(await world.county.core.call('meals.settlement.get', { siteId, month })).toMatchObject({ locked: true });
    await expect(a.core.call('meals.settlement.unlock', { siteId, month, reason: '更正' })).rejects.toMatchObject({ data: { code: 'conflict' } });
    await world.county.core.call('meals.settlement.unlock', { siteId, month, reason: '补录遗漏的就餐记录' });
    await world.round(a);
    expect(await a.core.call('meals.settlement.get', { siteId, month })).toMatchObject({ locked: false });
  });
});
