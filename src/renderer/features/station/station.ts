import type { StationInfo } from '../../../shared/contract';
import { UNTIL_CHANGED, useLedgerQuery } from '../../api';

/** Which station this data dir belongs to; decides between first-run setup and the register. */
export function useStationQuery() {
  return useLedgerQuery('station.info', {}, UNTIL_CHANGED);
}

/** The station, once read: the gate reads it before any screen shows, so screens have it at once. */
export function useStation(): StationInfo | undefined {
  return useStationQuery().data;
}
