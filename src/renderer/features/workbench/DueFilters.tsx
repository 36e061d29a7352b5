import { Flex, Segmented } from 'antd';
import type { DueKind } from '../../../shared/contract';
import { SearchBox } from '../../ui/filterBar';
import { useSearchText } from '../../ui/useSearchText';
import { PlaceFilter } from '../places/PlaceFilter';
import { useWorkbenchStore } from './workbenchStore';

const SEARCH_DEBOUNCE_MS = 250;
const ALL = 'all';
const KIND_OPTIONS: { value: DueKind | typeof ALL; label: string }[] = [
  { value: ALL, label: '全部' },
  { value: 'elder', label: '老人' },
  { value: 'child', label: '儿童' },
];

/**
 * Kind, place and name. A station sees only its own township, so it picks a village at once;
 * the county picks a township first.
 */
export function DueFilters({ county, ownTownship }: { county: boolean; ownTownship: string | undefined }) {
  const filters = useWorkbenchStore((s) => s.filters);
  const setFilters = useWorkbenchStore((s) => s.setFilters);
  const [text, setText] = useSearchText(useWorkbenchStore, SEARCH_DEBOUNCE_MS);

  return (
    <Flex wrap gap={8} align="center">
      <Segmented<DueKind | typeof ALL>
        aria-label="探访对象"
        data-testid="due-kind"
        options={KIND_OPTIONS}
        value={filters.subjectKind ?? ALL}
        onChange={(v) => setFilters({ subjectKind: v === ALL ? undefined : v })}
      />
      <PlaceFilter
        townshipCode={county ? filters.townshipCode : ownTownship}
        villageCode={filters.villageCode}
        onChange={setFilters}
        villageWidth={150}
      />
      <SearchBox testId="due-search" label="搜索姓名" placeholder="姓名 / 拼音首字母" width={200} value={text} onChange={setText} />
    </Flex>
  );
}
