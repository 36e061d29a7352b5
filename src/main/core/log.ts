/**
 * The log a supporter can ask for: English lines (pino's JSON) in `<data dir>/logs/<host>.log`,
 * rotated by size so it never fills a village PC's disk. Each host writes its own file: two
 * processes rotating one file would lose lines.
 *
 * The ledger is about minors and old people: a log line never holds an ID number, a passphrase or
 * a person's name. Messages are written by us in English; what comes from elsewhere (error texts,
 * stacks, paths) passes `scrub` first, and fields named like personal data are redacted.
 *
 * Before a host opens its file (and in tests), lines go to stderr, as before.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export type LogHost = 'cli' | 'web' | 'desktop' | 'shell';

/** 18-digit (and old 15-digit) ID numbers anywhere in a text: all but the region prefix masked. */
const ID_NUMBER = /(?<!\d)(\d{6})(\d{8}\d{3}[\dXx]|\d{9})(?!\d)/g;

export function scrub(text: string): string {
  return text.replace(ID_NUMBER, (_m, region: string, rest: string) => `${region}${'*'.repeat(rest.length)}`);
}

const REDACT = ['passphrase', 'password', 'name', 'idNumber', 'phone', '*.passphrase', '*.password', '*.name', '*.idNumber', '*.phone'];

let sink: Logger | null = null;
let file: RotatingFileStream | null = null;

function errorFields(err: unknown): Record<string, unknown> {
  if (err === undefined) return {};
  if (err instanceof Error) return { err: { type: err.name, message: scrub(err.message), stack: scrub(err.stack ?? err.message) } };
  return { err: { message: scrub(String(err)) } };
}

function write(level: 'error' | 'warn' | 'info', message: string, err?: unknown): void {
  if (sink) {
    sink[level](errorFields(err), scrub(message));
    return;
  }
  const e = err instanceof Error ? (err.stack ?? err.message) : err === undefined ? '' : String(err);
  process.stderr.write(`[station-ledger] ${scrub(message)}${e ? `: ${scrub(e)}` : ''}\n`);
}

export const logger = {
  error: (message: string, err?: unknown) => write('error', message, err),
  warn: (message: string, err?: unknown) => write('warn', message, err),
  info: (message: string) => write('info', message),
};

/**
 * Sends the log to the data dir's rotating file (`echo`: also to stderr, the CLI's --verbose).
 * A data dir that cannot take a log keeps the stderr fallback: logging never stops the work.
 */
export function openLog(dataDir: string, host: LogHost, opts: { echo?: boolean } = {}): void {
  closeLogNow();
  try {
    const dir = join(dataDir, 'logs');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    file = createStream(`${host}.log`, { path: dir, size: '5M', maxFiles: 5, mode: 0o600 });
    file.on('error', () => undefined);
    const streams: pino.StreamEntry[] = [{ stream: file }];
    if (opts.echo) streams.push({ stream: process.stderr });
    sink = pino({ base: { host }, redact: { paths: REDACT, censor: '[redacted]' }, level: 'info' }, pino.multistream(streams));
  } catch {
    closeLogNow();
  }
}

export function isLogOpen(): boolean {
  return sink !== null;
}

function closeLogNow(): void {
  sink = null;
  file?.end();
  file = null;
}

/** Flushes and closes the file (before a CLI run returns, or a host exits). */
export function closeLog(): Promise<void> {
  const f = file;
  sink = null;
  file = null;
  if (!f) return Promise.resolve();
  return new Promise((resolve) => {
    f.once('finish', () => resolve());
    f.once('error', () => resolve());
    f.end();
  });
}
