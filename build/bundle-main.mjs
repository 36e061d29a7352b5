// Bundles the Node-side entry points (CLI, web host, Electron main/preload/core host) into dist/main.
// Dependencies stay external: native better-sqlite3 must be loaded from node_modules.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
const entries = [
  { in: 'src/main/cli/main.ts', out: 'cli', format: 'esm', ext: '.mjs', banner: '#!/usr/bin/env node' },
  { in: 'src/main/web/main.ts', out: 'web', format: 'esm', ext: '.mjs' },
  { in: 'src/main/electron/main.ts', out: 'electron-main', format: 'esm', ext: '.mjs' },
  { in: 'src/main/electron/coreHost.ts', out: 'core-host', format: 'esm', ext: '.mjs' },
  // A sandboxed preload must be CommonJS.
  { in: 'src/main/electron/preload.ts', out: 'preload', format: 'cjs', ext: '.cjs' },
];
for (const e of entries.filter((e) => existsSync(e.in))) {
  await build({
    ...common,
    entryPoints: { [e.out]: e.in },
    outdir: 'dist/main',
    format: e.format,
    outExtension: { '.js': e.ext },
    banner: e.banner ? { js: e.banner } : undefined,
    external: ['electron'],
  });
}
