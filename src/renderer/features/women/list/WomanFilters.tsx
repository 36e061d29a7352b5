import { Flex, Select } from 'antd';
import { WOMAN_AGE_BANDS, WOMAN_STATUSES, type WomanAgeBand, type WomanStatus } from '../../../../shared/domain/women';
import { ClearFilters, SearchBox } from '../../../ui/filterBar';
import { optionsOf } from '../../../ui/options';
import { useListFilters } from '../../../ui/useListFilters';
import { RegisterPlaceFilters } from '../../people/RegisterPlaceFilters';
import { useWomanListStore } from './listStore';

const AGE_OPTIONS = WOMAN_AGE_BANDS.map((b) => ({ value: b.value, label: b.label }));

export function WomanFilters({ county = false }: { county?: boolean }) {
  const { filters, setFilters, text, setText, clear } = useListFilters(useWomanListStore);

  return (
    <Flex wrap gap={8} align="center">
      <SearchBox testId="women-search" label="搜索留守妇女" value={text} onChange={setText} />
      <RegisterPlaceFilters county={county} filters={filters} onChange={setFilters} stationTestId="women-station-filter" />
      <Select
        aria-label="登记状态"
        allowClear
        placeholder="全部状态"
        style={{ width: 116 }}
        value={filters.status}
        options={optionsOf(WOMAN_STATUSES)}
        onChange={(status?: WomanStatus) => setFilters({ status })}
      />
      <Select
        aria-label="年龄段"
        allowClear
        placeholder="全部年龄"
        style={{ width: 116 }}
        value={filters.ageBand}
        options={AGE_OPTIONS}
        onChange={(ageBand?: WomanAgeBand) => setFilters({ ageBand })}
      />
      <ClearFilters filters={filters} onClear={clear} />
    </Flex>
  );
}
