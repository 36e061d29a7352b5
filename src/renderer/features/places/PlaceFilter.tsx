import { Select } from 'antd';
import { useMemo } from 'react';
import { useStation } from '../station/station';
import { useTownships } from './places';

export interface PlacePatch {
  townshipCode?: string;
  villageCode?: string;
}

interface PlaceFilterProps {
  /** The county's township pick; a station's own township stands in for it. */
  townshipCode: string | undefined;
  villageCode: string | undefined;
  onChange: (patch: PlacePatch) => void;
  villageWidth?: number;
}

/**
 * A list's township and village filters. A station keeps only its own township's records, so it
 * gets no township choice and its villages at once; the county picks a township first, and a new
 * township drops the village picked in the old one.
 */
export function PlaceFilter({ townshipCode, villageCode, onChange, villageWidth = 140 }: PlaceFilterProps) {
  const townships = useTownships();
  const station = useStation();
  const own = station?.role === 'station' ? station.code : undefined;
  const township = own ?? townshipCode;
  const villages = useMemo(() => townships.find((t) => t.code === township)?.villages ?? [], [townships, township]);
  return (
    <>
      {!own && (
        <Select
          aria-label="乡镇（街道）"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部乡镇"
          style={{ width: 140 }}
          value={townshipCode}
          options={townships.map((t) => ({ value: t.code, label: t.name }))}
          onChange={(code?: string) => onChange({ townshipCode: code, villageCode: undefined })}
        />
      )}
      <Select
        aria-label="村（居）"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        disabled={!township}
        placeholder={township ? '全部村（居）' : '先选乡镇'}
        style={{ width: villageWidth }}
        value={villageCode}
        options={villages.map((v) => ({ value: v.code, label: v.name }))}
        onChange={(code?: string) => onChange({ villageCode: code })}
      />
    </>
  );
}
