import { Flex, Select, Switch } from 'antd';
import { AGE_BANDS, CHILD_CATEGORIES, GUARDIANSHIP_TYPES, type AgeBand, type ChildCategory, type GuardianshipType } from '../../../../shared/domain/children';
import { ClearFilters, SearchBox } from '../../../ui/filterBar';
import { optionsOf } from '../../../ui/options';
import { useListFilters } from '../../../ui/useListFilters';
import { RegisterPlaceFilters } from '../../people/RegisterPlaceFilters';
import { useChildListStore } from './listStore';

const AGE_OPTIONS = AGE_BANDS.map((b) => ({ value: b.value, label: b.label }));

export function ChildFilters({ county = false }: { county?: boolean }) {
  const { filters, setFilters, text, setText, clear } = useListFilters(useChildListStore);

  return (
    <Flex wrap gap={8} align="center" className="child-filters">
      <SearchBox testId="children-search" label="搜索儿童" value={text} onChange={setText} />
      <RegisterPlaceFilters county={county} filters={filters} onChange={setFilters} stationTestId="children-station-filter" />
      <Select
        aria-label="儿童类别"
        allowClear
        placeholder="全部类别"
        style={{ width: 140 }}
        value={filters.category}
        options={optionsOf(CHILD_CATEGORIES)}
        onChange={(category?: ChildCategory) => setFilters({ category })}
      />
      <Select
        aria-label="监护类型"
        allowClear
        placeholder="全部监护类型"
        style={{ width: 170 }}
        value={filters.guardianshipType}
        options={optionsOf(GUARDIANSHIP_TYPES)}
        onChange={(guardianshipType?: GuardianshipType) => setFilters({ guardianshipType })}
      />
      <Select
        aria-label="年龄段"
        allowClear
        placeholder="全部年龄"
        style={{ width: 116 }}
        value={filters.ageBand}
        options={AGE_OPTIONS}
        onChange={(ageBand?: AgeBand) => setFilters({ ageBand })}
      />
      <Flex align="center" gap={6}>
        <Switch
          id="children-needs-report"
          size="small"
          checked={filters.needsReport === true}
          onChange={(on) => setFilters({ needsReport: on || undefined })}
        />
        <label htmlFor="children-needs-report">只看需强制报告</label>
      </Flex>
      <ClearFilters filters={filters} onClear={clear} />
    </Flex>
  );
}
