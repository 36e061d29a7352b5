import type { PlaceTree } from '../../../shared/contract';
import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';

export function placeTree(ctx: CoreContext): PlaceTree {
  const rows = ctx.db
    .prepare("SELECT id, level, name, parent_code FROM places WHERE deleted = 0 ORDER BY id")
    .all() as { id: string; level: string; name: string; parent_code: string | null }[];
  const county = rows.find((r) => r.level === 'county');
  const townships = rows
    .filter((r) => r.level === 'township')
    .map((t) => ({
      code: t.id,
      name: t.name,
      villages: rows.filter((v) => v.level === 'village' && v.parent_code === t.id).map((v) => ({ code: v.id, name: v.name })),
    }));
  return { county: { code: county?.id ?? '', name: county?.name ?? '' }, townships };
}

/** Names of divisions by code, for list rows; small (one county), so read whole. */
export function placeNames(ctx: CoreContext): Map<string, string> {
  const rows = ctx.db.prepare('SELECT id, name FROM places').all() as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function placesHandlers(ctx: CoreContext): Pick<Handlers, 'places.tree'> {
  return {
    'places.tree': () => placeTree(ctx),
  };
}
