import type { ChildListInput } from '../../../../shared/contract';
import { createListFilterStore } from '../../../ui/listFilterStore';

export type ChildFilters = Omit<ChildListInput, 'offset' | 'limit'>;

export const useChildListStore = createListFilterStore<ChildFilters>();
