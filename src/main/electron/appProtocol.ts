/**
 * The app:// protocol: serves the built renderer (dist/renderer) so the UI never runs from file://,
 * which would give it access to every file on the disk and a null origin.
 */
import type { CustomScheme } from 'electron';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appUrl';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { contentTypeOf } from '../contentTypes';

/**
 * Must be registered before the app is ready. `standard` gives app://ledger a real origin (so CSP
 * 'self' and relative asset URLs work), `secure` makes it a secure context like https.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};


/**
 * The file under `rootDir` that an app://ledger URL names, or null when the URL is not ours or
 * would leave the folder. Percent-encoded separators (`..%2f`, `..%5c`) survive URL parsing and
 * only become `..` after decoding, so the check runs on the resolved path, not on the URL.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  // A backslash separates folders on Windows only; treat it as one everywhere, so a request
  // is refused or served the same on the station PC as in the tests.
  const wanted = pathname.replace(/\\/g, '/').replace(/^\/+/, '') || 'index.html';
  const root = resolve(rootDir);
  const file = resolve(root, wanted);
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** The handler given to `protocol.handle('app', …)`: read-only, GET/HEAD, files under `rootDir` only. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const file = resolveAppFile(rootDir, request.url);
    if (file === null) return plain(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not Found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
