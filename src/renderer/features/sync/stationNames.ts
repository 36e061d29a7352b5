import { useCallback, useMemo } from 'react';
import { useTownships } from '../places/places';
import { useStation } from '../station/station';
import { useSyncStations } from './syncStatus';

/** Only the county lists other stations' records, so only it asks sync for their names. */
function useCountyStations() {
  return useSyncStations({ enabled: useStation()?.role === 'county' });
}

/**
 * County screens name a station by its sync name (e.g. 蓉城镇社工站), falling back to the
 * township's name: a station code is its township's code, enrolled or not.
 */
export function useStationNameOf(): (code: string) => string {
  const station = useStation();
  const stations = useCountyStations();
  const townships = useTownships();
  // Records the county entered itself carry the county's own 6-digit code.
  const countyCode = station?.role === 'county' ? station.code : undefined;
  return useCallback(
    (code: string) =>
      code === countyCode ? '县局' : (stations.find((s) => s.code === code)?.name ?? townships.find((t) => t.code === code)?.name ?? code),
    [stations, townships, countyCode],
  );
}

/** Every place a record can belong to: each township, under its station's name when it has one. */
export function useStationOptions(): { value: string; label: string }[] {
  const stations = useCountyStations();
  const townships = useTownships();
  return useMemo(() => {
    const byCode = new Map(stations.map((s) => [s.code, s.name]));
    const options = townships.map((t) => ({ value: t.code, label: byCode.get(t.code) ?? t.name }));
    for (const s of stations) if (!townships.some((t) => t.code === s.code)) options.push({ value: s.code, label: s.name });
    return options;
  }, [stations, townships]);
}
