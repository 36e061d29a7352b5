/** Left-behind women register (农村留守妇女): who may be registered, the form's choice lists, age bands. */
import { ageOn, isRealDate } from './dates';
import type { Sex } from './idNumber';
import type { Option } from './labels';

/** Married women of working age whose husband works away: 20 to 59 completed years. */
export const WOMAN_MIN_AGE = 20;
export const WOMAN_MAX_AGE = 59;

/** The sex rule: the register holds women only; the sex comes from the ID number. */
export function womanSexProblem(sex: Sex): string | null {
  return sex === 'F' ? null : '留守妇女须为女性（该身份证号码为男性）';
}

/**
 * The age rule, on the day she was registered (or today when that day is unknown). Checked on the
 * registration day, not today, so that a record stays editable after she turns 60.
 */
export function womanAgeProblem(birthDate: string, day: string): string | null {
  const age = ageOn(birthDate, day);
  if (age >= WOMAN_MIN_AGE && age <= WOMAN_MAX_AGE) return null;
  return `登记的留守妇女须为${WOMAN_MIN_AGE}—${WOMAN_MAX_AGE}周岁（登记日期时${age}周岁）`;
}

/** The day the age rule is checked on: the registration day, or today while that is missing or in the future. */
export function womanAgeDay(sinceOn: string | null | undefined, today: string): string {
  return sinceOn && isRealDate(sinceOn) && sinceOn <= today ? sinceOn : today;
}

/**
 * Still left behind on `today`: no end date, or one still to come. The end date is the day she
 * stopped being left behind (her husband came back, she moved away).
 */
export function womanActiveOn(endedOn: string | null | undefined, today: string): boolean {
  return endedOn == null || endedOn > today;
}

export const WOMAN_HEALTH = [
  { value: 'healthy', label: '健康' },
  { value: 'ill', label: '患病' },
  { value: 'disabled', label: '残疾' },
] as const satisfies readonly Option[];
export type WomanHealth = (typeof WOMAN_HEALTH)[number]['value'];

/** What she asks the station for; the services a station's yearly report counts. */
export const WOMAN_NEEDS = [
  { value: 'employment', label: '就业创业' },
  { value: 'parenting', label: '家庭教育指导' },
  { value: 'emotional', label: '心理疏导' },
  { value: 'legal', label: '法律援助' },
  { value: 'health', label: '健康服务' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];
export type WomanNeed = (typeof WOMAN_NEEDS)[number]['value'];

export const WOMAN_STATUSES = [
  { value: 'active', label: '在册' },
  { value: 'ended', label: '已退出' },
] as const satisfies readonly Option[];
export type WomanStatus = (typeof WOMAN_STATUSES)[number]['value'];

/** Age bands of the list filter and the statistics, in completed years today. */
export const WOMAN_AGE_BANDS = [
  { value: '20-29', label: '20—29岁', min: 20, max: 29 },
  { value: '30-39', label: '30—39岁', min: 30, max: 39 },
  { value: '40-49', label: '40—49岁', min: 40, max: 49 },
  { value: '50-59', label: '50—59岁', min: 50, max: 59 },
] as const;
export type WomanAgeBand = (typeof WOMAN_AGE_BANDS)[number]['value'];
