/**
 * Files a person names by path (enrolment files, bundles on a USB stick). Only the desktop app and
 * the CLI reach these (see `onServerDisk` in the contract), yet a path is still input: only regular
 * files are read (a FIFO or /dev/zero would hang or flood the reader), sizes are checked before a
 * byte is read, and nothing is ever written into the data dir, where it could replace the ledger.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { LedgerError } from '../../shared/contract';

/** Chinese reason and English detail for a file that could not be read or written. */
export interface FileProblem {
  reason: string;
  detail: string;
  /** The system's error code (`EINVAL`, …), when there was one. */
  errno?: string;
}

export class FileRefused extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.detail);
  }
}

function errnoProblem(e: unknown, path: string, writing: boolean): FileProblem {
  const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
  const reasons: Record<string, string> = {
    ENOENT: writing ? '保存位置不存在' : '文件不存在',
    ENOTDIR: writing ? '保存位置不存在' : '文件不存在',
    EACCES: writing ? '没有权限写入该位置' : '没有权限读取该文件',
    EPERM: writing ? '没有权限写入该位置' : '没有权限读取该文件',
    EROFS: '该位置只读，不能保存',
    ENOSPC: '磁盘空间不足，未能保存',
    EISDIR: '这是一个文件夹，不是文件',
  };
  return {
    reason: reasons[code] ?? (writing ? '无法保存文件，请检查U盘或保存位置' : '无法读取文件，请检查U盘或文件是否被其他程序占用'),
    detail: `cannot ${writing ? 'write' : 'read'} ${path}: ${code}`,
    errno: code,
  };
}

/** Reads a regular file of at most `maxBytes`; throws FileRefused with a reason a person can act on. */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // stat first: opening a FIFO blocks until a writer appears.
    if (!statSync(path).isFile()) throw new FileRefused({ reason: '这不是一个普通文件', detail: `not a regular file: ${path}` });
    fd = openSync(path, 'r');
  } catch (e) {
    if (e instanceof FileRefused) throw e;
    throw new FileRefused(errnoProblem(e, path, false));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileRefused({ reason: '这不是一个普通文件', detail: `not a regular file: ${path}` });
    if (stat.size > maxBytes) throw new FileRefused({ reason: '文件过大', detail: `${path} is ${stat.size} bytes, over ${maxBytes}` });
    const out = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < out.length) {
      const n = readSync(fd, out, read, out.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return out.subarray(0, read);
  } catch (e) {
    if (e instanceof FileRefused) throw e;
    throw new FileRefused(errnoProblem(e, path, false));
  } finally {
    closeSync(fd);
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real location a path would be written to (its folder resolved through symlinks). */
function realTarget(path: string): string {
  const full = resolve(path);
  try {
    return join(realpathSync(dirname(full)), basename(full));
  } catch {
    return full;
  }
}

/**
 * Writes a file readable only by its owner, atomically (a temporary file renamed into place, so a
 * crash never leaves half a file), never inside the data dir and never over anything but a file.
 */
export function writePrivateFile(dataDir: string, path: string, data: string | Uint8Array): void {
  const target = realTarget(path);
  let home: string;
  try {
    home = realpathSync(dataDir);
  } catch {
    home = resolve(dataDir);
  }
  if (isInside(home, target)) throw new FileRefused({ reason: '不能保存到台账的数据目录中，请选择其他位置', detail: `refusing to write inside the data dir: ${target}` });
  try {
    if (!statSync(target).isFile()) throw new FileRefused({ reason: '该位置已有同名的文件夹或设备，不能保存', detail: `not a regular file: ${target}` });
  } catch (e) {
    if (e instanceof FileRefused) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new FileRefused(errnoProblem(e, target, true));
  }
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed.
    }
    throw new FileRefused(errnoProblem(e, target, true));
  }
}

/** The same refusal as a contract error, at the form field that named the path. */
export function fileError(e: unknown, field: string): unknown {
  if (!(e instanceof FileRefused)) return e;
  return new LedgerError({ code: 'validation', message: e.problem.reason, detail: e.problem.detail, fieldErrors: { [field]: e.problem.reason } });
}
