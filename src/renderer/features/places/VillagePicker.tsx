import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useStation } from '../station/station';
import { useTownships } from './places';

interface VillagePickerProps {
  id?: string;
  value?: string;
  onChange?: (villageCode: string | undefined) => void;
  'aria-invalid'?: boolean;
}

interface PlaceOption {
  value: string;
  label: string;
  children?: PlaceOption[];
}

/** Township → village; the form stores only the 12-digit village code (the township is its prefix). */
export function VillagePicker({ value, onChange, ...rest }: VillagePickerProps) {
  const allTownships = useTownships();
  const station = useStation();
  // A township station registers only its own villages; the core refuses any other.
  const ownCode = station?.role === 'station' ? station.code : undefined;
  const townships = useMemo(() => (ownCode ? allTownships.filter((t) => t.code === ownCode) : allTownships), [allTownships, ownCode]);
  const options = useMemo<PlaceOption[]>(
    () =>
      townships.map((t) => ({
        value: t.code,
        label: t.name,
        children: t.villages.map((v) => ({ value: v.code, label: v.name })),
      })),
    [townships],
  );
  const path = value && value.length === 12 ? [value.slice(0, 9), value] : undefined;
  return (
    <Cascader
      {...rest}
      options={options}
      value={path}
      onChange={(p) => onChange?.(p && p.length === 2 ? String(p[1]) : undefined)}
      placeholder="选择乡镇（街道）和村（居），可输入名称搜索"
      showSearch={{ filter: (input, opts) => opts.some((o) => String(o.label).includes(input)) }}
      notFoundContent="没有匹配的村（居）"
      style={{ width: '100%' }}
    />
  );
}
