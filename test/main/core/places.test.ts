import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core/core';
import { tempDir } from '../../helpers/core';

describe('shipped divisions', () => {
  it('lists each shipped county with its townships before the data dir is set up, for the setup page to choose from', async () => {
    const core = createCore({ dataDir: tempDir() });
    expect((await core.call('station.info', {})).initialised).toBe(false);
    const counties = await core.call('places.shipped', {});
    expect(counties.map((c) => [c.code, c.name])).toEqual([['341723', '青阳县']]);
    expect(counties[0]!.townships).toContainEqual({ code: '341723100', name: '蓉城镇' });
    expect(counties[0]!.townships.every((t) => /^341723\d{3}$/.test(t.code) && t.name !== '')).toBe(true);
    core.close();
  });

  it('offers townships that setup accepts', async () => {
    const core = createCore({ dataDir: tempDir() });
    const [county] = await core.call('places.shipped', {});
    const township = county!.townships.at(-1)!;
    const info = await core.call('station.init', { role: 'station', code: township.code, name: `${township.name}社工站` });
    expect(info).toMatchObject({ initialised: true, code: township.code, countyCode: county!.code, countyName: county!.name });
    core.close();
  });
});
