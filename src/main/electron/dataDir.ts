/**
 * Where the ledger lives: `<userData>/data` unless `--data-dir DIR` (or `--data-dir=DIR`) is given,
 * the same flag the CLI takes, so county IT can point both at one folder.
 */
import { join, resolve } from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';

export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === DATA_DIR_FLAG) {
      const next = argv[i + 1];
      return next !== undefined && next !== '' && !next.startsWith('--') ? next : undefined;
    }
    if (arg?.startsWith(`${DATA_DIR_FLAG}=`)) {
      const value = arg.slice(DATA_DIR_FLAG.length + 1);
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** Absolute, so the core host (started with its own working directory) opens the same folder. */
export function resolveDataDir(argv: readonly string[], userDataDir: string): string {
  const given = dataDirArgument(argv);
  return given === undefined ? join(userDataDir, 'data') : resolve(given);
}
