/**
 * Input is judged against the core's clock, not the PC's: a core given `now` says what "today" is
 * for every rule of the form "not after today", as for everything it stores.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core';
import { LedgerError } from '../../../src/shared/contract';
import { todayIso } from '../../../src/shared/domain/dates';
import { addDays } from '../../../src/shared/domain/dates';
import { childInput, elderInput, stationCore } from '../../helpers/core';

const DAY_MS = 86_400_000;
/** A clock `days` away from the real one, ticking with it. */
const shifted = (days: number) => () => new Date(Date.now() + days * DAY_MS);

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LedgerError);
  expect((e as LedgerError).data.code).toBe('validation');
  return (e as LedgerError).data.fieldErrors ?? {};
}

const visit = (visitedOn: string) => ({ visitedOn, visitors: ['陈村医'], method: 'home' as const });

async function elder(core: Core): Promise<string> {
  return (await core.call('elders.create', elderInput())).id;
}

describe("a core's clock, when validating input", () => {
  it('a year ahead: accepts a visit after the real today, refuses one after its own today', async () => {
    const core = await stationCore({ now: shifted(365) });
    const today = todayIso(new Date(Date.now() + 365 * DAY_MS));
    const realToday = todayIso();
    const subjectId = await elder(core);
    const ahead = addDays(realToday, 30);
    expect(ahead > realToday && ahead < today).toBe(true);
    const { id } = await core.call('visits.create', { subjectKind: 'elder', subjectId, visit: visit(ahead) });
    expect((await core.call('visits.get', { id })).visitedOn).toBe(ahead);
    expect((await core.call('visits.create', { subjectKind: 'elder', subjectId, visit: visit(today) })).id).toBeTruthy();
    const tooLate = await refusal(core.call('visits.create', { subjectKind: 'elder', subjectId, visit: visit(addDays(today, 1)) }));
    expect(tooLate['visit.visitedOn']).toBe('探访日期不能晚于今天');
    // Outside a core call, today is the real one again.
    expect(todayIso()).toBe(realToday);
    core.close();
  });

  it("a year ahead: accepts a publicity in the core's year, dated after the real today; refuses one after the core's today", async () => {
    const core = await stationCore({ now: shifted(365) });
    const today = todayIso(new Date(Date.now() + 365 * DAY_MS));
    const year = Number(today.slice(0, 4));
    const childId = (await core.call('children.create', childInput())).id;
    expect(today > todayIso()).toBe(true);
    await core.call('drowning.publicity.save', { childId, year, letterOn: today });
    expect((await core.call('drowning.publicity.forChild', { childId })).map((r) => [r.year, r.letterOn])).toEqual([[year, today]]);
    const tooLate = await refusal(core.call('drowning.publicity.save', { childId, year, letterOn: today, pledgeOn: addDays(today, 1) }));
    expect(tooLate.pledgeOn).toMatch(/不能晚于今天/);
    core.close();
  });

  it('a year behind: refuses a visit dated the real today', async () => {
    const core = await stationCore({ now: shifted(-365) });
    const subjectId = await elder(core);
    const refused = await refusal(core.call('visits.create', { subjectKind: 'elder', subjectId, visit: visit(todayIso()) }));
    expect(refused['visit.visitedOn']).toBe('探访日期不能晚于今天');
    core.close();
  });

  it('a year ahead: demo data loads, every demo record dated by the core\'s today', async () => {
    const core = await stationCore({ now: shifted(365) });
    const loaded = await core.call('demo.load', { scale: 'small' });
    expect(loaded.women).toBeGreaterThan(0);
    const latest = core.db.prepare('SELECT max(visited_on) AS d FROM visits').get() as { d: string };
    expect(latest.d > todayIso()).toBe(true);
  });
});
