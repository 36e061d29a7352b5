import { z } from 'zod';
import { query } from './define';

export interface Village {
  code: string;
  name: string;
}
export interface Township {
  code: string;
  name: string;
  villages: Village[];
}
export interface PlaceTree {
  county: { code: string; name: string };
  townships: Township[];
}

/** A county whose divisions ship with the app, with its townships: what first-run setup chooses from. */
export interface ShippedCounty {
  code: string;
  name: string;
  townships: { code: string; name: string }[];
}

export const placesOperations = {
  'places.tree': query<PlaceTree>()(z.object({})),
  /** Read before the data dir is initialised, when it holds no places yet. */
  'places.shipped': query<ShippedCounty[]>()(z.object({})),
} as const;
