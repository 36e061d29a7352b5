/**
 * The loopback web host: the built UI plus `POST /api/<operation>` and `GET /api`, for the browser
 * end-to-end tests and a county office LAN view. Every input goes through core.invoke, which
 * validates it with the contract's schema.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { API_PREFIX, httpStatusOf, NDJSON, operationNames, operations, type Outcome, type StreamLine } from '../../shared/contract';
import { contentTypeOf } from '../contentTypes';
import type { Core } from '../core/core';

/** Inputs are small forms; anything bigger is a mistake or an attack… */
export const MAX_BODY_BYTES = 1024 * 1024;
/** …except bundles uploaded from the browser (base64 inside JSON). */
export const MAX_BUNDLE_BODY_BYTES = 128 * 1024 * 1024;
const BUNDLE_OPERATIONS: ReadonlySet<string> = new Set(['sync.importBundleData', 'sync.exchange']);

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
  actor?: string;
}

export interface WebHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function failure(code: 'validation' | 'unknown_operation' | 'internal', message: string, detail: string): Outcome<never> {
  return { ok: false, error: { code, message, detail } };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
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
 */
function refuseForeign(req: IncomingMessage): string | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (type !== 'application/json') return 'Content-Type must be application/json';
  const origin = req.headers.origin;
  if (origin && origin !== `http://${req.headers.host}`) return `origin ${origin} is not allowed`;
  return null;
}

async function handleApi(req: IncomingMessage, res: ServerResponse, opts: WebHostOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const name = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
  if (req.method === 'GET' && (url.pathname === '/api' || url.pathname === API_PREFIX)) {
    send(res, 200, { operations: operationNames.map((n) => ({ name: n, mutates: operations[n].mutates })) });
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
  let input: unknown;
  try {
    const text = await readBody(req, BUNDLE_OPERATIONS.has(name) ? MAX_BUNDLE_BODY_BYTES : MAX_BODY_BYTES);
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    if (e instanceof BodyTooLarge) send(res, 413, failure('validation', '提交的数据过大', `body exceeds ${MAX_BODY_BYTES} bytes`));
    else send(res, 400, failure('validation', '提交的数据格式不正确', 'body is not valid JSON'));
    return;
  }
  const wantsStream = (req.headers.accept ?? '').includes(NDJSON);
  if (!wantsStream) {
    const outcome = await opts.core.invoke(name, input, { actor: opts.actor });
    send(res, httpStatusOf(outcome), outcome);
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': `${NDJSON}; charset=utf-8`, 'Cache-Control': 'no-store' });
  const line = (l: StreamLine) => res.write(`${JSON.stringify(l)}\n`);
  const outcome = await opts.core.invoke(name, input, { actor: opts.actor, onProgress: (progress) => line({ progress }) });
  line({ outcome });
  res.end();
}

function serveStatic(req: IncomingMessage, res: ServerResponse, staticDir: string): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const root = resolve(staticDir);
  let file = resolve(join(root, decodeURIComponent(url.pathname)));
  // Refuse anything that resolves outside the UI folder (../ and encoded variants).
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 403, failure('validation', '禁止访问', 'path outside the UI folder'));
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    send(res, 404, failure('validation', '界面文件不存在，请先运行 npm run build', 'UI is not built'));
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) });
  createReadStream(file).pipe(res);
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const isApi = path === '/api' || path.startsWith(API_PREFIX);
    const work = isApi
      ? handleApi(req, res, opts)
      : req.method === 'GET' && opts.staticDir
        ? Promise.resolve(serveStatic(req, res, opts.staticDir))
        : Promise.resolve(send(res, 404, failure('unknown_operation', '页面不存在', `no route for ${req.method} ${path}`)));
    work.catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, failure('internal', '服务器内部错误', e instanceof Error ? e.message : String(e)));
      else res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
