/**
 * Long writes (demo data now, bundle imports later) run in one transaction that pauses between
 * chunks: progress reaches the window while they run, other calls wait for them, and a failure
 * part-way leaves nothing behind.
 */
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../src/main/core/appRoot';
import { createCoreContext } from '../../../src/main/core/context';
import { createCore } from '../../../src/main/core/core';
import { insertRow } from '../../../src/main/core/sync/capture';
import { stationCore, tempDir } from '../../helpers/core';

async function countyCore() {
  const core = createCore({ dataDir: tempDir(), actor: 'tester' });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  return core;
}

describe('long writes', () => {
  it('let the event loop turn between progress reports, so progress is delivered while loading', async () => {
    const core = await countyCore();
    let ticks = 0;
    let running = true;
    const spin = () => {
      ticks++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const ticksAtProgress: number[] = [];
    await core.call('demo.load', { scale: 'county' }, { onProgress: () => ticksAtProgress.push(ticks) });
    running = false;
    expect(ticksAtProgress.length).toBeGreaterThan(10);
    // The loop ran between the first and the last report: a host could flush each one.
    expect(ticksAtProgress.at(-1)!).toBeGreaterThan(ticksAtProgress[0]!);
  });

  it('make other calls wait, so they never see half a load', async () => {
    const core = await countyCore();
    const load = core.call('demo.load', { scale: 'county' });
    const during = core.call('children.list', { limit: 1 });
    const [loaded, list] = await Promise.all([load, during]);
    expect(list.total).toBe(loaded.children);
  });

  it('roll back whole when they fail part-way, after pausing', async () => {
    const core = await stationCore();
    const ctx = createCoreContext({ db: core.db, dataDir: core.dataDir, appRoot: findAppRoot(), appVersion: 'test', now: () => new Date() });
    const call = { operation: 'test.fail', actor: 'tester', progress: () => {} };
    const before = core.db.prepare('SELECT count(*) AS n FROM sync_outbox').get();
    await expect(
      ctx.writeInChunks(call, async (w, pause) => {
        insertRow(w, 'children', 'half-written', {
          name: '半截', name_pinyin: 'banjie', name_initials: 'bj', id_number: '341723201501010016', birth_date: '2015-01-01', sex: 'M',
          township_code: '341723100', village_code: '341723100200',
        });
        await pause();
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(core.db.inTransaction).toBe(false);
    expect(core.db.prepare("SELECT count(*) AS n FROM children WHERE id = 'half-written'").get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual(before);
  });
});
