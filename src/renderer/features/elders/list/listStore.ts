import type { ElderListInput, ElderListRow } from '../../../../shared/contract';
import { ledger } from '../../../api';
import { createPagedListStore } from '../../../ui/pagedListStore';

export type ElderFilters = Omit<ElderListInput, 'offset' | 'limit'>;

export const useElderListStore = createPagedListStore<ElderFilters, ElderListRow>((filters, offset, limit) =>
  ledger().call('elders.list', { ...filters, offset, limit }),
);
