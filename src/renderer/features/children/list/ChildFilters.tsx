import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { AGE_BANDS, CHILD_CATEGORIES, GUARDIANSHIP_TYPES, type AgeBand, type ChildCategory, type GuardianshipType } from '../../../../shared/domain/children';
import { optionsOf } from '../../../ui/options';
import { useDebounced } from '../../../ui/useDebounced';
import { useTownships } from '../../places/placesStore';
import { useStationOptions } from '../../sync/stationNames';
import { activeFilterCount, useChildListStore } from './listStore';

const AGE_OPTIONS = AGE_BANDS.map((b) => ({ value: b.value, label: b.label }));
const SEARCH_DEBOUNCE_MS = 200;

export function ChildFilters({ county = false }: { county?: boolean }) {
  const filters = useChildListStore((s) => s.filters);
  const setFilters = useChildListStore((s) => s.setFilters);
  const clearFilters = useChildListStore((s) => s.clearFilters);
  const townships = useTownships();
  const stationOptions = useStationOptions();

  const [text, setText] = useState(filters.search ?? '');
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  // Only a settled change of the typed text searches; clearing filters must not re-apply old text.
  useEffect(() => {
    if (search !== (useChildListStore.getState().filters.search ?? '')) setFilters({ search: search || undefined });
  }, [search, setFilters]);

  const villages = useMemo(() => townships.find((t) => t.code === filters.townshipCode)?.villages ?? [], [townships, filters.townshipCode]);

  return (
    <Flex wrap gap={8} align="center" className="child-filters">
      <Input
        data-testid="children-search"
        aria-label="搜索儿童"
        allowClear
        prefix={<SearchOutlined />}
        placeholder="姓名 / 拼音首字母 / 身份证号"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={30}
        style={{ width: 240 }}
      />
      {county && (
        <Select
          aria-label="站点"
          data-testid="children-station-filter"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部站点"
          style={{ width: 160 }}
          value={filters.stationCode}
          options={stationOptions}
          onChange={(stationCode?: string) => setFilters({ stationCode })}
        />
      )}
      <Select
        aria-label="乡镇（街道）"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部乡镇"
        style={{ width: 140 }}
        value={filters.townshipCode}
        options={townships.map((t) => ({ value: t.code, label: t.name }))}
        onChange={(code?: string) => setFilters({ townshipCode: code, villageCode: undefined })}
      />
      <Select
        aria-label="村（居）"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        disabled={!filters.townshipCode}
        placeholder={filters.townshipCode ? '全部村（居）' : '先选乡镇'}
        style={{ width: 140 }}
        value={filters.villageCode}
        options={villages.map((v) => ({ value: v.code, label: v.name }))}
        onChange={(code?: string) => setFilters({ villageCode: code })}
      />
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
      {activeFilterCount(filters) > 0 && (
        <Button
          type="link"
          onClick={() => {
            setText('');
            clearFilters();
          }}
        >
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
