import type { VisitListInput, VisitListRow } from '../../../../shared/contract';
import { ledger } from '../../../api';
import { createPagedListStore } from '../../../ui/pagedListStore';

export type VisitFilters = Omit<VisitListInput, 'offset' | 'limit'>;

export const useVisitListStore = createPagedListStore<VisitFilters, VisitListRow>((filters, offset, limit) =>
  ledger().call('visits.list', { ...filters, offset, limit }),
);
