import { Tag } from 'antd';
import { addDays, todayIso } from '../../../../shared/domain/dates';
import { labelOf } from '../../../../shared/domain/labels';
import { SITE_STATUSES, type SiteStatus } from '../../../../shared/domain/meals';

const STATUS_COLORS: Record<SiteStatus, string> = { planned: 'processing', running: 'success', stopped: 'default' };

export function SiteStatusTag({ status }: { status: SiteStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{labelOf(SITE_STATUSES, status)}</Tag>;
}

/** A food licence is renewed before it lapses: the month before its end is the time to act. */
export const LICENCE_WARNING_DAYS = 30;

export type LicenceState = 'expired' | 'expiring' | 'valid';

/** How a licence stands today; expiring means within `LICENCE_WARNING_DAYS` days, its last day included. */
export function licenceState(expiresOn: string, today = todayIso()): LicenceState {
  if (expiresOn < today) return 'expired';
  if (expiresOn <= addDays(today, LICENCE_WARNING_DAYS)) return 'expiring';
  return 'valid';
}
