/**
 * The origin the UI is served from. Every trust decision in the shell (navigation, IPC senders,
 * file serving) compares against this one origin, so it lives in one place.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for a well-formed URL on app://ledger; prefix matching would accept app://ledger.evil. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * The normalised href of a plain web link, or null. Only http(s) may leave the app: file:,
 * javascript:, smb: or custom handlers could run or open things on the station PC.
 */
export function externalWebUrl(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return parsed.href;
}
