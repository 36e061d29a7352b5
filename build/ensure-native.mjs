// `npm start` rebuilds better-sqlite3 for Electron's ABI; tests run under Node and need it back.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (e) {
  console.log(`better-sqlite3 does not load under Node (${e.message.split('\n')[0]}); rebuilding it`);
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
