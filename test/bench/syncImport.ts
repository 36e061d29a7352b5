/**
 * Child process of the sync benchmark (test/bench/sync.ts): opens the county's data dir, imports
 * the given bundles in one `sync.importBundles` call, and prints one JSON object on stdout with the
 * call's wall time, its results and this process's own peak RSS. In a process of its own so the
 * peak belongs to the import alone, not to the benchmark that built the stations.
 *
 *   node --import tsx test/bench/syncImport.ts '{"dataDir":…,"passphrase":…,"paths":[…]}'
 */
import { createCore } from '../../src/main/core/core';

interface Args {
  dataDir: string;
  passphrase: string;
  paths: string[];
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '') as Args;
  const core = createCore({ dataDir: args.dataDir, actor: 'bench' });
  try {
    // maxRSS is in KiB: the peak of loading the code and opening the core, before any bundle.
    const maxRssBeforeKiB = process.resourceUsage().maxRSS;
    const started = performance.now();
    const { results } = await core.call('sync.importBundles', { paths: args.paths, passphrase: args.passphrase });
    const ms = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ ms, results, maxRssBeforeKiB, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  } finally {
    core.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`sync import failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
