/**
 * The high-age allowance bands in force, as the county set them (or the national default), for
 * labels and filters. The core computes each elder's class; this only names it.
 */
import type { RulesRecord } from '../../../shared/contract';
import { DEFAULT_HIGH_AGE_BANDS, type HighAgeBand } from '../../../shared/domain/elders';
import { useLedgerQuery } from '../../api';

/** New bands count only once they are in force; until then the record holds only the coming ones. */
function bandsInForce(rules: RulesRecord): readonly HighAgeBand[] {
  return rules.highAgeBandsFrom ? DEFAULT_HIGH_AGE_BANDS : rules.highAgeBands;
}

/** The defaults name the classes until the rules are read, or when they cannot be. */
export function useHighAgeBands(): readonly HighAgeBand[] {
  return useLedgerQuery('rules.get', {}, { select: bandsInForce }).data ?? DEFAULT_HIGH_AGE_BANDS;
}

/** A class's label; a class no band names (bands changed since) shows as its code. */
export function highAgeLabel(bands: readonly HighAgeBand[], highAgeClass: string | null): string | null {
  if (highAgeClass === null) return null;
  return bands.find((b) => b.value === highAgeClass)?.label ?? highAgeClass;
}
