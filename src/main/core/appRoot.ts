import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `migrations/` and `dist/seed/`: the repository in development, the app
 * bundle (asar) when packaged. Found by walking up from this module, wherever it was bundled to.
 */
export function findAppRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'migrations')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the app root (a folder with migrations/) above ${from}`);
    dir = parent;
  }
}
