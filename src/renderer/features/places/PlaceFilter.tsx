import { Select } from 'antd';
import { useMemo } from 'react';
import { useTownships } from './places';

export interface PlacePatch {
  townshipCode?: string;
  villageCode?: string;
}

interface PlaceFilterProps {
  /** The township whose villages are offered: the one picked, or a station's own. */
  townshipCode: string | undefined;
  villageCode: string | undefined;
  onChange: (patch: PlacePatch) => void;
  /** Off where the township is fixed: a station sees only its own. */
  pickTownship?: boolean;
  villageWidth?: number;
}

/** A list's township and village filters; a new township drops the village picked in the old one. */
export function PlaceFilter({ townshipCode, villageCode, onChange, pickTownship = true, villageWidth = 140 }: PlaceFilterProps) {
  const townships = useTownships();
  const villages = useMemo(() => townships.find((t) => t.code === townshipCode)?.villages ?? [], [townships, townshipCode]);
  return (
    <>
      {pickTownship && (
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
        disabled={!townshipCode}
        placeholder={townshipCode ? '全部村（居）' : '先选乡镇'}
        style={{ width: villageWidth }}
        value={villageCode}
        options={villages.map((v) => ({ value: v.code, label: v.name }))}
        onChange={(code?: string) => onChange({ villageCode: code })}
      />
    </>
  );
}
