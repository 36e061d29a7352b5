/**
 * `station-ledger`: the CLI contract of docs/cli.md. Human text (Chinese) by default, one JSON
 * object with --json (English messages). Exit codes: 0 done, 1 failed, 2 usage error,
 * 3 input rejected (nothing was changed).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LedgerError, type LedgerErrorData } from '../../shared/contract';
import { createCore, type Core } from '../core/core';
import { DatabaseFromFutureError } from '../core/db/migrate';
import { closeLog, isLogOpen, logger, openLog } from '../core/log';
import { defaultDataDir } from '../dataDir';
import { COMMANDS, type Command, type CommandName, type Values } from './commands';

export const EXIT = { ok: 0, failed: 1, usage: 2, rejected: 3 } as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

const USAGE = `用法：station-ledger <命令> [选项]

命令：
  init --role station|county --code CODE --name NAME [--enrolment FILE]
                                         初始化数据目录（县局同时创建同步密钥；站点可用登记文件完成登记）
  demo [--scale small|county]            加载演示数据
  status                                 各台账数量、未同步修改、数据库版本
  check                                  数据完整性检查
  enrol --station CODE --out FILE        （县局）生成站点登记文件
  export --out FILE [--for CODE]         生成数据包（站点：发往县局；县局：发往站点 CODE）
  import FILE...                         校验并导入数据包
  serve [--host 127.0.0.1] [--port 5190] [--allow-host 名称]
                                         （县局）运行网络同步服务器；绑定局域网地址时可用 --allow-host 给出本机名称
  sync --hub URL                         （站点）通过网络与县局同步

同步密钥口令：环境变量 STATION_LEDGER_PASSPHRASE，或 --passphrase-file FILE

通用选项：
  --data-dir DIR   数据目录（默认 ${defaultDataDir()}）
  --json           输出一个 JSON 对象
  --verbose        同时在屏幕上显示日志（日志文件在数据目录的 logs 文件夹中）
  --help           显示本帮助`;

const REJECTED: ReadonlySet<LedgerErrorData['code']> = new Set(['validation', 'duplicate', 'conflict', 'not_initialised']);

function exitCodeOf(error: LedgerErrorData): number {
  return REJECTED.has(error.code) ? EXIT.rejected : EXIT.failed;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  const report = {
    result(command: string, result: unknown, text: string): void {
      io.out(json ? JSON.stringify({ ok: true, command, result }) : text);
    },
    error(command: string, error: LedgerErrorData): void {
      if (json) io.out(JSON.stringify({ ok: false, command, error: { code: error.code, message: error.detail ?? error.code, fieldErrors: error.fieldErrors } }));
      else {
        const fields = Object.values(error.fieldErrors ?? {}).filter((f) => f !== error.message);
        io.err(`错误：${error.message}${fields.length ? `\n  ${fields.join('\n  ')}` : ''}`);
      }
    },
  };
  if (!name || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (!(name in COMMANDS)) {
    report.error(name, { code: 'validation', message: `未知命令：${name}`, detail: `unknown command ${name}` });
    if (!json) io.err(USAGE);
    return EXIT.usage;
  }
  const command: Command = COMMANDS[name as CommandName];
  let core: Core | undefined;
  let undo: (() => void) | undefined;
  try {
    const options: NonNullable<ParseArgsConfig['options']> = {
      ...command.options,
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    };
    let values: Values;
    let positionals: string[];
    try {
      const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: command.positionals ?? false });
      values = parsed.values as Values;
      positionals = parsed.positionals;
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    if (values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    const problem = command.check?.(values, positionals);
    if (problem) throw new UsageError(problem);
    const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();
    // Everything that can refuse the input does so before the data dir is touched.
    command.prepare?.(values);
    if (command.createsDataDir) undo = undoCreation(dataDir);
    try {
      core = createCore({ dataDir, create: command.createsDataDir ?? false });
    } catch (e) {
      const opened = command.whenUnopenable?.(e);
      if (!opened) throw e;
      report.result(name, opened.result, opened.text);
      return opened.exitCode ?? EXIT.ok;
    }
    openLog(dataDir, 'cli', { echo: values.verbose === true });
    logger.info(`command ${name} started`);
    const { result, text, exitCode } = await command.run(core, values, { progress: json ? () => {} : (line) => io.err(line), positionals });
    undo = undefined;
    report.result(name, result, text);
    logger.info(`command ${name} finished with exit code ${exitCode ?? EXIT.ok}`);
    return exitCode ?? EXIT.ok;
  } catch (e) {
    // Refusals are the user's to read, on screen; the log keeps what went wrong inside.
    if (isLogOpen()) {
      if (e instanceof LedgerError) logger.warn(`command ${name} refused: ${e.data.code} ${e.data.detail ?? ''}`);
      else logger.error(`command ${name} failed`, e);
    }
    // Log and database closed before a failed init's files are removed.
    await closeLog();
    core?.close();
    core = undefined;
    undo?.();
    if (e instanceof UsageError) {
      report.error(name, { code: 'validation', message: `用法错误：${e.message}`, detail: `usage: ${e.message}` });
      if (!json) io.err(USAGE);
      return EXIT.usage;
    }
    if (e instanceof LedgerError) {
      report.error(name, e.data);
      return exitCodeOf(e.data);
    }
    if (e instanceof DatabaseFromFutureError) {
      report.error(name, { code: 'conflict', message: '数据由更新版本的软件写入，请升级软件后再打开', detail: e.message });
      return EXIT.rejected;
    }
    report.error(name, { code: 'internal', message: `操作失败：${e instanceof Error ? e.message : String(e)}`, detail: e instanceof Error ? e.message : String(e) });
    return EXIT.failed;
  } finally {
    await closeLog();
    core?.close();
  }
}

/**
 * A failed `init` leaves the data dir as it found it (exit 3 promises nothing changed): a folder
 * it made is removed whole; in a folder that was there, only the files it added.
 */
function undoCreation(dataDir: string): () => void {
  let before: Set<string> | null = null;
  try {
    before = new Set(readdirSync(dataDir));
  } catch (e) {
    // Anything there but a folder (a file, a device) is never ours to remove.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return () => undefined;
  }
  // The outermost folder that init would create (mkdir makes missing parents too).
  let made = resolve(dataDir);
  while (!before && !existsSync(dirname(made)) && dirname(made) !== made) made = dirname(made);
  return () => {
    if (!before) {
      rmSync(made, { recursive: true, force: true });
      return;
    }
    for (const entry of readdirSync(dataDir)) if (!before.has(entry)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  };
}
