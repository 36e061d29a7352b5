/**
 * The sync benchmark: a county and all its stations (14 in 青阳县), each with its share of the
 * county-scale demo (6,000 children, 3,500 elders, their categories, groups, contacts, agreements
 * and a year of visits), set up through the core's own operations as the CLI does it.
 * Each station exports its upstream bundle; the county then imports all of them in one
 * `sync.importBundles` call, in a child process (test/bench/syncImport.ts) so that the peak RSS
 * reported is the import's own.
 *
 * Beside the import, in the same run: the same rows (every station register the demo writes, every
 * column, taken from the stations' tables) inserted with prepared better-sqlite3 statements in one
 * transaction into a fresh county database with the same schema and pragmas — the floor any import
 * could reach. And beside the bundle files: the JSON the payloads hold, uncompressed.
 *
 * Targets (reported, never asserted): import ≥ 40% of the raw insert rate, bundles ≤ 30% of their
 * JSON, county peak RSS during the import < 300 MB.
 *
 * Beside the import, the export: every station's `sync.exportBundle` (median of EXPORT_ROUNDS per
 * station), summed over the same rows the county imports, as a ratio of the import's time. A
 * station's export should take less time than the county's import of the same bundle.
 *
 * What the figures include: export and import are whole operations, so each pays one scrypt key
 * unlock (~100 ms here). The child's RSS includes tsx compiling the core (its "before" figure,
 * ~160 MB); an installed app loads bundled JavaScript instead.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ExportResult, ImportResult } from '../../src/shared/contract';
import { findAppRoot } from '../../src/main/core/appRoot';
import { createCore, type Core } from '../../src/main/core/core';
import { openDatabase, type Sqlite } from '../../src/main/core/db/open';
import { SYNCED_TABLES, type SyncedTableName } from '../../src/main/core/sync/tables';
import { buildUpstream } from '../../src/main/core/sync/upstream';

export const SYNC_TARGETS = { minImportToRaw: 0.4, maxBundleToJson: 0.3, maxPeakRssMB: 300 } as const;

const COUNTY = { code: '341723', name: '青阳县民政局' };
const COUNTY_PASSPHRASE = 'bench-county-passphrase';
/** Exports per station; the median counts (an export only rewrites the same bundle). */
const EXPORT_ROUNDS = 3;
/** A station's own registers, parents first as tables.ts declares them (child_categories references children). */
const TABLES = (Object.keys(SYNCED_TABLES) as SyncedTableName[]).filter((t) => SYNCED_TABLES[t].owner === 'station');

export interface SyncReport {
  stations: number;
  children: number;
  /** Rows per table, over all stations. */
  tables: Record<string, number>;
  /** Change entries in the bundles (= rows: the demo writes each row once). */
  rows: number;
  setupSeconds: number;
  /** Import and raw insert runs (medians reported). */
  rounds: number;
  /** 1-minute load average at the end: other work on a 2-core machine moves every figure. */
  loadAverage: number;
  /** The export of the largest station's upstream bundle. */
  export: { station: string; name: string; rows: number; ms: number; rowsPerSecond: number; bytes: number };
  /** Every station's export (median of its runs), summed: the rows the county imports. */
  exportAll: { rows: number; ms: number; rowsPerSecond: number };
  /** Export time of all bundles over the import time of the same bundles: below 1, the export is faster. */
  exportToImport: number;
  import: {
    /** Median wall time of the `sync.importBundles` call. */
    ms: number;
    samplesMs: number[];
    /** Change entries applied (one per row of every table). */
    applied: number;
    rowsPerSecond: number;
    alreadyHad: number;
    conflicts: number;
    refused: number;
    /** Every bundle applied and the county now holds every row. */
    complete: boolean;
  };
  raw: { rows: number; ms: number; samplesMs: number[]; rowsPerSecond: number };
  /** Import rate over raw insert rate. */
  importToRaw: number;
  bundles: { bytes: number; jsonBytes: number; ratio: number };
  /** Decimal MB (maxRSS of the child processes, highest run): after opening the core, and the peak. */
  peakRssMB: { beforeImport: number; import: number };
  targets: { importToRaw: boolean; bundleToJson: boolean; peakRss: boolean };
  meetsTargets: boolean;
}

interface ChildOutput {
  ms: number;
  results: ImportResult[];
  maxRssBeforeKiB: number;
  maxRssKiB: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kibToMB = (kib: number) => round2((kib * 1024) / 1e6);
const count = (db: Sqlite, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Runs the county import in its own process; `profileDir` adds --cpu-prof there. */
function importInChild(appRoot: string, args: { dataDir: string; passphrase: string; paths: string[] }, profileDir?: string): Promise<ChildOutput> {
  const script = join(appRoot, 'test', 'bench', 'syncImport.ts');
  const nodeArgs = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), script, JSON.stringify(args)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: appRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => (out += s));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`sync import child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ChildOutput);
      } catch (e) {
        reject(new Error(`sync import child printed no JSON: ${String(e)}`));
      }
    });
  });
}

type Statement = Database.Statement<unknown[], unknown>;
export type StationRows = Map<string, { columns: string[]; rows: unknown[][] }>;

/** Every row of the demo tables of a station, as arrays in column order. */
function readRows(db: Sqlite): StationRows {
  const out: StationRows = new Map();
  for (const t of TABLES) {
    const stmt = db.prepare(`SELECT * FROM ${t}`);
    out.set(t, { columns: stmt.columns().map((c) => c.name), rows: stmt.raw().all() as unknown[][] });
  }
  return out;
}

/** The yardstick: the stations' rows into a fresh county database, one transaction, prepared statements. */
export function rawInsert(db: Sqlite, perStation: StationRows[]): { rows: number; ms: number } {
  const inserts = new Map<string, Statement>();
  for (const t of TABLES) {
    const columns = perStation[0]!.get(t)!.columns;
    inserts.set(t, db.prepare(`INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`));
  }
  let rows = 0;
  const started = performance.now();
  db.transaction(() => {
    for (const t of TABLES) {
      const insert = inserts.get(t)!;
      for (const station of perStation) {
        for (const row of station.get(t)!.rows) insert.run(...row);
        rows += station.get(t)!.rows.length;
      }
    }
  }).immediate();
  return { rows, ms: performance.now() - started };
}

/** A county with every station enrolled and its upstream bundle written; all cores closed. */
export interface SyncWorld {
  root: string;
  countyDir: string;
  countyPassphrase: string;
  /** The upstream bundle files, one per station. */
  paths: string[];
  /** Each station's demo rows, for the raw insert. */
  perStation: StationRows[];
  /** Rows per table, over all stations (tables the demo left empty are left out). */
  tables: Record<string, number>;
  jsonBytes: number;
  bundleBytes: number;
  largestExport: SyncReport['export'];
  exportAll: SyncReport['exportAll'];
  setupSeconds: number;
}

/** Builds the county and all its stations under `root` through the core's operations. */
export async function buildSyncWorld(root: string, say: (line: string) => void): Promise<SyncWorld> {
  const bundleDir = join(root, 'bundles');
  mkdirSync(bundleDir, { recursive: true });
  const open: Core[] = [];
  const openCore = (dir: string) => {
    const core = createCore({ dataDir: join(root, dir), actor: 'bench' });
    open.push(core);
    return core;
  };
  const closeCore = (core: Core) => {
    core.close();
    open.splice(open.indexOf(core), 1);
  };
  try {
    const setupStarted = performance.now();
    const county = openCore('county');
    await county.call('station.init', { role: 'county', ...COUNTY });
    await county.call('sync.createKeys', { passphrase: COUNTY_PASSPHRASE });
    const tree = await county.call('places.tree', {});
    say(`sync: setting up the county and ${tree.townships.length} stations with county-scale demo data in ${root} ...`);

    const paths: string[] = [];
    const perStation: StationRows[] = [];
    let jsonBytes = 0;
    let bundleBytes = 0;
    let largest: SyncReport['export'] | null = null;
    let exportMs = 0;
    let exportRows = 0;
    for (const t of tree.townships) {
      const enrolment = join(root, `enrol-${t.code}.json`);
      await county.call('sync.enrolStation', { code: t.code, outPath: enrolment });
      const station = openCore(`station-${t.code}`);
      const passphrase = `bench-${t.code}`;
      await station.call('station.init', { role: 'station', code: t.code, name: `${t.name}社工站` });
      await station.call('sync.acceptEnrolment', { path: enrolment, passphrase });
      await station.call('demo.load', { scale: 'county' });
      // What the payload holds before gzip and encryption: the outbox entries as JSON.
      jsonBytes += Buffer.byteLength(JSON.stringify(buildUpstream(station.db, 0).payload), 'utf8');
      const runs: { ms: number; r: ExportResult }[] = [];
      for (let i = 0; i < EXPORT_ROUNDS; i++) {
        const started = performance.now();
        const r = await station.call('sync.exportBundle', { outPath: join(bundleDir, `${t.code}.slbundle`), passphrase });
        runs.push({ ms: performance.now() - started, r });
      }
      const ms = median(runs.map((x) => x.ms));
      const r = runs[runs.length - 1]!.r;
      const rows = r.changes;
      exportMs += ms;
      exportRows += rows;
      if (!largest || rows > largest.rows) largest = { station: t.code, name: t.name, rows, ms: round2(ms), rowsPerSecond: Math.round(rows / (ms / 1000)), bytes: r.bytes };
      bundleBytes += statSync(r.path).size;
      paths.push(r.path);
      perStation.push(readRows(station.db));
      closeCore(station);
    }
    closeCore(county);
    return {
      root,
      countyDir: join(root, 'county'),
      countyPassphrase: COUNTY_PASSPHRASE,
      paths,
      perStation,
      tables: Object.fromEntries(
        TABLES.map((t) => [t, perStation.reduce((n, s) => n + s.get(t)!.rows.length, 0)] as const).filter(([, n]) => n > 0),
      ),
      jsonBytes,
      bundleBytes,
      largestExport: largest!,
      exportAll: { rows: exportRows, ms: round2(exportMs), rowsPerSecond: Math.round(exportRows / (exportMs / 1000)) },
      setupSeconds: round2((performance.now() - setupStarted) / 1000),
    };
  } finally {
    for (const core of open.splice(0)) core.close();
  }
}

/** A fresh county data dir (same migrations, reference data and pragmas as the county), opened raw. */
export async function freshCountyDb(dir: string): Promise<Sqlite> {
  const core = createCore({ dataDir: dir, actor: 'bench' });
  try {
    await core.call('station.init', { role: 'county', ...COUNTY });
  } finally {
    core.close();
  }
  return openDatabase(dir);
}

/**
 * The county import and the raw insert, ROUNDS times each, interleaved (each import on its own
 * copy of the county as it stood before any bundle); medians are reported. One import run is
 * seconds long and the raw insert a fraction of one, so a single disk stall would swing the ratio.
 */
export async function runSyncBench(say: (line: string) => void, opts: { profileDir?: string; rounds?: number } = {}): Promise<SyncReport> {
  const appRoot = findAppRoot();
  const rounds = opts.rounds ?? 3;
  const root = mkdtempSync(join(tmpdir(), 'ledger-bench-sync-'));
  try {
    const world = await buildSyncWorld(root, say);
    const { tables, paths } = world;
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    say(`sync: ${rows} rows (${describeTables(tables)}) in ${paths.length} bundles (${world.setupSeconds} s); importing at the county, ${rounds} rounds ...`);

    const imports: ChildOutput[] = [];
    const raws: { rows: number; ms: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      const countyDir = join(root, `county-import-${i}`);
      cpSync(world.countyDir, countyDir, { recursive: true });
      imports.push(await importInChild(appRoot, { dataDir: countyDir, passphrase: world.countyPassphrase, paths }, i === 0 ? opts.profileDir : undefined));
      const rawDb = await freshCountyDb(join(root, `raw-${i}`));
      try {
        raws.push(rawInsert(rawDb, world.perStation));
      } finally {
        rawDb.close();
      }
      say(`  round ${i + 1}: import ${Math.round(imports[i]!.ms)} ms, raw insert ${Math.round(raws[i]!.ms)} ms`);
    }

    // Every round must have applied every row; the first one is checked against the database too.
    const sum = (child: ChildOutput, k: 'applied' | 'alreadyHad' | 'conflicts' | 'refused') => child.results.reduce((n, r) => n + r[k], 0);
    const first = imports[0]!;
    const applied = sum(first, 'applied');
    const countyDb = openDatabase(join(root, 'county-import-0'));
    const held = Object.keys(tables).reduce((n, t) => n + count(countyDb, t), 0);
    countyDb.close();
    const complete =
      imports.every((c) => c.results.every((r) => r.outcome === 'applied') && sum(c, 'applied') === applied) && held === rows && applied === rows;
    if (!complete) say(`sync: WARNING the import is incomplete: ${JSON.stringify(first.results.filter((r) => r.outcome !== 'applied'))}; county holds ${held} rows`);

    const importMs = median(imports.map((c) => c.ms));
    const rawMs = median(raws.map((r) => r.ms));
    const importRate = applied / (importMs / 1000);
    const rawRate = raws[0]!.rows / (rawMs / 1000);
    const importToRaw = round3(importRate / rawRate);
    const bundles = { bytes: world.bundleBytes, jsonBytes: world.jsonBytes, ratio: round3(world.bundleBytes / world.jsonBytes) };
    const peakRssMB = { beforeImport: kibToMB(Math.max(...imports.map((c) => c.maxRssBeforeKiB))), import: kibToMB(Math.max(...imports.map((c) => c.maxRssKiB))) };
    const targets = {
      importToRaw: importToRaw >= SYNC_TARGETS.minImportToRaw,
      bundleToJson: bundles.ratio <= SYNC_TARGETS.maxBundleToJson,
      peakRss: peakRssMB.import < SYNC_TARGETS.maxPeakRssMB,
    };
    return {
      stations: paths.length,
      children: tables.children ?? 0,
      tables,
      rows,
      setupSeconds: world.setupSeconds,
      rounds,
      loadAverage: round2(loadavg()[0]!),
      export: world.largestExport,
      exportAll: world.exportAll,
      exportToImport: round3(world.exportAll.ms / importMs),
      import: {
        ms: round2(importMs),
        samplesMs: imports.map((c) => round2(c.ms)),
        applied,
        rowsPerSecond: Math.round(importRate),
        alreadyHad: sum(first, 'alreadyHad'),
        conflicts: sum(first, 'conflicts'),
        refused: sum(first, 'refused'),
        complete,
      },
      raw: { rows: raws[0]!.rows, ms: round2(rawMs), samplesMs: raws.map((r) => round2(r.ms)), rowsPerSecond: Math.round(rawRate) },
      importToRaw,
      bundles,
      peakRssMB,
      targets,
      meetsTargets: targets.importToRaw && targets.bundleToJson && targets.peakRss,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function describeTables(tables: Record<string, number>): string {
  return Object.entries(tables)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
}

/** The sync section of the human report; `table` is run.ts's column layout. */
export function syncHumanReport(r: SyncReport, table: (header: string[], rows: string[][]) => string[]): string[] {
  const ok = (met: boolean) => (met ? 'ok' : 'MISSED');
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const kib = (b: number) => `${Math.round(b / 1024)} KiB`;
  const samples = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  const rows: string[][] = [
    [`export, largest station (${r.export.name})`, `${r.export.rows} rows in ${r.export.ms.toFixed(0)} ms`, `${r.export.rowsPerSecond} rows/s`, '', ''],
    [
      `export, all ${r.stations} stations`,
      `${r.exportAll.rows} rows in ${r.exportAll.ms.toFixed(0)} ms`,
      `${r.exportAll.rowsPerSecond} rows/s`,
      `${r.exportToImport.toFixed(2)}× import time`,
      '',
    ],
    [
      `import at the county, ${r.stations} bundles in one call`,
      `${r.import.applied} rows in ${r.import.ms.toFixed(0)} ms`,
      `${r.import.rowsPerSecond} rows/s`,
      `${pct(r.importToRaw)} of raw`,
      `≥ ${pct(SYNC_TARGETS.minImportToRaw)}: ${ok(r.targets.importToRaw)}`,
    ],
    ['raw insert of the same rows, one transaction', `${r.raw.rows} rows in ${r.raw.ms.toFixed(0)} ms`, `${r.raw.rowsPerSecond} rows/s`, '', ''],
    [
      `bundle files, ${r.stations} in all`,
      kib(r.bundles.bytes),
      `JSON: ${kib(r.bundles.jsonBytes)}`,
      `${pct(r.bundles.ratio)} of JSON`,
      `≤ ${pct(SYNC_TARGETS.maxBundleToJson)}: ${ok(r.targets.bundleToJson)}`,
    ],
    ['county peak RSS during the import', `${r.peakRssMB.import} MB`, `${r.peakRssMB.beforeImport} MB before`, '', `< ${SYNC_TARGETS.maxPeakRssMB} MB: ${ok(r.targets.peakRss)}`],
  ];
  return [
    `Sync at county scale: ${r.stations} stations, ${r.rows} rows: ${describeTables(r.tables)} (set up in ${r.setupSeconds} s); import and raw: median of ${r.rounds} runs:`,
    ...table(['step', 'size', 'rate', 'ratio', 'target'], rows),
    `Import runs ${samples(r.import.samplesMs)} ms, raw runs ${samples(r.raw.samplesMs)} ms; load average ${r.loadAverage}.`,
    `Import: ${r.import.applied} applied, ${r.import.alreadyHad} already had, ${r.import.conflicts} conflicts, ${r.import.refused} refused${r.import.complete ? '' : ' — INCOMPLETE'}.` +
      ` Sync targets met: ${[r.targets.importToRaw, r.targets.bundleToJson, r.targets.peakRss].filter(Boolean).length} of 3.`,
  ];
}
