import { Flex, Select } from 'antd';
import {
  CAPABILITY_LEVELS,
  ECONOMIC_STATUSES,
  ELDER_AGE_BANDS,
  ELDER_GROUPS,
  LIVING_SITUATIONS,
  RISK_TIERS,
  type CapabilityLevel,
  type EconomicStatus,
  type ElderAgeBand,
  type ElderGroup,
  type LivingSituation,
  type RiskTier,
} from '../../../../shared/domain/elders';
import { ClearFilters, SearchBox } from '../../../ui/filterBar';
import { optionsOf } from '../../../ui/options';
import { useListFilters } from '../../../ui/useListFilters';
import { RegisterPlaceFilters } from '../../people/RegisterPlaceFilters';
import { riskTierShort } from '../tags';
import { useHighAgeBands } from '../../rules/highAgeBands';
import { useElderListStore } from './listStore';

const RISK_OPTIONS = RISK_TIERS.map((t) => ({ value: t.value, label: riskTierShort(t.value) }));

export function ElderFilters({ county = false }: { county?: boolean }) {
  const { filters, setFilters, text, setText, clear } = useListFilters(useElderListStore);
  const bands = useHighAgeBands();

  return (
    <Flex wrap gap={8} align="center">
      <SearchBox testId="elders-search" label="搜索老人" value={text} onChange={setText} />
      <RegisterPlaceFilters county={county} filters={filters} onChange={setFilters} stationTestId="elders-station-filter" />
      <Select
        aria-label="对象类别"
        allowClear
        placeholder="全部类别"
        style={{ width: 150 }}
        value={filters.group}
        options={optionsOf(ELDER_GROUPS)}
        onChange={(group?: ElderGroup) => setFilters({ group })}
      />
      <Select
        aria-label="探访等级"
        allowClear
        placeholder="全部探访等级"
        style={{ width: 130 }}
        value={filters.riskTier}
        options={RISK_OPTIONS}
        onChange={(riskTier?: RiskTier) => setFilters({ riskTier })}
      />
      <Select
        aria-label="能力等级"
        allowClear
        placeholder="全部能力等级"
        style={{ width: 130 }}
        value={filters.capability}
        options={optionsOf(CAPABILITY_LEVELS)}
        onChange={(capability?: CapabilityLevel) => setFilters({ capability })}
      />
      <Select
        aria-label="居住情况"
        allowClear
        placeholder="全部居住情况"
        style={{ width: 130 }}
        value={filters.livingSituation}
        options={optionsOf(LIVING_SITUATIONS)}
        onChange={(livingSituation?: LivingSituation) => setFilters({ livingSituation })}
      />
      <Select
        aria-label="经济状况"
        allowClear
        placeholder="全部经济状况"
        style={{ width: 130 }}
        value={filters.economicStatus}
        options={optionsOf(ECONOMIC_STATUSES)}
        onChange={(economicStatus?: EconomicStatus) => setFilters({ economicStatus })}
      />
      <Select
        aria-label="年龄段"
        allowClear
        placeholder="全部年龄"
        style={{ width: 120 }}
        value={filters.ageBand}
        options={optionsOf(ELDER_AGE_BANDS)}
        onChange={(ageBand?: ElderAgeBand) => setFilters({ ageBand })}
      />
      <Select
        aria-label="高龄津贴档次"
        allowClear
        placeholder="全部高龄津贴档次"
        style={{ width: 170 }}
        value={filters.highAgeClass}
        options={bands.map((b) => ({ value: b.value, label: `高龄津贴 ${b.label}` }))}
        onChange={(highAgeClass?: string) => setFilters({ highAgeClass })}
      />
      <ClearFilters filters={filters} onClear={clear} />
    </Flex>
  );
}
