/**
 * The renderer's one data layer: TanStack Query over the typed client. A read is cached under
 * `[operation, input]`; a write declares, in CHANGES below, which families of reads it makes stale.
 */
import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type Query,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { InputOf, OperationName, ProgressOf, ResultOf } from '../../shared/contract';
import { ledger } from './client';

/** The first segment of an operation's name (`children` of `children.list`): what invalidation works on. */
type FamilyOf<K extends string> = K extends `${infer F}.${string}` ? F : never;
export type Family = FamilyOf<OperationName>;

export type LedgerKey<K extends OperationName> = readonly [K, InputOf<K>];

/** A read's cache key: the operation and its input, compared by value. */
export function ledgerKey<K extends OperationName>(name: K, input: InputOf<K>): LedgerKey<K> {
  return [name, input] as const;
}

export function familyOfKey(key: QueryKey): string {
  return typeof key[0] === 'string' ? (key[0].split('.')[0] ?? '') : '';
}

/**
 * Defaults for a ledger on this machine. Every change made here invalidates what it touched, so
 * answers stay fresh for half a minute; past that, a screen shown again asks once more (another
 * window, or the CLI, may have written). Errors are local and the same on a second try: no retries.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** For reads a screen needs before anything else works (the station, the divisions): changed only by writes made here. */
export const UNTIL_CHANGED = { staleTime: Infinity } as const;

type LedgerQueryOptions<K extends OperationName, T> = Omit<UseQueryOptions<ResultOf<K>, Error, T, LedgerKey<K>>, 'queryKey' | 'queryFn'>;

/** What `useQuery` needs for one operation: also for `fetchQuery` and composed reads. */
export function ledgerQuery<K extends OperationName>(name: K, input: InputOf<K>) {
  return { queryKey: ledgerKey(name, input), queryFn: () => ledger().call(name, input) };
}

/** One read of the core, cached under `[name, input]`. */
export function useLedgerQuery<K extends OperationName, T = ResultOf<K>>(name: K, input: InputOf<K>, options?: LedgerQueryOptions<K, T>) {
  return useQuery({ ...options, ...ledgerQuery(name, input) });
}

/** A read on demand (a check as a field is left): always asked afresh, and cached like any other. */
export function useLedgerFetch() {
  const client = useQueryClient();
  return useCallback(<K extends OperationName>(name: K, input: InputOf<K>) => client.fetchQuery({ ...ledgerQuery(name, input), staleTime: 0 }), [client]);
}

const EVERYTHING = 'everything';

// Each mutation's station-side effect is also a change the county has not confirmed yet: `sync`.
const PERSON = ['workbench', 'visits', 'sync'] as const;

/**
 * Which families of reads each write makes stale. Keyed by every mutation the renderer may call;
 * test/renderer/queries.test.tsx checks that the contract's mutations and this list agree.
 */
const CHANGES = {
  // The gate must stay on setup until its data step is done; the setup page refreshes the station itself.
  'station.init': [],
  'demo.load': EVERYTHING,

  // Registers: the due list, the visits register (names, places) and drowning publicity list people.
  'children.create': ['children', 'drowning', ...PERSON],
  'children.update': ['children', 'drowning', ...PERSON],
  'children.delete': ['children', 'drowning', ...PERSON],
  'children.transfer': ['children', 'drowning', ...PERSON],
  'elders.create': ['elders', ...PERSON],
  'elders.update': ['elders', ...PERSON],
  'elders.delete': ['elders', ...PERSON],
  'elders.transfer': ['elders', ...PERSON],
  'elders.saveContact': ['elders', 'sync'],
  'elders.deleteContact': ['elders', 'sync'],
  'elders.saveAgreement': ['elders', 'sync'],
  'elders.deleteAgreement': ['elders', 'sync'],
  'women.create': ['women', ...PERSON],
  'women.update': ['women', ...PERSON],
  'women.delete': ['women', ...PERSON],

  'visits.create': PERSON,
  'visits.update': PERSON,
  'visits.delete': PERSON,
  'visits.saveMajorChange': PERSON,
  'visits.deleteMajorChange': PERSON,

  'drowning.publicity.save': ['drowning', 'sync'],
  'drowning.publicity.delete': ['drowning', 'sync'],
  'drowning.publicity.batch': ['drowning', 'sync'],
  'drowning.inspections.save': ['drowning', 'sync'],
  'drowning.inspections.delete': ['drowning', 'sync'],

  // Meals: diners show on the elder's page; the workbench counts meals and absent diners.
  'meals.sites.save': ['meals', 'workbench', 'sync'],
  'meals.sites.delete': ['meals', 'workbench', 'sync'],
  'meals.diners.save': ['meals', 'workbench', 'sync'],
  'meals.diners.delete': ['meals', 'workbench', 'sync'],
  'meals.attendance.set': ['meals', 'workbench', 'sync'],
  'meals.attendance.importData': ['meals', 'workbench', 'sync'],
  'meals.settlement.lock': ['meals', 'sync'],
  'meals.settlement.unlock': ['meals', 'sync'],
  // A new standard changes no meal already ticked: only what the settings page shows.
  'meals.rules.save': ['meals', 'sync'],

  // The save answers with the rules in force (written straight into the cache by the rules page);
  // frequencies reach every due date, bands every elder's class.
  'rules.save': ['workbench', 'visits', 'elders', 'sync'],

  'sync.createKeys': ['sync'],
  'sync.enrolStation': ['sync'],
  'sync.enrolStationData': ['sync'],
  'sync.acceptEnrolment': ['sync'],
  'sync.acceptEnrolmentData': ['sync'],
  'sync.revokeStation': ['sync'],
  'sync.saveSettings': ['sync'],
  'sync.exportBundle': ['sync'],
  'sync.exportBundleData': ['sync'],
  // Bundles carry every register, the divisions and the rules; a kept station value is a county edit.
  'sync.importBundles': EVERYTHING,
  'sync.importBundleData': EVERYTHING,
  'sync.withHub': EVERYTHING,
  'sync.resolveConflict': EVERYTHING,
} as const satisfies Partial<Record<OperationName, readonly Family[] | typeof EVERYTHING>>;

export type MutationName = keyof typeof CHANGES;
export const MUTATION_NAMES = Object.keys(CHANGES) as MutationName[];

/**
 * Writes that may have changed the ledger even when they fail: a bundle is recorded as sent before
 * it is written to the stick or posted to the hub, so a later failure leaves the sync state moved.
 */
const CHANGES_EVEN_IF_FAILED: ReadonlySet<MutationName> = new Set(['sync.exportBundle', 'sync.exportBundleData', 'sync.withHub']);

/** The families a write makes stale; `null` is every read. */
export function familiesChangedBy(name: MutationName): readonly Family[] | null {
  const changes: readonly Family[] | typeof EVERYTHING = CHANGES[name];
  return changes === EVERYTHING ? null : changes;
}

/** Marks stale (and reads again, where on screen) every query of these families; `null` is every query. */
export function invalidateFamilies(client: QueryClient, families: readonly Family[] | null): Promise<void> {
  if (families === null) return client.invalidateQueries();
  if (families.length === 0) return Promise.resolve();
  const wanted = new Set<string>(families);
  return client.invalidateQueries({ predicate: (q: Query) => wanted.has(familyOfKey(q.queryKey)) });
}

type LedgerMutationOptions<K extends MutationName> = Omit<UseMutationOptions<ResultOf<K>, Error, InputOf<K>>, 'mutationFn'> & {
  /** Long operations report their phases here; keep them in the calling component's state. */
  onProgress?: (p: ProgressOf<K>) => void;
};

/**
 * One write to the core. Once it succeeds (or, for the writes in CHANGES_EVEN_IF_FAILED, once it
 * ends) the families it changed are invalidated; `mutateAsync` does not wait for the reads again.
 */
export function useLedgerMutation<K extends MutationName>(name: K, { onProgress, onSuccess, onSettled, ...options }: LedgerMutationOptions<K> = {}) {
  const client = useQueryClient();
  const changed = () => void invalidateFamilies(client, familiesChangedBy(name));
  const evenIfFailed = CHANGES_EVEN_IF_FAILED.has(name);
  return useMutation<ResultOf<K>, Error, InputOf<K>>({
    ...options,
    mutationFn: (input) => ledger().call(name, input, onProgress),
    onSuccess: (...args) => {
      if (!evenIfFailed) changed();
      return onSuccess?.(...args);
    },
    onSettled: (...args) => {
      if (evenIfFailed) changed();
      return onSettled?.(...args);
    },
  });
}
