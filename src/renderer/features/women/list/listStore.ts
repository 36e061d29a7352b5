import type { WomanListInput, WomanListRow } from '../../../../shared/contract';
import { ledger } from '../../../api';
import { createPagedListStore } from '../../../ui/pagedListStore';

export type WomanFilters = Omit<WomanListInput, 'offset' | 'limit'>;

export const useWomanListStore = createPagedListStore<WomanFilters, WomanListRow>((filters, offset, limit) =>
  ledger().call('women.list', { ...filters, offset, limit }),
);
