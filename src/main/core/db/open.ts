import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerError, type ErrorCode } from '../../../shared/contract';

export type Sqlite = Database.Database;

export const DB_FILE = 'ledger.sqlite';

/** Why a data dir could not be opened; each has a message a person can act on. */
export type DataDirProblem = 'missing' | 'not_directory' | 'corrupt' | 'locked' | 'unwritable';

const PROBLEMS: Record<DataDirProblem, { code: ErrorCode; zh: (dir: string) => string; en: string }> = {
  missing: { code: 'not_initialised', zh: (d) => `没有找到台账数据：${d}（请先用 init 初始化，或用 --data-dir 指定正确的目录）`, en: 'no ledger in the data dir (missing folder or database)' },
  not_directory: { code: 'validation', zh: (d) => `数据目录位置是一个文件，不是文件夹：${d}`, en: 'data dir is a file, not a folder' },
  corrupt: { code: 'internal', zh: (d) => `数据库文件已损坏，无法打开：${join(d, DB_FILE)}（请用备份恢复，或联系县局技术人员）`, en: 'database file is corrupt or not a ledger database' },
  locked: { code: 'internal', zh: () => '数据库正被其他程序占用，请关闭其他正在使用台账的程序后重试', en: 'database is locked by another program' },
  unwritable: { code: 'internal', zh: (d) => `数据目录无法写入，请检查权限或磁盘：${d}`, en: 'data dir cannot be written' },
};

export class DataDirError extends LedgerError {
  constructor(
    readonly problem: DataDirProblem,
    dataDir: string,
    cause: string,
  ) {
    const p = PROBLEMS[problem];
    super({ code: p.code, message: p.zh(dataDir), detail: `${p.en}: ${dataDir} (${cause})` });
  }
}

const SQLITE_PROBLEMS: Record<string, DataDirProblem> = {
  SQLITE_NOTADB: 'corrupt',
  SQLITE_CORRUPT: 'corrupt',
  SQLITE_BUSY: 'locked',
  SQLITE_LOCKED: 'locked',
  SQLITE_CANTOPEN: 'unwritable',
  SQLITE_READONLY: 'unwritable',
  SQLITE_FULL: 'unwritable',
};
const ERRNO_PROBLEMS: Record<string, DataDirProblem> = { EACCES: 'unwritable', EPERM: 'unwritable', EROFS: 'unwritable', ENOSPC: 'unwritable', ENOTDIR: 'not_directory', EEXIST: 'not_directory' };

/** The data-dir problem behind an error from opening or migrating, if it is one. */
function dataDirProblemOf(e: unknown): DataDirProblem | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  return SQLITE_PROBLEMS[code] ?? SQLITE_PROBLEMS[code.replace(/_[A-Z]+$/, '')] ?? ERRNO_PROBLEMS[code] ?? null;
}

/** Runs `fn`, turning the errors of a damaged, locked or unwritable data dir into a DataDirError. */
export function asDataDirError<T>(dataDir: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const problem = e instanceof DataDirError ? null : dataDirProblemOf(e);
    if (!problem) throw e;
    throw new DataDirError(problem, dataDir, e instanceof Error ? e.message : String(e));
  }
}

function prepareDir(dataDir: string, create: boolean): void {
  let isDir: boolean;
  try {
    isDir = statSync(dataDir).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (!create) throw new DataDirError('missing', dataDir, 'ENOENT');
    // Owner only: the ledger is about minors and old people.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    isDir = true;
  }
  if (!isDir) throw new DataDirError('not_directory', dataDir, 'ENOTDIR');
}

/**
 * Opens the data dir's database with the pragmas every connection needs. `create` makes a missing
 * data dir (0700) and database (0600; SQLite gives its -wal and -shm files the same mode).
 */
export function openDatabase(dataDir: string, opts: { create?: boolean } = {}): Sqlite {
  return asDataDirError(dataDir, () => {
    prepareDir(dataDir, opts.create ?? true);
    const file = join(dataDir, DB_FILE);
    const create = opts.create ?? true;
    // Opening must never leave an empty ledger behind where none was asked for.
    if (!create && !existsSync(file)) throw new DataDirError('missing', dataDir, `no ${DB_FILE}`);
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const db = new Database(file);
    try {
      // The CLI and the app may open the same file; wait for the other writer instead of failing.
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      // FULL: a power cut on a village PC must not lose a committed write.
      db.pragma('synchronous = FULL');
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  });
}
