import type { ChildListInput, ChildListRow } from '../../../../shared/contract';
import { ledger } from '../../../api';
import { createPagedListStore } from '../../../ui/pagedListStore';

export type ChildFilters = Omit<ChildListInput, 'offset' | 'limit'>;

export const useChildListStore = createPagedListStore<ChildFilters, ChildListRow>((filters, offset, limit) =>
  ledger().call('children.list', { ...filters, offset, limit }),
);
