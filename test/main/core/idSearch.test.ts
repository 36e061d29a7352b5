/**
 * Lists show an ID masked (first 6, last 4): ID characters typed in a search match what the user
 * sees, the whole number, or a birth date, never digits hidden in the middle.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core';
import { addDays, todayIso } from '../../../src/shared/domain/dates';
import { idCheckChar, maskIdNumber } from '../../../src/shared/domain/idNumber';
import { childInput, elderInput, stationCore, validId } from '../../helpers/core';

/** A valid ID of someone born in `year` whose last four characters are `last4` (a 3-digit sequence and its check character). */
function idEndingIn(year: number, last4: string): string {
  for (let day = 0; day < 365; day++) {
    const birth = addDays(`${year}-01-01`, day).replaceAll('-', '');
    const first17 = `341723${birth}${last4.slice(0, 3)}`;
    if (idCheckChar(first17) === last4[3]) return first17 + last4[3];
  }
  throw new Error(`no ID of ${year} ends in ${last4}`);
}

const thisYear = Number(todayIso().slice(0, 4));

describe('ID search in the lists', () => {
  /** 甲's ID ends in 0317; 乙 was born on a 17 March, so 0317 sits in the masked middle of hers. */
  async function twoChildren(): Promise<{ core: Core; jia: string; yi: string }> {
    const core = await stationCore();
    const jia = idEndingIn(thisYear - 10, '0317');
    const yi = validId(`341723${thisYear - 9}0317035`);
    await core.call('children.create', childInput({ name: '甲', idNumber: jia }));
    await core.call('children.create', childInput({ name: '乙', idNumber: yi }));
    return { core, jia, yi };
  }

  it('four digits match the last four shown, not digits hidden in the middle', async () => {
    const { core, jia, yi } = await twoChildren();
    const names = async (search: string) => (await core.call('children.list', { search })).rows.map((r) => r.name);
    expect(maskIdNumber(yi)).not.toContain('0317');
    expect(await names('0317')).toEqual(['甲']);
    expect(await names('317')).toEqual(['甲']);
    expect(await names(yi.slice(-4))).toEqual(['乙']);
    // The whole number, typed from its start, or a birth date.
    expect(await names(yi)).toEqual(['乙']);
    expect(await names(jia.slice(0, 10))).toEqual(['甲']);
    expect(await names(`${thisYear - 9}0317`)).toEqual(['乙']);
    // The drowning register lists the same children by the same rule.
    const publicity = await core.call('drowning.publicity.list', { year: thisYear, search: '0317' });
    expect(publicity.rows.map((r) => r.name)).toEqual(['甲']);
  });

  it('the elders register matches the last four the same way', async () => {
    const core = await stationCore();
    await core.call('elders.create', elderInput({ name: '甲', idNumber: idEndingIn(1950, '0317'), groups: [] }));
    await core.call('elders.create', elderInput({ name: '乙', idNumber: validId('34172319510317035'), groups: [] }));
    const names = async (search: string) => (await core.call('elders.list', { search })).rows.map((r) => r.name);
    expect(await names('0317')).toEqual(['甲']);
    expect(await names('19510317')).toEqual(['乙']);
  });
});
