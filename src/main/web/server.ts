/**
 * The loopback web host: the built UI plus `POST /api/<operation>` and `GET /api`, for the browser
 * end-to-end tests and a county office LAN view. Every input goes through core.invoke, which
 * validates it with the contract's schema.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { API_PREFIX, httpStatusOf, MAX_ENROLMENT_BYTES, MAX_MEAL_IMPORT_BYTES, NDJSON, operationNames, operations, type StreamLine } from '../../shared/contract';
import { contentTypeOf } from '../contentTypes';
import type { Core } from '../core/core';
import { failure, safeDecode, sendJson, startGuardedServer } from '../http/guard';

/** Inputs are small forms; anything bigger is a mistake or an attack… */
export const MAX_BODY_BYTES = 1024 * 1024;
/** …except bundles uploaded from the browser (base64 inside JSON). */
export const MAX_BUNDLE_BODY_BYTES = 128 * 1024 * 1024;
const BODY_LIMITS: ReadonlyMap<string, number> = new Map([
  ['sync.importBundleData', MAX_BUNDLE_BODY_BYTES],
  // The enrolment file's text inside JSON: escaping may double it.
  ['sync.acceptEnrolmentData', 2 * MAX_ENROLMENT_BYTES + MAX_BODY_BYTES],
  // A sign-in device's export as base64 inside JSON.
  ['meals.attendance.importData', Math.ceil(MAX_MEAL_IMPORT_BYTES / 3) * 4 + MAX_BODY_BYTES],
]);
/** What the browser may call: every operation but those naming files on this machine's disk. */
const WEB_OPERATIONS = operationNames.filter((n) => operations[n].hosts.includes('web'));

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  // antd injects its styles at run time, hence 'unsafe-inline' for styles only.
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

export interface WebHostOptions {
  core: Core;
  /** Built UI (dist/renderer); when missing, only the API is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  /** Names this machine is reached by on the LAN, when bound beyond loopback. */
  allowHosts?: readonly string[];
  actor?: string;
}

export interface WebHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendJson(res, status, body, SECURITY_HEADERS);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A page on another site can make the user's browser POST to 127.0.0.1. Requiring a JSON content
 * type forces a CORS preflight (which we never grant), and an Origin, when sent, must be ours.
 * (The Host itself was checked before routing: see http/guard.ts.)
 */
function refuseForeign(req: IncomingMessage): string | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (type !== 'application/json') return 'Content-Type must be application/json';
  const origin = req.headers.origin;
  if (origin && origin !== `http://${req.headers.host}`) return `origin ${origin} is not allowed`;
  return null;
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, opts: WebHostOptions): Promise<void> {
  if (req.method === 'GET' && (url.pathname === '/api' || url.pathname === API_PREFIX)) {
    send(res, 200, { operations: WEB_OPERATIONS.map((n) => ({ name: n, mutates: operations[n].mutates })) });
    return;
  }
  const name = safeDecode(url.pathname.slice(API_PREFIX.length));
  if (name === null) {
    send(res, 400, failure('validation', '请求地址不正确', 'bad percent-encoding in the operation name'));
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    send(res, 405, failure('validation', '请求方式不正确', 'use POST /api/<operation>'));
    return;
  }
  const foreign = refuseForeign(req);
  if (foreign) {
    send(res, 403, failure('validation', '请求被拒绝', foreign));
    return;
  }
  const limit = BODY_LIMITS.get(name) ?? MAX_BODY_BYTES;
  let input: unknown;
  try {
    const text = await readBody(req, limit);
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    if (e instanceof BodyTooLarge) send(res, 413, failure('validation', '提交的数据过大', `body exceeds ${limit} bytes`));
    else send(res, 400, failure('validation', '提交的数据格式不正确', 'body is not valid JSON'));
    return;
  }
  const call = { actor: opts.actor, host: 'web' as const };
  const wantsStream = (req.headers.accept ?? '').includes(NDJSON);
  if (!wantsStream) {
    const outcome = await opts.core.invoke(name, input, call);
    send(res, httpStatusOf(outcome), outcome);
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': `${NDJSON}; charset=utf-8`, 'Cache-Control': 'no-store' });
  const line = (l: StreamLine) => res.write(`${JSON.stringify(l)}\n`);
  const outcome = await opts.core.invoke(name, input, { ...call, onProgress: (progress) => line({ progress }) });
  line({ outcome });
  res.end();
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function serveStatic(res: ServerResponse, url: URL, staticDir: string): void {
  const root = resolve(staticDir);
  const path = safeDecode(url.pathname);
  if (path === null || path.includes('\0')) {
    send(res, 400, failure('validation', '请求地址不正确', 'bad path'));
    return;
  }
  let file = resolve(join(root, path));
  // Refuse anything that resolves outside the UI folder (../ and encoded variants).
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 403, failure('validation', '禁止访问', 'path outside the UI folder'));
    return;
  }
  if (!isFile(file)) file = join(root, 'index.html');
  if (!isFile(file)) {
    send(res, 404, failure('validation', '界面文件不存在，请先运行 npm run build', 'UI is not built'));
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  return startGuardedServer(
    { host: opts.host ?? '127.0.0.1', port: opts.port ?? 0, allowHosts: opts.allowHosts, headers: SECURITY_HEADERS },
    async (req, res) => {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        send(res, 400, failure('validation', '请求地址不正确', 'malformed URL'));
        return;
      }
      const isApi = url.pathname === '/api' || url.pathname.startsWith(API_PREFIX);
      if (isApi) await handleApi(req, res, url, opts);
      else if ((req.method === 'GET' || req.method === 'HEAD') && opts.staticDir) serveStatic(res, url, opts.staticDir);
      else send(res, 404, failure('unknown_operation', '页面不存在', `no route for ${req.method} ${url.pathname}`));
    },
  );
}
