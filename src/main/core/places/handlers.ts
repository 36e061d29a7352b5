import type { PlaceTree } from '../../../shared/contract';
import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { shippedCounties } from './seed';

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

/** Names of the divisions a page or a record mentions (not the whole list on every call). */
export function placeNames(ctx: CoreContext, codes: readonly string[]): Map<string, string> {
  const rows = ctx.db
    .prepare('SELECT id, name FROM places WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(codes)])) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A record's township and village names. */
export function placeNamesOf(ctx: CoreContext, row: { township_code: string; village_code: string }): { township: string; village: string } {
  const names = placeNames(ctx, [row.township_code, row.village_code]);
  return { township: names.get(row.township_code) ?? '', village: names.get(row.village_code) ?? '' };
}

export function placesHandlers(ctx: CoreContext): Pick<Handlers, 'places.tree' | 'places.shipped'> {
  return {
    'places.tree': () => placeTree(ctx),
    'places.shipped': () => shippedCounties(ctx.appRoot),
  };
}
