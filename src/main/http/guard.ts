/**
 * What every HTTP host of the ledger (the loopback web host, the county's sync hub) does before it
 * routes a request.
 *
 * - DNS rebinding: a page on another site can make the browser send requests to 127.0.0.1 under
 *   its own name, with an Origin that agrees with that name. Only the Host header tells, so a host
 *   answers only the names it listens on.
 * - No request may end the process: a malformed URL, a handler that throws, a client that drops
 *   the connection each end that request with a 4xx/5xx, never the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import type { ErrorCode, Outcome } from '../../shared/contract';
import { logger } from '../core/log';

const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

function isLoopback(bindHost: string): boolean {
  return bindHost === '127.0.0.1' || bindHost === '::1' || bindHost === 'localhost';
}

/**
 * Which Host headers a server bound to `bindHost:port` answers. On loopback: the loopback names.
 * Beyond loopback (a county office LAN): also any IP literal (a rebinding page always arrives under
 * a name, never an address) and the names the operator configured for the machine.
 */
function hostAllowlist(bindHost: string, port: number, names: readonly string[] = []): (host: string | undefined) => boolean {
  const allowed = new Set([...LOOPBACK_NAMES, ...names.map((n) => n.toLowerCase())]);
  const open = !isLoopback(bindHost);
  return (header) => {
    if (!header) return false;
    const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
    if (!match) return false;
    const name = match[1]!.toLowerCase();
    const givenPort = match[2] === undefined ? 80 : Number(match[2]);
    if (givenPort !== port) return false;
    if (allowed.has(name)) return true;
    return open && isIP(name.replace(/^\[|\]$/g, '')) !== 0;
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The error body every host sends, in the contract's shape: Chinese for people, English detail for logs. */
export function failure(code: ErrorCode, message: string, detail: string): Outcome<never> {
  return { ok: false, error: { code, message, detail } };
}

/** `decodeURIComponent` throws on a stray `%`: null instead, for a 400. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export interface GuardedServerOptions {
  host: string;
  port: number;
  /** Extra names the server answers to when bound beyond loopback (a LAN host name). */
  allowHosts?: readonly string[];
  /** Whole-request cap (headers and body), in ms. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Headers added to every reply of this server, refusals included. */
  headers?: Record<string, string>;
}

export interface GuardedServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts a server whose handler sees only requests for its own Host, and whose failures stay
 * inside the request that caused them.
 */
export async function startGuardedServer(
  opts: GuardedServerOptions,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
): Promise<GuardedServer> {
  let allows: (host: string | undefined) => boolean = () => false;
  const extra = opts.headers ?? {};
  const server = createServer({ requestTimeout: opts.requestTimeoutMs ?? 300_000, headersTimeout: opts.headersTimeoutMs ?? 10_000 }, (req, res) => {
    // An 'error' with no listener would be thrown from the emitter, out of any request.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    // Origin-form only ("/path"): an absolute URL names another authority than the Host checked
    // below; and one Host header, not a first that passes and a second that does not.
    const hosts = req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length;
    if (!req.url?.startsWith('/') || hosts !== 1) {
      sendJson(res, 400, failure('validation', '请求格式不正确', 'request target must be origin-form with exactly one Host header'), { ...extra, Connection: 'close' });
      return;
    }
    if (!allows(req.headers.host)) {
      sendJson(res, 421, failure('validation', '请求被拒绝：访问地址不是本机服务的地址', `host ${JSON.stringify(req.headers.host ?? null)} is not served here`), {
        ...extra,
        Connection: 'close',
      });
      return;
    }
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((e: unknown) => {
        logger.error(`request ${req.method} ${req.url} failed`, e);
        if (!res.headersSent) sendJson(res, 500, failure('internal', '服务器内部错误', e instanceof Error ? e.message : String(e)), extra);
        else res.destroy();
      });
  });
  // Requests Node cannot even parse (bad request line, oversized headers): a 400, never an exception.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  allows = hostAllowlist(opts.host, port, opts.allowHosts);
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${shownHost}:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
