import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'station-ledger';

function isAppRoot(dir: string): boolean {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) return false;
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/**
 * The folder holding the app's package.json and `dist/seed/`: the repository in development, the
 * app bundle (asar) when packaged. Found by walking up from this module, wherever it was bundled
 * to. Migrations are compiled into the code, so the root need not hold a migrations folder; the
 * package name tells the app's package.json from any other above it.
 */
export function findAppRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (isAppRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the app root (a folder with the ${PACKAGE_NAME} package.json) above ${from}`);
    dir = parent;
  }
}
