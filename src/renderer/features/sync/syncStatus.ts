import type { SyncStationRow } from '../../../shared/contract';
import { useLedgerQuery } from '../../api';

/** This machine's sync state: a station's unconfirmed changes, or the county's stations and conflicts. */
export function useSyncStatus({ enabled = true }: { enabled?: boolean } = {}) {
  return useLedgerQuery('sync.status', {}, { enabled });
}

const NO_STATIONS: SyncStationRow[] = [];

/** The county's stations as sync knows them; empty at a township station, which need not ask. */
export function useSyncStations({ enabled = true }: { enabled?: boolean } = {}): SyncStationRow[] {
  return useSyncStatus({ enabled }).data?.county?.stations ?? NO_STATIONS;
}
