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

export const placesOperations = {
  'places.tree': query<PlaceTree>()(z.object({})),
} as const;
