import type { WomanListInput } from '../../../../shared/contract';
import { createListFilterStore } from '../../../ui/listFilterStore';

export type WomanFilters = Omit<WomanListInput, 'offset' | 'limit'>;

export const useWomanListStore = createListFilterStore<WomanFilters>();
