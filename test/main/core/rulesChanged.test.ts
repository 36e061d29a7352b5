/** Who set the county's rules and when: the county sees the person, a station the county's time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, disposeWorld, RONGCHENG, type World } from '../sync/world';

let world: World;
beforeAll(async () => {
  world = await createWorld({ stations: [RONGCHENG] });
}, 120_000);
afterAll(() => disposeWorld(world));

describe('rules: who set them and when', () => {
  it('names no change for a rule never set, then the county’s save at the county and at the station', async () => {
    const station = world.station(RONGCHENG);
    expect((await world.county.core.call('rules.get', {})).changed).toEqual({});

    const before = Date.now();
    const saved = await world.county.core.call('rules.save', { elderDue: { lines: [{ tiers: ['high'], frequency: 'weekly' }], otherwise: 'monthly' } });
    expect(saved.changed.elderDue?.by).toBe(world.county.actor);
    expect(Date.parse(saved.changed.elderDue!.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(saved.changed.childDue).toBeUndefined();

    await world.round(station);
    const atStation = await station.core.call('rules.get', {});
    // The county's own time travels with the rule; the person stays at the county.
    expect(atStation.changed.elderDue).toEqual({ at: saved.changed.elderDue!.at, by: null });
    expect(atStation.changed.highAgeBands).toBeUndefined();
  });
});
