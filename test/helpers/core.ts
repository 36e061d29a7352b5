/** Real cores on real SQLite files in temp folders; removed after each test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { ChildInput, ElderInput, MealSiteInput } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { createCore, type Core, type CoreOptions } from '../../src/main/core/core';
import { idCheckChar } from '../../src/shared/domain/idNumber';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'ledger-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const TOWNSHIP = '341723100'; // 蓉城镇
export const VILLAGE = '341723100200'; // 百花村, in 蓉城镇
export const OTHER_TOWNSHIP_VILLAGE = '341723101200';

export async function stationCore(opts: Partial<CoreOptions> = {}): Promise<Core> {
  const core = createCore({ dataDir: tempDir(), actor: 'tester', ...opts });
  await core.call('station.init', { role: 'station', code: TOWNSHIP, name: '蓉城镇社工站' });
  return core;
}

/** The county (青阳县民政局) with its sync keys sealed by `passphrase`, ready to enrol stations. */
export async function countyWithKeys(passphrase: string, opts: Partial<CoreOptions> = {}): Promise<Core> {
  const core = createCore({ dataDir: tempDir('ledger-county-'), actor: 'county-tester', ...opts });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  await core.call('sync.createKeys', { passphrase });
  return core;
}

/** A valid left-behind child; override what a test is about. */
export function childInput(over: Partial<ChildInput> = {}): ChildInput {
  return {
    name: '张三',
    idNumber: '341723201501010016',
    ethnicity: '01',
    hukouRegistered: true,
    hukouType: 'rural',
    villageCode: VILLAGE,
    healthStatus: 'healthy',
    schooling: 'primary',
    guardianshipType: 'fair',
    father: { name: '张大山', situation: 'working_away', workProvince: '浙江省', workCity: '杭州市', phone: '13912345678' },
    mother: { name: '李小红', situation: 'working_away', workProvince: '江苏省', workCity: '苏州市' },
    guardian: { name: '张老汉', relationship: 'grandparent_paternal', phone: '13800001111' },
    categories: [{ category: 'left_behind', startDate: '2024-03-01', reason: 'both_away' }],
    ...over,
  };
}

/** Builds a valid ID number from its first 17 characters. */
export function validId(first17: string): string {
  return first17 + idCheckChar(first17);
}

/** A valid elder living alone, born 1950; override what a test is about. */
export function elderInput(over: Partial<ElderInput> = {}): ElderInput {
  return {
    name: '王秀英',
    idNumber: '341723195003030024',
    ethnicity: '01',
    villageCode: VILLAGE,
    address: '百花村三组12号',
    phone: '13955556666',
    maritalStatus: 'widowed',
    livingSituation: 'alone',
    capability: 'mild',
    economicStatus: 'dibao',
    benefits: ['pension_resident', 'dibao'],
    riskTier: 'priority',
    visitor: '陈村医',
    groups: [{ group: 'living_alone', startDate: '2023-05-01' }],
    ...over,
  };
}

/** A running village meal point serving lunch every day, for two diners a day. */
export function mealSiteInput(over: Partial<MealSiteInput> = {}): MealSiteInput {
  return {
    name: '百花村老年助餐点',
    kind: 'point',
    area: 'rural',
    villageCode: VILLAGE,
    operatingModel: 'village_mutual',
    operator: '百花村村民委员会',
    dailyCapacity: 2,
    mealTimes: ['lunch'],
    servingDays: ['1', '2', '3', '4', '5', '6', '7'],
    builtOn: addDays(todayIso(), -400),
    status: 'running',
    statusSince: addDays(todayIso(), -400),
    ...over,
  };
}
