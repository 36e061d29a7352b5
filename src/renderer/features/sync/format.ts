import type { SyncStationRow } from '../../../shared/contract';

/** Sync screens read moments in the one format of the UI. */
export { formatDateTime } from '../../ui/dates';

export const STATION_STATE: Record<SyncStationRow['state'], { label: string; color: string }> = {
  pending: { label: '待登记', color: 'gold' },
  enrolled: { label: '已登记', color: 'green' },
  revoked: { label: '已停用', color: 'default' },
};
