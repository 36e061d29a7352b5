import { z } from 'zod';
import { mutation, query } from './define';

export const STATION_ROLES = ['station', 'county'] as const;
export type StationRole = (typeof STATION_ROLES)[number];

export interface StationInfo {
  initialised: boolean;
  role?: StationRole;
  code?: string;
  name?: string;
  countyCode?: string;
  countyName?: string;
  schemaVersion: number;
  appVersion: string;
}

export interface StationStatus extends StationInfo {
  counts: {
    children: number;
    elders: number;
    women: number;
    visits: number;
    villages: number;
    townships: number;
    /** Meal sites in any state; diners enrolled today; meals from the first of this month to today. */
    mealSites: number;
    diners: number;
    mealsThisMonth: number;
  };
  /** Changes recorded locally and not yet acknowledged by the county. */
  unsyncedChanges: number;
  /** The last bundle made here: a station's for the county, the county's for any station (sent, not necessarily received). */
  lastExportedAt: string | null;
  /** The last bundle imported here: at a station, the county's, which confirms what the county stored; at the county, any station's. */
  lastReceivedAt: string | null;
}

export interface CheckResult {
  ok: boolean;
  problems: string[];
}

export const stationInit = z
  .object({
    role: z.enum(STATION_ROLES, { error: '请选择角色（乡镇站点或县局）' }),
    code: z.string({ error: '请填写代码' }).trim(),
    name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(40, '名称不能超过40个字'),
  })
  .superRefine((v, ctx) => {
    const ok = v.role === 'county' ? /^\d{6}$/.test(v.code) : /^\d{9}$/.test(v.code);
    // The setup page chooses from a list, so an empty code is a choice not made; the CLI types it.
    const missing = v.role === 'county' ? '请选择县（市、区）' : '请选择乡镇（街道）';
    const malformed = v.role === 'county' ? '县级代码应为6位数字' : '乡镇站点代码应为9位乡镇（街道）统计代码';
    if (!ok) ctx.addIssue({ code: 'custom', path: ['code'], message: v.code === '' ? missing : malformed });
  });

export const stationOperations = {
  'station.info': query<StationInfo>()(z.object({})),
  'station.status': query<StationStatus>()(z.object({})),
  'station.check': query<CheckResult>()(z.object({})),
  'station.init': mutation<StationInfo>()(stationInit),
} as const;
