import { Select } from 'antd';
import { PlaceFilter, type PlacePatch } from '../places/PlaceFilter';
import { useStationOptions } from '../sync/stationNames';

interface RegisterPlaceFiltersProps {
  /** Only the county sees other stations' records, so only it picks a station. */
  county: boolean;
  filters: { stationCode?: string; townshipCode?: string; villageCode?: string };
  onChange: (patch: PlacePatch & { stationCode?: string }) => void;
  stationTestId?: string;
}

/** Where a register's records are: station, township, village. */
export function RegisterPlaceFilters({ county, filters, onChange, stationTestId }: RegisterPlaceFiltersProps) {
  const stationOptions = useStationOptions();
  return (
    <>
      {county && (
        <Select
          aria-label="站点"
          data-testid={stationTestId}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部站点"
          style={{ width: 160 }}
          value={filters.stationCode}
          options={stationOptions}
          onChange={(stationCode?: string) => onChange({ stationCode })}
        />
      )}
      <PlaceFilter townshipCode={filters.townshipCode} villageCode={filters.villageCode} onChange={onChange} />
    </>
  );
}
