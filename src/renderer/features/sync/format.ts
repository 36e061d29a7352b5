import type { SyncStationRow } from '../../../shared/contract';

/** Sync screens read moments in the one format of the UI. */
export { formatDateTime } from '../../ui/dates';

const TABLE_LABELS: Record<string, string> = {
  children: '儿童',
  child_categories: '儿童类别',
  places: '区划',
};

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}

/** "儿童 3 条、儿童类别 2 条", or "没有新的修改". */
export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${tableLabel(t)} ${n.toLocaleString('zh-CN')} 条`);
  return parts.length > 0 ? parts.join('、') : '没有新的修改';
}

export const STATION_STATE: Record<SyncStationRow['state'], { label: string; color: string }> = {
  pending: { label: '待登记', color: 'gold' },
  enrolled: { label: '已登记', color: 'green' },
  revoked: { label: '已停用', color: 'default' },
};
