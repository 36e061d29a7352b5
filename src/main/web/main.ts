/**
 * `npm run web -- [--data-dir DIR] [--port N] [--host ADDR] [--allow-host NAME]...`: the same app in
 * a browser. Bound beyond loopback, it also answers the LAN names given with --allow-host.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findAppRoot } from '../core/appRoot';
import { createCore } from '../core/core';
import { logger, openLog } from '../core/log';
import { defaultDataDir } from '../dataDir';
import { startWebHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5180' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-host': { type: 'string', multiple: true },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口号不正确：${values.port}\n`);
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = createCore({ dataDir });
  openLog(dataDir, 'web');
  const host = await startWebHost({ core, staticDir: join(findAppRoot(), 'dist', 'renderer'), host: values.host, port, allowHosts: values['allow-host'] ?? [] });
  logger.info(`web host listening on ${host.url}`);
  process.stdout.write(`社工站台账已启动：${host.url}\n数据目录：${dataDir}\n按 Ctrl+C 退出\n`);
  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`启动失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
