/**
 * Visits and rules across the county: a station's visits reach the county; the county's rules
 * reach every station; an elder who moved townships takes contacts and visits to the new station.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitInput } from '../../../src/shared/contract';
import { elderInput, validId } from '../../helpers/core';
import { createWorld, disposeWorld, MUZHEN, RONGCHENG, type World } from '../sync/world';

const visit = (visitedOn: string): VisitInput => ({ visitedOn, visitors: ['陈村医'], method: 'home' });

let world: World;
beforeAll(async () => {
  world = await createWorld({ stations: [RONGCHENG, MUZHEN] });
}, 120_000);
afterAll(() => disposeWorld(world));

describe('visits and rules across the county', () => {
  it('a station’s visits and major changes reach the county, whose due list and rates count them', async () => {
    const a = world.station(RONGCHENG);
    const { id } = await a.core.call('elders.create', elderInput({ villageCode: a.villages[0]! }));
    await a.core.call('visits.create', { subjectKind: 'elder', subjectId: id, visit: visit('2026-11-02') });
    await a.core.call('visits.saveMajorChange', { subjectKind: 'elder', subjectId: id, change: { occurredOn: '2026-11-01', description: '老伴去世' } });
    await world.round(a);
    const atCounty = await world.county.core.call('visits.timeline', { subjectKind: 'elder', subjectId: id });
    expect(atCounty.visits.map((v) => v.visitedOn)).toEqual(['2026-11-02']);
    expect(atCounty.majorChanges.map((c) => [c.description, c.visited])).toEqual([['老伴去世', true]]);
    const rate = await world.county.core.call('workbench.visitRate', { month: '2026-11', scope: 'elders' });
    expect(rate.rows.find((r) => r.code === RONGCHENG)).toMatchObject({ eligible: 1, visited: 1 });
  });

  it('the county’s visit rule reaches the stations, which may not change it', async () => {
    const b = world.station(MUZHEN);
    await world.county.core.call('rules.save', { elderDue: { lines: [{ tiers: ['general'], frequency: 'weekly' }], otherwise: 'monthly' } });
    expect((await b.core.call('rules.get', {})).source.elderDue).toBe('default');
    await world.round(b);
    const rules = await b.core.call('rules.get', {});
    expect(rules.source.elderDue).toBe('county');
    expect(rules.elderDue.otherwise).toBe('monthly');
    const { id } = await b.core.call('elders.create', elderInput({ idNumber: validId('34172319480808001'), villageCode: b.villages[0]!, riskTier: 'general' }));
    expect((await b.core.call('visits.timeline', { subjectKind: 'elder', subjectId: id })).due?.frequency).toBe('weekly');
    await expect(b.core.call('rules.save', { reset: ['elderDue'] })).rejects.toMatchObject({ data: { code: 'conflict' } });
  });

  it('an elder who moved townships takes contacts, agreements and visits to the new station', async () => {
    const a = world.station(RONGCHENG);
    const b = world.station(MUZHEN);
    const { id } = await a.core.call('elders.create', elderInput({ idNumber: validId('34172319400404002'), name: '钱奶奶', villageCode: a.villages[0]! }));
    await a.core.call('elders.saveContact', { elderId: id, contact: { name: '钱建国', relationship: 'son', phone: '13811112222', registeredOn: '2025-09-01' } });
    await a.core.call('visits.create', { subjectKind: 'elder', subjectId: id, visit: visit('2026-10-15') });
    await world.round(a);

    await expect(a.core.call('elders.transfer', { id, villageCode: b.villages[0]! })).rejects.toMatchObject({ data: { code: 'conflict', message: '老人迁移只能由县局办理' } });
    expect(await world.county.core.call('elders.transfer', { id, villageCode: b.villages[0]! })).toEqual({ id, stationCode: MUZHEN });
    await world.round(a, b);

    expect((await a.core.call('elders.list', {})).rows.map((r) => r.id)).not.toContain(id);
    await expect(a.core.call('visits.create', { subjectKind: 'elder', subjectId: id, visit: visit('2026-11-01') })).rejects.toMatchObject({ data: { code: 'conflict' } });
    const atB = await b.core.call('elders.get', { id });
    expect(atB).toMatchObject({ name: '钱奶奶', stationCode: MUZHEN, villageCode: b.villages[0] });
    expect(atB.contacts.map((c) => c.name)).toEqual(['钱建国']);
    const timeline = await b.core.call('visits.timeline', { subjectKind: 'elder', subjectId: id });
    // The old visit keeps the village where it took place.
    expect(timeline.visits.map((v) => [v.visitedOn, v.villageCode])).toEqual([['2026-10-15', a.villages[0]]]);
    await b.core.call('visits.create', { subjectKind: 'elder', subjectId: id, visit: visit('2026-11-03') });
    await world.round(b);
    expect((await world.county.core.call('visits.timeline', { subjectKind: 'elder', subjectId: id })).visits).toHaveLength(2);
    expect(await world.county.core.call('sync.conflicts', {})).toEqual([]);
  });
});
