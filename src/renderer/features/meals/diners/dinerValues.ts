import { z } from 'zod';
import { mealDinerInput, type MealDinerData, type MealDinerRecord, type ElderRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { mealCategoriesOf, type MealCategory } from '../../../../shared/domain/meals';

/** A registered elder, or a person outside the register who eats as 普通. */
export type DinerWho = 'elder' | 'outside';

export interface DinerFormValues {
  /** Only when the site is chosen in the form (enrolling from the elder's page). */
  siteId?: string;
  who: DinerWho;
  elderId?: string;
  name?: string;
  idNumber?: string;
  categoryOverride?: MealCategory;
  overrideReason?: string;
  startOn?: string;
  stopOn?: string;
  delivery?: boolean;
  dietNotes?: string;
}

/** The form's values as `meals.diners.save` takes them, the site included. */
export const dinerSaveInput = z.object({
  siteId: z.string({ error: '请选择助餐点' }).min(1, '请选择助餐点'),
  diner: mealDinerInput,
});
export type DinerSave = { siteId: string; diner: MealDinerData };

export function newDinerValues(elderId?: string): DinerFormValues {
  return { who: 'elder', elderId, startOn: todayIso(), delivery: false };
}

export function dinerToValues(d: MealDinerRecord, stopOn?: string): DinerFormValues {
  return {
    who: d.elderId ? 'elder' : 'outside',
    elderId: d.elderId,
    name: d.elderId ? undefined : d.name,
    idNumber: d.idNumber,
    categoryOverride: d.categoryOverride,
    overrideReason: d.overrideReason,
    startOn: d.startOn,
    stopOn: stopOn ?? d.stopOn,
    delivery: d.delivery,
    dietNotes: d.dietNotes,
  };
}

/** Only what the chosen kind of person has: an elder's name and ID number are read from the register. */
export function valuesToInput(v: DinerFormValues, siteId: string | undefined): unknown {
  const common = { startOn: v.startOn, stopOn: v.stopOn, delivery: v.delivery ?? false, dietNotes: v.dietNotes };
  const diner =
    v.who === 'elder'
      ? { ...common, elderId: v.elderId, categoryOverride: v.categoryOverride, overrideReason: v.categoryOverride ? v.overrideReason : undefined }
      : { ...common, name: v.name, idNumber: v.idNumber };
  return { siteId: siteId ?? v.siteId, diner };
}

/** The categories the elder's record gives on `day`, as the core will derive them (groups held that day). */
export function categoriesFromRecord(elder: ElderRecord, day: string): MealCategory[] {
  const groups = elder.groups.filter((g) => g.startDate <= day && (!g.endDate || g.endDate >= day)).map((g) => g.group);
  return mealCategoriesOf({ birthDate: elder.birthDate, economicStatus: elder.economicStatus, capability: elder.capability, groups }, day);
}
