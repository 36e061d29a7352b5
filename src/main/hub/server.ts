/**
 * The county's sync hub: `station-ledger serve`. A station takes a one-time challenge, then POSTs
 * its upstream bundle with headers that prove who it is (core/sync/hubAuth.ts) and gets its
 * downstream bundle back in the reply.
 *
 * The hub is on the office network, so it is bounded before it is trusted: the sender is
 * authenticated from the headers before a byte of the body is taken; only a few uploads are taken
 * at once, with a cap on the bytes they may hold; and a body that arrives too slowly is cut.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { hubSenderClaim, LedgerError, MAX_HUB_BUNDLE_BYTES, type HubSenderClaim, type ImportResult } from '../../shared/contract';
import { HUB_HEADERS } from '../core/sync/hubAuth';
import { BUNDLE_TYPE, HUB_CHALLENGE_PATH, HUB_EXCHANGE_PATH } from '../core/sync/hubClient';
import { failure, sendJson, startGuardedServer, type GuardedServer } from '../http/guard';

export interface HubLimits {
  /** Largest body taken. */
  maxBody: number;
  /** Uploads being verified or received at once; more wait for their turn elsewhere (503). */
  maxUploads: number;
  /** Declared bytes of the uploads in progress, together. */
  maxBytesInFlight: number;
  /** A body slower than this (after the grace period) is cut: slow senders cannot hold a slot. */
  minBytesPerSecond: number;
  graceMs: number;
  /** Of a refused upload, how much is read and dropped so the sender can read the refusal. */
  drainBytes: number;
  /** Challenges issued and not yet used; the oldest are forgotten first. */
  maxChallenges: number;
  challengeTtlMs: number;
}

const DEFAULT_HUB_LIMITS: HubLimits = {
  maxBody: MAX_HUB_BUNDLE_BYTES,
  maxUploads: 4,
  maxBytesInFlight: 2 * MAX_HUB_BUNDLE_BYTES,
  minBytesPerSecond: 16 * 1024,
  graceMs: 15_000,
  drainBytes: 16 * 1024 * 1024,
  maxChallenges: 1_000,
  challengeTtlMs: 120_000,
};

export interface HubHandlers {
  /** Throws (or rejects) with a person-readable reason when the claim is refused. */
  verify(claim: HubSenderClaim): Promise<void>;
  exchange(bundle: Uint8Array): Promise<{ result: ImportResult; reply: Uint8Array | null }>;
}

export interface HubOptions {
  host?: string;
  port?: number;
  allowHosts?: readonly string[];
  limits?: Partial<HubLimits>;
}

export type Hub = GuardedServer;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly messageZh: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** One-time challenges, forgotten after their time or when too many are outstanding. */
class Challenges {
  private readonly issued = new Map<string, number>();
  constructor(private readonly limits: HubLimits) {}

  issue(now: number): string {
    const nonce = randomBytes(24).toString('base64url');
    if (this.issued.size >= this.limits.maxChallenges) this.issued.delete(this.issued.keys().next().value!);
    this.issued.set(nonce, now + this.limits.challengeTtlMs);
    return nonce;
  }

  take(nonce: string, now: number): boolean {
    const until = this.issued.get(nonce);
    this.issued.delete(nonce);
    return until !== undefined && until >= now;
  }
}

function claimOf(req: IncomingMessage, maxBody: number): HubSenderClaim {
  if (req.headers['transfer-encoding'] !== undefined) throw new Refusal(411, '请求格式不正确', 'chunked bodies are not taken; send Content-Length');
  const size = Number(req.headers['content-length']);
  if (!Number.isSafeInteger(size) || size < 1) throw new Refusal(411, '请求格式不正确', 'Content-Length required');
  if (size > maxBody) throw new Refusal(413, '数据包过大', `body of ${size} bytes over ${maxBody}`);
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const parsed = hubSenderClaim.safeParse({
    station: header(HUB_HEADERS.station),
    nonce: header(HUB_HEADERS.nonce),
    size,
    signature: header(HUB_HEADERS.signature),
    tokenProof: header(HUB_HEADERS.tokenProof),
  });
  if (!parsed.success) throw new Refusal(401, '请求没有站点身份证明，请使用台账软件同步', 'missing or malformed sender headers');
  return parsed.data;
}

/** Reads exactly `size` bytes into one buffer, or fails when the body is late, short or long. */
function readExactly(req: IncomingMessage, size: number, deadlineMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(size);
    let got = 0;
    const timer = setTimeout(() => fail(new Refusal(408, '数据传输太慢，已中断，请在网络较好时重新同步', `body not received within ${deadlineMs} ms`)), deadlineMs);
    const fail = (e: Refusal) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      reject(e);
    };
    req.on('data', (chunk: Buffer) => {
      if (got + chunk.length > size) return fail(new Refusal(400, '数据长度与声明不符', 'body longer than Content-Length'));
      chunk.copy(body, got);
      got += chunk.length;
    });
    req.on('end', () => {
      clearTimeout(timer);
      if (got === size) resolve(body);
      else reject(new Refusal(400, '数据不完整', `body ended after ${got} of ${size} bytes`));
    });
    req.on('aborted', () => fail(new Refusal(400, '连接中断', 'client aborted')));
  });
}

export async function startHub(handlers: HubHandlers, opts: HubOptions = {}): Promise<Hub> {
  const limits = { ...DEFAULT_HUB_LIMITS, ...opts.limits };
  const challenges = new Challenges(limits);
  let uploads = 0;
  let bytesInFlight = 0;

  const refuse = (req: IncomingMessage, res: ServerResponse, e: Refusal) => {
    sendJson(res, e.status, failure('validation', e.messageZh, e.message), e.status === 503 ? { 'Retry-After': '30' } : {});
    // Closing at once on a sender still writing makes the kernel reset the connection, and the
    // station would see "network error" instead of this answer. So the rest of a body of an
    // ordinary size is read and dropped (never kept), for a bounded time; beyond that the
    // connection is cut: a flood is not worth reading.
    let dropped = 0;
    const cut = setTimeout(() => req.socket.destroy(), limits.graceMs);
    cut.unref();
    req.once('end', () => clearTimeout(cut));
    req.once('close', () => clearTimeout(cut));
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > limits.drainBytes) req.socket.destroy();
    });
  };

  async function exchange(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const claim = claimOf(req, limits.maxBody);
    if (!challenges.take(claim.nonce, Date.now())) throw new Refusal(401, '身份验证已过期，请重新同步', 'unknown or expired challenge');
    if (uploads >= limits.maxUploads || bytesInFlight + claim.size > limits.maxBytesInFlight) {
      throw new Refusal(503, '同步服务器正忙，请稍后再同步', `busy: ${uploads} uploads, ${bytesInFlight} bytes in flight`);
    }
    uploads += 1;
    bytesInFlight += claim.size;
    try {
      try {
        await handlers.verify(claim);
      } catch (e) {
        throw new Refusal(403, e instanceof LedgerError ? e.data.message : '站点未能证明身份', e instanceof Error ? e.message : String(e));
      }
      const deadline = limits.graceMs + Math.ceil((claim.size / limits.minBytesPerSecond) * 1000);
      const bundle = await readExactly(req, claim.size, deadline);
      const { result, reply } = await handlers.exchange(bundle);
      if (!reply) throw new Refusal(result.outcome === 'rejected' ? 403 : 500, result.reason ?? '未能生成回复数据包', result.detail ?? 'no reply');
      res.writeHead(200, { 'Content-Type': BUNDLE_TYPE, 'Content-Length': reply.length });
      res.end(reply);
    } finally {
      uploads -= 1;
      bytesInFlight -= claim.size;
    }
  }

  return startGuardedServer(
    { host: opts.host ?? '127.0.0.1', port: opts.port ?? 0, allowHosts: opts.allowHosts, headersTimeoutMs: 10_000 },
    async (req, res) => {
      try {
        if (req.method !== 'POST') throw new Refusal(405, '请求方式不正确', 'use POST');
        if (req.url === HUB_CHALLENGE_PATH) {
          sendJson(res, 200, { nonce: challenges.issue(Date.now()) });
          return;
        }
        if (req.url !== HUB_EXCHANGE_PATH) throw new Refusal(404, '没有这个地址', `use POST ${HUB_EXCHANGE_PATH}`);
        await exchange(req, res);
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        if (res.headersSent) res.destroy();
        else if (e.status === 408) {
          // A slow sender keeps nothing open: the connection ends once the refusal is written.
          sendJson(res, e.status, failure('validation', e.messageZh, e.message), { Connection: 'close' });
          req.socket.destroySoon();
        } else refuse(req, res, e);
      }
    },
  );
}
