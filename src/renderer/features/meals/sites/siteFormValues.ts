import type { MealSiteInput, MealSiteRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';

export type SiteFormValues = Partial<MealSiteInput>;

/** Most village sites serve lunch on working days: the form starts there. */
export function newSiteValues(): SiteFormValues {
  return {
    mealTimes: ['lunch'],
    servingDays: ['1', '2', '3', '4', '5'],
    delivery: false,
    status: 'running',
    statusSince: todayIso(),
    taskYear: Number(todayIso().slice(0, 4)),
  };
}

export function siteToValues(r: MealSiteRecord): SiteFormValues {
  const { id: _id, stationCode: _s, townshipCode: _t, townshipName: _tn, villageName: _v, diners: _d, createdAt: _c, updatedAt: _u, ...values } = r;
  return values;
}
