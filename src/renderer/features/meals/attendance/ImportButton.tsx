import type { MealSiteRecord } from '../../../../shared/contract';

/** Imports a sign-in device's export into the site's attendance, after a preview of what matches. */
export function ImportButton(_props: { site: MealSiteRecord; month: string }) {
  return null;
}
