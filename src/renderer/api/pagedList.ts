/** A register's list, read a page at a time as the user scrolls, cached per filter like any other read. */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InputOf, OperationName, ResultOf } from '../../shared/contract';
import { errorMessage, ledger } from './client';

export const PAGE_SIZE = 200;

interface Page<R> {
  total: number;
  rows: R[];
}

/** The list operations: `offset` and `limit` in, `{ total, rows }` out, each row with an `id`. */
export type PagedOperation = {
  [K in OperationName]: ResultOf<K> extends Page<{ id: string }> ? (InputOf<K> extends { offset?: number; limit?: number } ? K : never) : never;
}[OperationName];

export type RowOf<K extends PagedOperation> = ResultOf<K> extends Page<infer R extends { id: string }> ? R : never;
export type FiltersOf<K extends PagedOperation> = Omit<InputOf<K>, 'offset' | 'limit'>;

export interface PagedList<R, Result = Page<R>> {
  rows: R[];
  total: number;
  /** The newest page's whole answer, for what a list reports beside its rows (the drowning counts). */
  latest: Result | undefined;
  /** Nothing to show yet: the first answer for this list has not come. */
  pending: boolean;
  /** Reading the list (a new filter, or again); a further page is `loadingMore`. */
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  reload(): void;
  loadMore(): void;
}

/**
 * Rows of `name` under `filters`. A new filter keeps the previous rows on screen until its first
 * page comes. Rows added or removed meanwhile shift offsets, so a row already shown is never shown twice.
 */
export function usePagedList<K extends PagedOperation>(name: K, filters: FiltersOf<K>, { enabled = true }: { enabled?: boolean } = {}): PagedList<RowOf<K>, ResultOf<K>> {
  const query = useInfiniteQuery({
    enabled,
    // Not `[name, input]`: pages are another shape of answer than a single read of the same operation.
    queryKey: [name, filters, 'pages'] as const,
    queryFn: ({ pageParam }) => ledger().call(name, { ...filters, offset: pageParam, limit: PAGE_SIZE } as InputOf<K>) as Promise<ResultOf<K> & Page<RowOf<K>>>,
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const read = pages.reduce((n, p) => n + p.rows.length, 0);
      return last.rows.length > 0 && read < last.total ? read : undefined;
    },
    placeholderData: keepPreviousData,
    // Every search asks the core, also for a filter seen a moment ago: the register is the screen
    // most often changed from elsewhere (another window, an import), and its rows show meanwhile.
    staleTime: 0,
  });
  const { data, isPending, isFetching, isFetchingNextPage, hasNextPage, error, refetch, fetchNextPage } = query;
  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: RowOf<K>[] = [];
    for (const page of data?.pages ?? []) {
      for (const row of page.rows) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        out.push(row);
      }
    }
    return out;
  }, [data]);
  return {
    rows,
    total: data?.pages.at(-1)?.total ?? 0,
    latest: data?.pages.at(-1),
    pending: isPending,
    loading: isFetching && !isFetchingNextPage,
    loadingMore: isFetchingNextPage,
    error: error ? errorMessage(error) : null,
    reload: () => void refetch(),
    loadMore: () => {
      if (hasNextPage && !isFetching) void fetchNextPage();
    },
  };
}
