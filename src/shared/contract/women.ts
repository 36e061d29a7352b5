import { z } from 'zod';
import { isRealDate, todayIso } from '../domain/dates';
import { parseIdNumber, type Sex } from '../domain/idNumber';
import {
  WOMAN_AGE_BANDS,
  WOMAN_HEALTH,
  WOMAN_NEEDS,
  WOMAN_STATUSES,
  womanAgeDay,
  womanAgeProblem,
  womanSexProblem,
  type WomanHealth,
  type WomanNeed,
} from '../domain/women';
import { mutation, query } from './define';
import { byId, choice, idNumber, idNumberLookup, isoDate, optionalIsoDate, optionalPhone, optionalText, personListInput, personName, type PersonListRow, recordId, villageCode } from './fields';
import { labelled } from './fieldMeta';

/** A count of people at home; left empty when unknown. */
const optionalCount = (label: string) =>
  labelled(
    z
      .number({ error: `${label}须为0—20的整数` })
      .int(`${label}须为0—20的整数`)
      .min(0, `${label}须为0—20的整数`)
      .max(20, `${label}须为0—20的整数`),
    { label },
  ).optional();

const womanFields = z.object({
  name: personName('姓名'),
  idNumber,
  villageCode: villageCode('所在村（居）'),
  address: optionalText(100, '现居住地址'),
  phone: optionalPhone('联系电话'),
  husbandName: personName('丈夫姓名'),
  husbandPhone: optionalPhone('丈夫电话'),
  husbandWorkProvince: optionalText(20, '丈夫务工省份'),
  husbandWorkCity: optionalText(20, '丈夫务工城市'),
  childrenAtHome: optionalCount('在家子女数'),
  eldersAtHome: optionalCount('在家老人数'),
  health: choice(WOMAN_HEALTH, '健康状况'),
  needs: z
    .array(choice(WOMAN_NEEDS, '服务需求'))
    .max(WOMAN_NEEDS.length)
    .refine((needs) => new Set(needs).size === needs.length, '同一需求不能重复选择')
    .default([]),
  sinceOn: isoDate('登记日期'),
  endedOn: optionalIsoDate('退出日期'),
  notes: optionalText(500, '备注'),
});

/**
 * Rules across fields, each reported at the field a user must change. They run even when single
 * fields failed (so a user sees every problem at once), hence every value may still be raw input.
 */
function checkWoman(woman: z.output<typeof womanFields>, ctx: z.RefinementCtx): void {
  const today = todayIso();
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const realDate = (v: unknown): string | null => (typeof v === 'string' && isRealDate(v) ? v : null);
  const since = realDate(woman.sinceOn);
  const ended = realDate(woman.endedOn);
  const parsed = typeof woman.idNumber === 'string' ? parseIdNumber(woman.idNumber, today) : null;
  if (parsed?.ok) {
    const problem = womanSexProblem(parsed.info.sex) ?? womanAgeProblem(parsed.info.birthDate, womanAgeDay(since, today));
    if (problem) issue('idNumber', problem);
  }
  if (since && since > today) issue('sinceOn', '登记日期不能晚于今天');
  if (ended && ended > today) issue('endedOn', '退出日期不能晚于今天');
  if (since && ended && ended < since) issue('endedOn', '退出日期不能早于登记日期');
}

export const womanInput = womanFields.superRefine(checkWoman, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type WomanInput = z.input<typeof womanInput>;
export type WomanData = z.output<typeof womanInput>;

export interface WomanRecord extends WomanData {
  id: string;
  stationCode: string;
  birthDate: string;
  sex: Sex;
  age: number;
  townshipCode: string;
  townshipName: string;
  villageName: string;
  /** Still left behind today: no end date, or one still to come. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WomanListRow extends PersonListRow {
  phone?: string;
  husbandName: string;
  /** Province and city joined, '' when not known. */
  husbandWorkPlace: string;
  health: WomanHealth;
  needs: WomanNeed[];
  sinceOn: string;
  endedOn?: string;
  active: boolean;
}

export const womanListInput = personListInput.extend({
  status: choice(WOMAN_STATUSES, '登记状态').optional(),
  ageBand: choice(WOMAN_AGE_BANDS, '年龄段').optional(),
});
export type WomanListInput = z.input<typeof womanListInput>;

export interface WomanListResult {
  total: number;
  rows: WomanListRow[];
}

export const womenOperations = {
  'women.list': query<WomanListResult>()(womanListInput),
  'women.get': query<WomanRecord>()(byId),
  /** For the form: tells at once that an ID number is already registered. */
  'women.findByIdNumber': query<{ id: string; name: string } | null>()(idNumberLookup),
  'women.create': mutation<{ id: string }>()(womanInput),
  'women.update': mutation<{ id: string }>()(z.object({ id: recordId, woman: womanInput })),
  'women.delete': mutation<{ id: string }>()(byId),
} as const;
