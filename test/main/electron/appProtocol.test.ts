import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppFile } from '../../../src/main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/contentSecurityPolicy';
import { tempDir } from '../../helpers/core';

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = tempDir('ledger-protocol-');
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>社工站台账</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("ui")');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  // Beside the served folder: must never be reachable.
  writeFileSync(join(base, 'secret.txt'), 'ID numbers');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
  serve = createAppProtocolHandler(root);
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
  });
});

describe('app:// handler', () => {
  it('serves files from the renderer folder with their type and the CSP', async () => {
    const page = await get('app://ledger/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('社工站台账');

    const script = await get('app://ledger/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("ui")');

    expect((await get('app://ledger/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves index.html for the bare origin', async () => {
    const page = await get('app://ledger/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>');
  });

  it('answers 404 for a missing file', async () => {
    expect((await get('app://ledger/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://ledger/..%2fsecret.txt',
    'app://ledger/assets/..%2f..%2fsecret.txt',
    'app://ledger/..%5csecret.txt',
    'app://ledger/%2e%2e%2fsecret.txt',
    'app://ledger/..%2frenderer-evil/x.js',
    'app://ledger/%00index.html',
    'app://ledger/%E0%A4%A',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('ID numbers');
  });

  it('keeps dot segments inside the folder (the URL parser folds them away)', async () => {
    const response = await get('app://ledger/../../secret.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('ID numbers');
  });

  it('refuses other hosts and schemes', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'https://ledger/index.html')).toBeNull();
  });

  it('is read-only', async () => {
    expect((await get('app://ledger/index.html', 'POST')).status).toBe(405);
    const head = await get('app://ledger/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolves paths strictly inside the root', () => {
    expect(resolveAppFile(root, 'app://ledger/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://ledger/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
  });
});

describe('content security policy', () => {
  it('allows nothing remote and no inline or eval script', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});
