import type { PlaceTree, Township } from '../../../shared/contract';
import { UNTIL_CHANGED, useLedgerQuery } from '../../api';

const NO_TOWNSHIPS: Township[] = [];

/** The divisions change only through county reference data arriving in a bundle, which invalidates them. */
export function usePlaceTree(): PlaceTree | undefined {
  return useLedgerQuery('places.tree', {}, UNTIL_CHANGED).data;
}

export function useTownships(): Township[] {
  return usePlaceTree()?.townships ?? NO_TOWNSHIPS;
}
