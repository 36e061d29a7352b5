import type { VisitListInput } from '../../../../shared/contract';
import { createListFilterStore } from '../../../ui/listFilterStore';

export type VisitFilters = Omit<VisitListInput, 'offset' | 'limit'>;

export const useVisitListStore = createListFilterStore<VisitFilters>();
