/**
 * Network sync carries the same bundles as the USB stick: a station POSTs its upstream bundle to
 * the county's hub and gets its downstream bundle back in the reply. No second protocol, so every
 * check of a file import applies, and a dropped connection is just a bundle that did not arrive.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImportResult } from '../../../shared/contract';

export const HUB_PATH = '/sync/v1/exchange';
/** Twice the largest county-scale bundle measured; more is a mistake or an attack. */
export const MAX_HUB_BODY = 64 * 1024 * 1024;
const BUNDLE_TYPE = 'application/octet-stream';

export interface HubExchange {
  (bundle: Uint8Array): Promise<{ result: ImportResult; reply: Uint8Array | null }>;
}

export interface Hub {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The county's hub. `exchange` runs one bundle through the core (serialised with every other call). */
export async function startHub(exchange: HubExchange, opts: { host?: string; port?: number } = {}): Promise<Hub> {
  const server = createServer((req, res) => {
    const fail = (status: number, message: string, detail: string) => {
      if (res.headersSent) return res.destroy();
      const body = JSON.stringify({ ok: false, error: { message, detail } });
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.url !== HUB_PATH || req.method !== 'POST') return fail(404, '没有这个地址', `use POST ${HUB_PATH}`);
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_HUB_BODY) return fail(413, '数据包过大', `body over ${MAX_HUB_BODY} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_HUB_BODY && !aborted) {
        aborted = true;
        fail(413, '数据包过大', `body over ${MAX_HUB_BODY} bytes`);
        req.destroy();
      } else chunks.push(chunk);
    });
    // A connection dropped mid-upload never reaches the core: nothing is applied.
    req.on('aborted', () => (aborted = true));
    req.on('end', () => {
      if (aborted) return;
      exchange(Buffer.concat(chunks)).then(
        ({ result, reply }) => {
          if (!reply) return fail(result.outcome === 'rejected' ? 403 : 500, result.reason ?? '未能生成回复数据包', result.detail ?? 'no reply');
          res.writeHead(200, { 'Content-Type': BUNDLE_TYPE, 'Content-Length': reply.length });
          res.end(reply);
        },
        (e: unknown) => fail(500, '同步服务器内部错误', e instanceof Error ? e.message : String(e)),
      );
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, server, close: () => new Promise((ok) => server.close(() => ok())) };
}

export class HubError extends Error {
  constructor(
    readonly messageZh: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** Station side: one POST; the reply is the county's bundle for this station. */
export async function postBundle(hubUrl: string, bundle: Uint8Array, timeoutMs = 120_000): Promise<Uint8Array> {
  const url = new URL(HUB_PATH, hubUrl);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'Content-Type': BUNDLE_TYPE }, body: bundle, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new HubError('无法连接县局同步服务器，请检查网络和服务器地址', `cannot reach ${url.href}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string; detail?: string } } | null;
    throw new HubError(body?.error?.message ?? `同步服务器拒绝了请求（${res.status}）`, body?.error?.detail ?? `hub answered ${res.status}`);
  }
  try {
    return new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new HubError('连接在传输中断开，请重新同步', `reply interrupted: ${e instanceof Error ? e.message : String(e)}`);
  }
}
