/**
 * Entry of the utility process that hosts the core (dist/main/core-host.mjs), so a long import or
 * report runs off the main process and never freezes the window. Started by coreHostClient.ts
 * with `--data-dir DIR`.
 */
import type { ParentPort } from 'electron';
import { createCore } from '../core/core';
import { logger, openLog } from '../core/log';
import { dataDirArgument } from './dataDir';
import { failure, NO_DATA_DIR_MESSAGE } from './failures';
import { serveCoreRequests, startupFailure, unavailableCore, type CoreInvoke } from './hostService';

// Electron's types declare parentPort on every process; outside a utility process it is null
// (Electron) or undefined (plain Node).
const port: ParentPort | null | undefined = process.parentPort;
if (port === undefined || port === null) {
  process.stderr.write('core-host.mjs runs only inside an Electron utility process\n');
  process.exit(2);
}

function openCore(): CoreInvoke {
  const dataDir = dataDirArgument(process.argv);
  if (dataDir === undefined) return unavailableCore(failure('internal', NO_DATA_DIR_MESSAGE, 'core host started without --data-dir'));
  openLog(dataDir, 'desktop');
  try {
    const core = createCore({ dataDir });
    // The window may call only what the contract lets the desktop host expose.
    return (name, input, opts) => core.invoke(name, input, { ...opts, host: 'desktop' });
  } catch (e) {
    logger.error(`cannot open the data dir ${dataDir}`, e);
    return unavailableCore(startupFailure(e));
  }
}

serveCoreRequests(port, openCore());
