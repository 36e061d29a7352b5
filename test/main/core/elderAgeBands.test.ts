/** The elders list's age ranges: every decade of the register, beside the high-age allowance classes. */
import { describe, expect, it } from 'vitest';
import { birthDateForAge, todayIso } from '../../../src/shared/domain/dates';
import { elderInput, stationCore, validId } from '../../helpers/core';

/** An ID of someone born on 1 January of the year that makes them `age` today. */
const idAged = (age: number, seq: string) => validId(`341723${birthDateForAge(todayIso(), age).replaceAll('-', '').slice(0, 4)}0101${seq}`);

describe('elders list by age range', () => {
  it('lists 60–69, 70–79, 80–89, 90–99 and 100+ apart', async () => {
    const core = await stationCore();
    const elders: [string, number][] = [['甲', 61], ['乙', 68], ['丙', 72], ['丁', 79], ['戊', 85], ['己', 93], ['庚', 101]];
    for (const [i, [name, age]] of elders.entries()) {
      await core.call('elders.create', elderInput({ name: `老人${name}`, idNumber: idAged(age, `00${2 * i + 2}`.slice(-3)), groups: [] }));
    }
    const names = async (ageBand: '60-69' | '70-79' | '80-89' | '90-99' | '100+') =>
      (await core.call('elders.list', { ageBand })).rows.map((r) => r.name);
    expect(await names('60-69')).toEqual(['老人甲', '老人乙']);
    expect(await names('70-79')).toEqual(['老人丙', '老人丁']);
    expect(await names('80-89')).toEqual(['老人戊']);
    expect(await names('90-99')).toEqual(['老人己']);
    expect(await names('100+')).toEqual(['老人庚']);
    // The allowance classes stay a filter of their own, combinable with a range.
    expect((await core.call('elders.list', { ageBand: '80-89', highAgeClass: '80-89' })).total).toBe(1);
    expect((await core.call('elders.list', { ageBand: '70-79', highAgeClass: '80-89' })).total).toBe(0);
  });
});
