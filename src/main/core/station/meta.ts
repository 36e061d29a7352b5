import type { Sqlite } from '../db/open';
import type { StationMeta } from '../context';

const KEYS = { role: 'station.role', code: 'station.code', name: 'station.name', countyCode: 'station.county_code', epoch: 'sync.epoch' } as const;

export function readStationMeta(db: Sqlite): StationMeta | null {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const role = m.get(KEYS.role);
  const code = m.get(KEYS.code);
  if ((role !== 'station' && role !== 'county') || !code) return null;
  return {
    role,
    code,
    name: m.get(KEYS.name) ?? '',
    countyCode: m.get(KEYS.countyCode) ?? code.slice(0, 6),
    epoch: Number(m.get(KEYS.epoch) ?? '1'),
  };
}

export function writeStationMeta(db: Sqlite, meta: StationMeta): void {
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  put.run(KEYS.role, meta.role);
  put.run(KEYS.code, meta.code);
  put.run(KEYS.name, meta.name);
  put.run(KEYS.countyCode, meta.countyCode);
  put.run(KEYS.epoch, String(meta.epoch));
}
