/**
 * A county and N enrolled stations, each a real core on its own data dir, set up through the real
 * operations (as the CLI does it) and exchanging bundles as files — no mocks, real crypto.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ChildInput, ChildRecord, ImportResult } from '../../../src/shared/contract';
import { createCore, type Core } from '../../../src/main/core/core';
import { DB_FILE } from '../../../src/main/core/db/open';
import { tempDir, validId } from '../../helpers/core';

export const COUNTY_CODE = '341723';
export const RONGCHENG = '341723100'; // 蓉城镇
export const MUZHEN = '341723101'; // 木镇镇
export const MIAOQIAN = '341723102'; // 庙前镇

export interface Side {
  code: string;
  dir: string;
  core: Core;
  passphrase: string;
  /** Who acts at this machine (recorded with every captured change). */
  actor: string;
}

export interface StationSide extends Side {
  /** Village codes of this station's township, from the core's places tree. */
  villages: string[];
}

export interface Bundle {
  path: string;
  kind: 'upstream' | 'downstream';
  /** The station that sent it (upstream) or that it is for (downstream). */
  station: string;
}

export interface World {
  root: string;
  county: Side;
  stations: StationSide[];
  station(code: string): StationSide;
  /** A station writes its next upstream bundle into the bundle folder. */
  upstream(station: StationSide): Promise<Bundle>;
  /** The county writes the next downstream bundle for a station. */
  downstream(station: StationSide): Promise<Bundle>;
  importAtCounty(paths: string[]): Promise<ImportResult[]>;
  importAtStation(station: StationSide, paths: string[]): Promise<ImportResult[]>;
  /** Imports a bundle where it is addressed. */
  deliver(bundle: Bundle): Promise<ImportResult>;
  /**
   * A full round for each given station (default: all): every station exports, the county imports
   * them all, then exports for each station and each imports. Every import must apply.
   */
  round(...stations: StationSide[]): Promise<void>;
  /** Closes a station's core and opens the data dir again (same actor, same passphrase). */
  reopen(station: StationSide): void;
  close(): void;
}

const COUNTY_PASSPHRASE = '县局同步口令-2024';
const passphraseOf = (code: string) => `站点口令-${code}`;

interface Layout {
  county: Omit<Side, 'core' | 'dir'>;
  stations: Omit<StationSide, 'core' | 'dir'>[];
}

/** Opens a core on every data dir under `root` and wires the bundle moves between them. */
function assemble(root: string, layout: Layout): World {
  const bundles = join(root, 'bundles');
  mkdirSync(bundles, { recursive: true });
  const open = (dir: string, actor: string) => createCore({ dataDir: dir, actor });
  const countyDir = join(root, 'county');
  const county: Side = { ...layout.county, dir: countyDir, core: open(countyDir, layout.county.actor) };
  const stations: StationSide[] = layout.stations.map((s) => {
    const dir = join(root, `station-${s.code}`);
    return { ...s, dir, core: open(dir, s.actor) };
  });

  const world: World = {
    root,
    county,
    stations,
    station(code) {
      const s = stations.find((x) => x.code === code);
      if (!s) throw new Error(`no station ${code} in this world`);
      return s;
    },
    async upstream(station) {
      const r = await station.core.call('sync.exportBundle', { outPath: bundles, passphrase: station.passphrase });
      return { path: r.path, kind: 'upstream', station: station.code };
    },
    async downstream(station) {
      const r = await county.core.call('sync.exportBundle', { outPath: bundles, passphrase: county.passphrase, for: station.code });
      return { path: r.path, kind: 'downstream', station: station.code };
    },
    async importAtCounty(paths) {
      return (await county.core.call('sync.importBundles', { paths, passphrase: county.passphrase })).results;
    },
    async importAtStation(station, paths) {
      return (await station.core.call('sync.importBundles', { paths, passphrase: station.passphrase })).results;
    },
    async deliver(bundle) {
      const results = bundle.kind === 'upstream' ? await world.importAtCounty([bundle.path]) : await world.importAtStation(world.station(bundle.station), [bundle.path]);
      return results[0]!;
    },
    async round(...which) {
      const list = which.length > 0 ? which : stations;
      const ups: Bundle[] = [];
      for (const s of list) ups.push(await world.upstream(s));
      const atCounty = await world.importAtCounty(ups.map((b) => b.path));
      expect(atCounty.map((r) => [r.outcome, r.detail])).toEqual(ups.map(() => ['applied', undefined]));
      for (const s of list) {
        const down = await world.downstream(s);
        const [r] = await world.importAtStation(s, [down.path]);
        expect([r?.outcome, r?.detail]).toEqual(['applied', undefined]);
      }
    },
    reopen(station) {
      station.core.close();
      station.core = open(station.dir, station.actor);
    },
    close() {
      county.core.close();
      for (const s of stations) s.core.close();
    },
  };
  layouts.set(world, layout);
  return world;
}

const layouts = new WeakMap<World, Layout>();

/**
 * Sets up a county (keys made) and the given stations, each enrolled from a file the county wrote.
 * With `handshake` (the default) each station's first bundle has reached the county and the
 * county's answer has come back, so both sides know each other's keys.
 */
export async function createWorld(opts: { stations: string[]; root?: string; handshake?: boolean }): Promise<World> {
  const root = opts.root ?? tempDir('ledger-world-');
  const layout: Layout = { county: { code: COUNTY_CODE, passphrase: COUNTY_PASSPHRASE, actor: '县局-李干事' }, stations: [] };
  const countyCore = createCore({ dataDir: join(root, 'county'), actor: layout.county.actor });
  try {
    await countyCore.call('station.init', { role: 'county', code: COUNTY_CODE, name: '青阳县民政局' });
    await countyCore.call('sync.createKeys', { passphrase: COUNTY_PASSPHRASE });
    const tree = await countyCore.call('places.tree', {});
    for (const code of opts.stations) {
      const township = tree.townships.find((t) => t.code === code);
      if (!township) throw new Error(`no township ${code}`);
      const enrolment = join(root, `enrol-${code}.json`);
      await countyCore.call('sync.enrolStation', { code, outPath: enrolment });
      const station = { code, actor: `社工-${township.name}`, passphrase: passphraseOf(code), villages: township.villages.map((v) => v.code) };
      const core = createCore({ dataDir: join(root, `station-${code}`), actor: station.actor });
      try {
        await core.call('station.init', { role: 'station', code, name: `${township.name}社工站` });
        await core.call('sync.acceptEnrolment', { path: enrolment, passphrase: station.passphrase });
      } finally {
        core.close();
      }
      layout.stations.push(station);
    }
  } finally {
    countyCore.close();
  }
  const world = assemble(root, layout);
  if (opts.handshake !== false) await world.round();
  return world;
}

/**
 * A copy of a closed world in a fresh folder, opened: for property runs, which each need a world
 * of their own but need not pay for key making and enrolment every time.
 */
export function cloneWorld(template: World): World {
  const layout = layouts.get(template);
  if (!layout) throw new Error('not a world');
  const root = tempDir('ledger-world-');
  cpSync(template.root, root, { recursive: true });
  return assemble(root, layout);
}

/** Removes a world's folders (for property runs that make many). */
export function disposeWorld(world: World): void {
  world.close();
  rmSync(world.root, { recursive: true, force: true });
}

/** The database file and key folder of a closed data dir, copied (a backup on a USB stick). */
export function copyDataDir(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) if (existsSync(join(from, f))) cpSync(join(from, f), join(to, f));
  cpSync(join(from, 'keys'), join(to, 'keys'), { recursive: true });
}

/** Restores a copy made by copyDataDir over a closed data dir. */
export function restoreDataDir(backup: string, dir: string): void {
  for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) rmSync(join(dir, f), { force: true });
  rmSync(join(dir, 'keys'), { recursive: true, force: true });
  copyDataDir(backup, dir);
}

/** Every row of every table, sorted, for "nothing changed" comparisons. */
export function snapshot(core: Core): Record<string, string[]> {
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (core.db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]),
  );
}

/** The full records of a station's children as a core holds them, by id. */
export async function childrenOf(core: Core, stationCode: string): Promise<ChildRecord[]> {
  const list = await core.call('children.list', { limit: 500 });
  expect(list.total).toBeLessThanOrEqual(500);
  const records: ChildRecord[] = [];
  for (const row of list.rows) {
    const r = await core.call('children.get', { id: row.id });
    if (r.stationCode === stationCode) records.push(r);
  }
  return records.sort((a, b) => a.id.localeCompare(b.id));
}

/** A stored record as form input again, for an edit of some of its fields. */
export function asInput(record: ChildRecord, over: Partial<ChildInput> = {}): ChildInput {
  const {
    id: _id,
    stationCode: _stationCode,
    birthDate: _birthDate,
    sex: _sex,
    townshipCode: _townshipCode,
    townshipName: _townshipName,
    villageName: _villageName,
    reportReasons: _reportReasons,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...data
  } = record;
  return { ...data, ...over };
}

export async function unconfirmed(station: StationSide): Promise<number> {
  const s = await station.core.call('sync.status', {});
  return s.station!.unconfirmed;
}

let idSeq = 0;
/** A valid ID number never used before in this test process (born 2015, so every category fits). */
export function freshIdNumber(): string {
  const n = idSeq++;
  const day = String(1 + (Math.floor(n / 1000) % 28)).padStart(2, '0');
  return validId(`341723201501${day}${String(n % 1000).padStart(3, '0')}`);
}
