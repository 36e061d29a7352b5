import type { MealSiteListInput } from '../../../../shared/contract';
import { createListFilterStore } from '../../../ui/listFilterStore';

export type SiteFilters = Omit<MealSiteListInput, 'offset' | 'limit'>;

/** The sites list's filters, kept while the user opens a site and comes back. */
export const useSiteListStore = createListFilterStore<SiteFilters>();
