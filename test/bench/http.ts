/**
 * The HTTP benchmark: what a request costs through the web host (src/main/web/server.ts on
 * src/main/http/guard.ts) beside the same routes on Hono with @hono/node-server, and a bare
 * `node:http` server answering a fixed reply (the floor any layer adds to). All three run in this
 * process on loopback, answered one request at a time over a keep-alive connection, interleaved
 * so that drift hits them alike.
 *
 * The Hono app does what the web host does on these routes (Host allowlist, JSON content type and
 * Origin checks, body limit, the core's operation, the UI's files with a fallback to index.html),
 * written the way Hono's documentation shows. Reported as p50/p95 per request and the ratio of
 * Hono to the web host; never asserted.
 */
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpStatusOf } from '../../src/shared/contract';
import { createCore, type Core } from '../../src/main/core/core';
import { failure } from '../../src/main/http/guard';
import { MAX_BODY_BYTES, startWebHost } from '../../src/main/web/server';
import { summarise, timeInterleaved, type Timing } from './support';

export interface HttpCase {
  name: string;
  ours: Timing;
  hono: Timing;
  floor: Timing;
  /** Hono p50 / web host p50, Hono p95 / web host p95. */
  ratio: { p50: number; p95: number };
}

export interface HttpReport {
  iterations: number;
  cases: HttpCase[];
}

interface Reply {
  status: number;
  bytes: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((ok, fail) => {
    const url = new URL(path, base);
    const req = request({ agent, host: url.hostname, port: url.port, method, path: url.pathname, headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => ok({ status: res.statusCode ?? 0, bytes }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/** The web host's routes as a Hono app, for the measurement only. */
async function startHono(core: Core, staticDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  let allowed = new Set<string>();
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!allowed.has(c.req.header('host') ?? '')) return c.json(failure('validation', '请求被拒绝：访问地址不是本机服务的地址', 'host not served here'), 421);
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });
  app.post(
    '/api/:name',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(failure('validation', '提交的数据过大', 'body too large'), 413) }),
    async (c) => {
      if ((c.req.header('content-type') ?? '').split(';')[0]!.trim() !== 'application/json') return c.json(failure('validation', '请求被拒绝', 'content type'), 403);
      const origin = c.req.header('origin');
      if (origin && origin !== `http://${c.req.header('host')}`) return c.json(failure('validation', '请求被拒绝', 'origin'), 403);
      let input: unknown;
      try {
        input = await c.req.json();
      } catch {
        return c.json(failure('validation', '提交的数据格式不正确', 'body is not valid JSON'), 400);
      }
      const outcome = await core.invoke(c.req.param('name'), input, { actor: 'bench', host: 'web' });
      return c.json(outcome, httpStatusOf(outcome) as 200);
    },
  );
  app.use('/*', serveStatic({ root: staticDir }));
  app.get('/*', serveStatic({ root: staticDir, path: 'index.html' }));
  const server = await new Promise<Server>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s as Server));
  });
  const { port } = server.address() as AddressInfo;
  allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** The floor: Node's HTTP server answering a fixed JSON body, with no routing or checks. */
async function startFloor(): Promise<{ url: string; close: () => Promise<void> }> {
  const body = JSON.stringify({ ok: true, value: { role: 'station' } });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export async function runHttpBench(say: (line: string) => void, opts: { iterations: number; warmup: number }): Promise<HttpReport> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-'));
  const staticDir = join(dir, 'ui');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
  // About the size of one of the renderer's chunks.
  writeFileSync(join(staticDir, 'assets', 'app.js'), `/* bench */\n${'console.log("社工站台账");\n'.repeat(8_000)}`);
  const core = createCore({ dataDir: join(dir, 'data'), actor: 'bench' });
  await core.call('station.init', { role: 'station', code: '341723100', name: '蓉城镇社工站' });
  const ours = await startWebHost({ core, actor: 'bench', staticDir });
  const hono = await startHono(core, staticDir);
  const floor = await startFloor();
  try {
    const hostOf = (base: string) => new URL(base).host;
    const cases: { name: string; run: (base: string) => Promise<Reply>; expect: number }[] = [
      {
        name: 'POST /api/station.info',
        run: (base) => send(base, 'POST', '/api/station.info', { Host: hostOf(base), 'Content-Type': 'application/json' }, '{}'),
        expect: 200,
      },
      { name: 'GET /assets/app.js (250 kB)', run: (base) => send(base, 'GET', '/assets/app.js', { Host: hostOf(base) }), expect: 200 },
      { name: 'GET /villages/1 (index.html)', run: (base) => send(base, 'GET', '/villages/1', { Host: hostOf(base) }), expect: 200 },
      { name: 'refused: foreign Host', run: (base) => send(base, 'POST', '/api/station.info', { Host: 'evil.example:80', 'Content-Type': 'application/json' }, '{}'), expect: 421 },
    ];
    const out: HttpCase[] = [];
    for (const c of cases) {
      // Both answer alike before anything is timed: a layer that skips the work is no comparison.
      for (const base of [ours.url, hono.url]) {
        const r = await c.run(base);
        if (r.status !== c.expect) throw new Error(`${c.name} at ${base}: status ${r.status}, expected ${c.expect}`);
      }
      say(`http: ${c.name}`);
      const { samples } = await timeInterleaved([() => c.run(ours.url), () => c.run(hono.url), () => c.run(floor.url)], {
        iterations: opts.iterations,
        warmup: opts.warmup,
      });
      const [o, h, f] = samples.map(summarise) as [Timing, Timing, Timing];
      out.push({ name: c.name, ours: o, hono: h, floor: f, ratio: { p50: round(h.p50 / o.p50), p95: round(h.p95 / o.p95) } });
    }
    return { iterations: opts.iterations, cases: out };
  } finally {
    await Promise.all([ours.close(), hono.close(), floor.close()]);
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

export function httpHumanReport(report: HttpReport, table: (header: string[], rows: string[][]) => string[]): string[] {
  const ms = (t: Timing) => `${t.p50.toFixed(3)} / ${t.p95.toFixed(3)}`;
  return [
    `HTTP, one request at a time over keep-alive, ms p50 / p95 (n = ${report.iterations}):`,
    ...table(
      ['request', 'web host', 'Hono', 'bare node:http', 'Hono / web host p50', 'p95'],
      report.cases.map((c) => [c.name, ms(c.ours), ms(c.hono), ms(c.floor), `${c.ratio.p50.toFixed(2)}×`, `${c.ratio.p95.toFixed(2)}×`]),
    ),
  ];
}
