/**
 * For the security suite: the built hosts (dist/main) run as real processes on 127.0.0.1, and
 * clients that say exactly what an attacker would (their own Host header, raw bytes on a socket).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { connect } from 'node:net';
import { join } from 'node:path';
import { findAppRoot } from '../../src/main/core/appRoot';
import type { ChildInput } from '../../src/shared/contract';
import { childInput, validId } from '../helpers/core';

export const ROOT = findAppRoot();
export const WEB_MJS = join(ROOT, 'dist', 'main', 'web.mjs');
export const CLI_MJS = join(ROOT, 'dist', 'main', 'cli.mjs');
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * These tests probe the built program, not the sources: a missing or stale dist/main would test
 * something else than the code under review, so say so instead of passing on old code.
 */
export function requireBuiltMain(): void {
  for (const file of [WEB_MJS, CLI_MJS]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run -s build:main\` (npm test builds first)`);
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is not built: run `npm run -s build:renderer` (npm test builds first)');
  const built = Math.min(statSync(WEB_MJS).mtimeMs, statSync(CLI_MJS).mtimeMs);
  const sources = Math.max(newestIn(join(ROOT, 'src', 'main')), newestIn(join(ROOT, 'src', 'shared')));
  if (sources > built) throw new Error('dist/main is older than src/: run `npm run -s build:main` (npm test builds first)');
}

/**
 * A left-behind child about `years` old today, identified since a year ago: dates follow the day
 * the suite runs (a fixed birth date would age out of the register some year).
 */
export function childOfAge(years: number, serial: string, over: Partial<ChildInput> = {}): ChildInput {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  // The 15th exists in every month and is never "today + 1" across a time zone.
  const birth = `${now.getFullYear() - years}${month}15`;
  return childInput({
    idNumber: validId(`341723${birth}${serial}`),
    categories: [{ category: 'left_behind', startDate: `${now.getFullYear() - 1}-${month}-15`, reason: 'both_away' }],
    ...over,
  });
}

export interface Spawned {
  proc: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
}

function spawnAndWaitForUrl(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<Spawned> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  const collect = (d: Buffer) => {
    seen += d.toString();
  };
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  return new Promise<Spawned>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`no address within ${timeoutMs} ms from ${args.join(' ')}: ${seen}`));
    }, timeoutMs);
    const look = () => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout!.off('data', look);
      proc.stderr!.off('data', look);
      resolve({ proc, port: Number(m[1]), url: m[0], output: () => seen });
    };
    proc.stdout!.on('data', look);
    proc.stderr!.on('data', look);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code ?? signal}) before listening: ${seen}`));
    });
  });
}

/** `node dist/main/web.mjs --data-dir DIR --port 0` (prints 社工站台账已启动：http://127.0.0.1:PORT). */
export function spawnWebHost(dataDir: string): Promise<Spawned> {
  return spawnAndWaitForUrl([WEB_MJS, '--data-dir', dataDir, '--port', '0'], {});
}

/** `node dist/main/cli.mjs serve --port 0 --data-dir DIR` (prints 县局同步服务器已启动：http://127.0.0.1:PORT… on stderr). */
export function spawnHub(dataDir: string, passphrase: string): Promise<Spawned> {
  return spawnAndWaitForUrl([CLI_MJS, 'serve', '--port', '0', '--data-dir', dataDir], { STATION_LEDGER_PASSPHRASE: passphrase });
}

/** SIGTERM, then SIGKILL if the process has not gone within `graceMs`. */
export async function stopProcess(proc: ChildProcess | undefined, graceMs = 5_000): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

/** Runs the built CLI to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CLI_MJS, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * One HTTP request over a fresh connection, with whatever Host header the caller chooses (fetch
 * forbids setting Host; a DNS-rebinding page gets its own name there for free).
 */
export function httpRequest(
  port: number,
  opts: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<Reply> {
  const headers: Record<string, string | number> = { Host: opts.host ?? `127.0.0.1:${port}`, Connection: 'close', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Length'] = Buffer.byteLength(opts.body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers, agent: false, timeout: opts.timeoutMs ?? 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${opts.method ?? 'GET'} ${opts.path} within ${opts.timeoutMs ?? 15_000} ms`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POST /api/<op> with a JSON body, as the UI would (or as a rebinding page would, with its Host). */
export function postApi(port: number, op: string, input: unknown, opts: { host?: string; origin?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (opts.origin) headers.Origin = opts.origin;
  return httpRequest(port, { method: 'POST', path: `/api/${op}`, host: opts.host, headers, body: JSON.stringify(input) });
}

export interface RawReply {
  /** The status code of the first response, or null when none arrived. */
  status: number | null;
  /** Everything received, as latin1 text (enough to look for 'root:' and status lines). */
  text: string;
  /** complete: one whole response read; closed: the server closed; timeout: neither in time. */
  how: 'complete' | 'closed' | 'timeout' | 'reset';
}

/** Whether `data` holds one whole HTTP response (by Content-Length or a final chunk). */
function completeResponse(data: Buffer): boolean {
  const text = data.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = text.slice(0, end);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return data.length - (end + 4) >= Number(length[1]);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return text.slice(end + 4).includes('0\r\n\r\n');
  return false;
}

/** The body of the first response in `text` (a RawReply's), with chunked transfer decoded. */
export function rawBody(text: string): string {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return '';
  const head = text.slice(0, end);
  let rest = text.slice(end + 4);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return rest.slice(0, Number(length[1]));
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return rest;
  let body = '';
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, line), 16);
    if (line < 0 || !Number.isFinite(size) || size === 0) return body;
    body += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** Raw bytes to the port, then whatever comes back: for requests no HTTP client would send. */
export function rawExchange(port: number, bytes: string | Buffer, opts: { halfClose?: boolean; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
      if (opts.halfClose) socket.end();
    });
    const finish = (how: RawReply['how']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text, how });
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (completeResponse(Buffer.concat(chunks))) finish('complete');
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('error', () => finish('reset'));
    const timer = setTimeout(() => finish('timeout'), opts.timeoutMs ?? 5_000);
    opts.signal?.addEventListener('abort', () => finish('timeout'));
  });
}

/** A line of /proc/<pid>/status in kB (VmHWM: peak resident set; VmRSS: now). Linux only. */
export function procStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]);
}

export interface UploadReply {
  /** The status of the reply, or null when the connection ended without one being read. */
  status: number | null;
  text: string;
  /** From the start of the request to the first byte of the reply (or to the end of the connection). */
  ms: number;
  /** Body bytes the kernel had taken from the client when the reply came (or the connection ended). */
  sentAtReply: number;
  error?: string;
}

export interface Upload {
  reply: Promise<UploadReply>;
  replied(): boolean;
  abort(): void;
}

export interface UploadOptions {
  /** Body bytes to send (default: all of Content-Length). */
  send?: number;
  /**
   * careful (default): the headers and the first 256 KB, then up to `patienceMs` for an answer
   * before the rest streams; blind: everything, as fast as the server takes it; slow: 16 bytes
   * every 250 ms.
   */
  mode?: 'careful' | 'blind' | 'slow';
  patienceMs?: number;
  host?: string;
  /** The reply resolves with error 'timeout' if the connection is still open after this long. */
  timeoutMs?: number;
}

/** One body shared by every upload (a socket keeps a reference to what it writes, not a copy). */
let sharedBody = Buffer.alloc(0);
function bodyOf(size: number): Buffer {
  if (sharedBody.length < size) sharedBody = Buffer.alloc(size, 0x41);
  return sharedBody.subarray(0, size);
}

const PROBE_BYTES = 256 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/**
 * A POST declaring `contentLength` and sending up to `send` body bytes, on a raw socket.
 *
 * Why "careful" exists: a server that answers before the body is in and then closes makes the
 * peer's kernel reset the connection (unread data), and a client that is writing at that moment
 * fails with EPIPE and never reads the answer that arrived first. A careful upload writes nothing
 * while it waits for the answer, so the answer is always seen when it comes from the headers
 * alone; it streams the rest only if the server starts taking the body. Blind uploads are the
 * flood: they may end in a reset instead of a readable answer (status null).
 */
export function startUpload(port: number, path: string, headers: Record<string, string>, contentLength: number, opts: UploadOptions = {}): Upload {
  const started = performance.now();
  const send = Math.min(opts.send ?? contentLength, contentLength);
  const mode = opts.mode ?? 'careful';
  let accepted = 0;
  let firstByteMs: number | null = null;
  let sentAtReply = 0;
  let ended = false;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const chunks: Buffer[] = [];
  const fields = { Host: opts.host ?? `127.0.0.1:${port}`, 'Content-Length': String(contentLength), ...headers };
  const head = Buffer.from(`POST ${path} HTTP/1.1\r\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`, 'latin1');
  const socket = connect(port, '127.0.0.1');
  const reply = new Promise<UploadReply>((resolve) => {
    const finish = (error?: string) => {
      if (ended) return;
      ended = true;
      clearInterval(timer);
      clearTimeout(timer);
      clearTimeout(deadline);
      wake?.();
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({
        status: m ? Number(m[1]) : null,
        text: Buffer.from(rawBody(text), 'latin1').toString('utf8'),
        ms: firstByteMs ?? performance.now() - started,
        sentAtReply: firstByteMs === null ? accepted : sentAtReply,
        ...(m ? {} : { error: error ?? 'closed without a reply' }),
      });
    };
    socket.on('data', (c: Buffer) => {
      if (firstByteMs === null) {
        firstByteMs = performance.now() - started;
        sentAtReply = accepted;
        clearInterval(timer);
        clearTimeout(timer);
        wake?.();
      }
      chunks.push(c);
      if (completeResponse(Buffer.concat(chunks))) finish();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
    socket.on('close', () => finish());
    deadline = setTimeout(() => finish('timeout'), opts.timeoutMs ?? 30_000);
  });
  socket.on('drain', () => wake?.());
  const write = (bytes: Buffer, body: number) =>
    socket.write(bytes, (err) => {
      if (!err) accepted += body;
    });
  const stream = async (from: number) => {
    let at = from;
    while (!ended && firstByteMs === null && at < send) {
      const n = Math.min(CHUNK_BYTES, send - at);
      const flowing = write(bodyOf(at + n).subarray(at), n);
      at += n;
      if (!flowing) await new Promise<void>((r) => (wake = r));
    }
  };
  if (mode === 'slow') {
    write(head, 0);
    timer = setInterval(() => {
      if (firstByteMs !== null || accepted >= send) return clearInterval(timer);
      write(Buffer.alloc(16, 0x5a), 16);
    }, 250);
  } else if (mode === 'blind') {
    write(head, 0);
    void stream(0);
  } else {
    // Headers and a first slice in one write: the server cannot have answered before it has them.
    const probe = Math.min(PROBE_BYTES, send);
    socket.cork();
    write(head, 0);
    write(bodyOf(probe), probe);
    socket.uncork();
    timer = setTimeout(() => void stream(probe), opts.patienceMs ?? 3_000);
  }
  return {
    reply,
    replied: () => firstByteMs !== null,
    abort: () => {
      clearInterval(timer);
      clearTimeout(timer);
      socket.destroy();
    },
  };
}
