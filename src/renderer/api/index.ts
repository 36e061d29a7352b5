/**
 * The renderer's one door to the core. Screens read and write through the query hooks here, which
 * call the typed client; nothing outside this folder touches `window.ledger` or `fetch`.
 */
export { errorData, errorMessage, setTransport } from './client';
export { createQueryClient, invalidateFamilies, ledgerKey, ledgerQuery, UNTIL_CHANGED, useLedgerFetch, useLedgerMutation, useLedgerQuery } from './queries';
export { usePagedList, type FiltersOf, type PagedOperation, type RowOf } from './pagedList';
export { bridgeTransport, httpTransport } from './transports';
export { desktop, type DesktopBridge, type PrintOutcome, type PrintRequest } from './desktop';
