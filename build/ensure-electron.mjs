// Electron's binary is fetched on first `npm start`, not at install: installs must also succeed
// on machines that cannot reach the binary's download host (CI, offline county PCs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
try {
  require('electron'); // throws when the binary is missing
} catch {
  console.log('正在下载 Electron 运行时（仅首次）…');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('无法下载 Electron 运行时。可改用浏览器版：npm run web');
    process.exit(1);
  }
}
