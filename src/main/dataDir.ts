import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the CLI and the web host keep data unless told: the same folder for both, so county IT
 * scripts and the LAN view see one database. The desktop app uses its own userData folder.
 */
export function defaultDataDir(): string {
  return process.env.STATION_LEDGER_DATA ?? join(homedir(), '.station-ledger', 'data');
}
