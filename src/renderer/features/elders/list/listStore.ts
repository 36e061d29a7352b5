import type { ElderListInput } from '../../../../shared/contract';
import { createListFilterStore } from '../../../ui/listFilterStore';

export type ElderFilters = Omit<ElderListInput, 'offset' | 'limit'>;

export const useElderListStore = createListFilterStore<ElderFilters>();
