/**
 * How dates read everywhere on screen: calendar days YYYY-MM-DD, moments YYYY-MM-DD HH:mm in this
 * machine's time zone. Printed government forms keep their own 年月日 (`features/print/format.ts`).
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

export const DAY_FORMAT = 'YYYY-MM-DD';
export const MOMENT_FORMAT = 'YYYY-MM-DD HH:mm';

/** A UTC timestamp (created, updated, synced) as local date and time; null when absent or unreadable. */
export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = dayjs(iso);
  return d.isValid() ? d.format(MOMENT_FORMAT) : null;
}

/** A calendar day (YYYY-MM-DD, never shifted by time zone) with its weekday: 2026-11-28 星期六. */
export function formatDayWithWeekday(iso: string): string {
  return dayjs(iso).locale('zh-cn').format(`${DAY_FORMAT} dddd`);
}
