/**
 * The visitors of the last visit recorded on this machine: one PC usually serves one small team,
 * so the next visit is most often made by the same people. Kept per machine, never synced.
 */
const KEY = 'station-ledger.visits.lastVisitors';
const MAX = 6;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the form then starts empty.
    return null;
  }
}

export function lastVisitors(): string[] {
  const raw = storage()?.getItem(KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((v): v is string => typeof v === 'string' && v.trim() !== '').slice(0, MAX);
  } catch {
    return [];
  }
}

export function rememberVisitors(names: readonly string[]): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(names.slice(0, MAX)));
  } catch {
    // A full or blocked storage only loses the convenience.
  }
}
