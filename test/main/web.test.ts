import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../src/main/web/server';
import { NDJSON, type StreamLine } from '../../src/shared/contract';
import { childInput, stationCore, tempDir } from '../helpers/core';

let core: Core;
let host: WebHost;

beforeAll(async () => {
  core = await stationCore();
  const ui = tempDir();
  mkdirSync(join(ui, 'assets'));
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>社工站台账</title>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ core, staticDir: ui, actor: 'web-tester' });
});
afterAll(async () => {
  await host.close();
  core.close();
});

const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('web host', () => {
  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists the operations', async () => {
    const res = await fetch(`${host.url}/api`);
    const body = (await res.json()) as { operations: { name: string; mutates: boolean }[] };
    expect(body.operations).toContainEqual({ name: 'children.list', mutates: false });
    expect(body.operations).toContainEqual({ name: 'children.create', mutates: true });
  });

  it('runs an operation and records the write under the host actor', async () => {
    const res = await post('children.create', childInput());
    expect(res.status).toBe(200);
    const outcome = (await res.json()) as { ok: true; result: { id: string } };
    const audit = core.db.prepare("SELECT actor FROM audit_log WHERE row_id = ? AND tbl = 'children'").get(outcome.result.id);
    expect(audit).toEqual({ actor: 'web-tester' });
  });

  it('answers 400 with field errors for bad input, and 409 for a duplicate', async () => {
    const bad = await post('children.create', { ...childInput(), idNumber: '341723201501010011', name: '' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { ok: false; error: { fieldErrors: Record<string, string> } };
    expect(body.error.fieldErrors).toMatchObject({ idNumber: expect.stringContaining('校验位'), name: '请填写儿童姓名' });
    const dup = await post('children.create', childInput());
    expect(dup.status).toBe(409);
  });

  it('refuses unknown operations, non-JSON bodies, foreign origins and oversized bodies', async () => {
    expect((await post('children.drop', {})).status).toBe(404);
    const form = await fetch(`${host.url}/api/station.info`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(403);
    expect((await post('station.info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    const broken = await fetch(`${host.url}/api/station.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(broken.status).toBe(400);
    const huge = await post('children.list', { search: 'x'.repeat(MAX_BODY_BYTES) });
    expect(huge.status).toBe(413);
  });

  it('streams progress lines before the outcome when asked for NDJSON', async () => {
    // A fresh station: demo data loads only into an empty register.
    const fresh = await stationCore();
    const freshHost = await startWebHost({ core: fresh });
    const res = await fetch(`${freshHost.url}/api/demo.load`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: NDJSON },
      body: JSON.stringify({ scale: 'small' }),
    });
    const text = await res.text();
    await freshHost.close();
    fresh.close();
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as StreamLine);
    const last = lines.at(-1)!;
    expect('outcome' in last && last.outcome.ok).toBe(true);
    expect(lines.filter((l) => 'progress' in l).length).toBeGreaterThan(0);
  });

  it('serves the UI, falls back to index.html, and refuses paths outside the UI folder', async () => {
    const index = await fetch(`${host.url}/`);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('社工站台账');
    expect(await (await fetch(`${host.url}/assets/app.js`)).text()).toBe('console.log(1)');
    expect(await (await fetch(`${host.url}/children/123`)).text()).toContain('社工站台账');
    const sneaky = await fetch(`${host.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(sneaky.status);
    expect(await sneaky.text()).not.toContain('root:');
  });
});
