/**
 * Citizen ID numbers (公民身份号码, GB 11643-1999): 6 address digits, 8 birth-date digits,
 * 3 sequence digits (odd = male) and a check character.
 */
import { ageOn, isRealDate } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Sex = 'M' | 'F';

/** Full-width digits/letters, lower-case x and any whitespace are what users paste from Word/Excel. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export interface IdNumberInfo {
  idNumber: string;
  birthDate: string;
  sex: Sex;
  addressCode: string;
}

/** No one living was born before this day or is older than this: such a number was mistyped. */
export const ID_EARLIEST_BIRTH = '1900-01-01';
export const ID_MAX_AGE = 120;

export type IdNumberProblem = 'empty' | 'length' | 'chars' | 'date' | 'future' | 'early' | 'old' | 'check';

export const ID_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号码',
  length: '身份证号码应为18位',
  chars: '身份证号码只能包含数字，最后一位可以是X',
  date: '身份证号码中的出生日期不是真实日期',
  future: '身份证号码中的出生日期晚于今天',
  early: '身份证号码中的出生日期早于1900年，请核对出生年份',
  old: `按身份证号码中的出生日期计算已超过${ID_MAX_AGE}周岁，请核对出生年份`,
  check: '身份证号码校验位不正确，请核对每一位数字',
};

export type ParsedIdNumber = { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem; message: string };

/** The birth date an 18-character ID number encodes (positions 7–14), unchecked. */
export function birthDateOfIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Parses and checks an ID number. With `today` (YYYY-MM-DD), as for a number being typed in, the
 * birth date must also be a living person's: not after today, not before 1900, at most 120 years
 * ago. Without it (numbers already stored, which an older release may have let through) only the
 * form and the check character are checked, so derived columns never go missing.
 */
export function parseIdNumber(raw: string, today?: string): ParsedIdNumber {
  const fail = (problem: IdNumberProblem): ParsedIdNumber => ({ ok: false, problem, message: ID_PROBLEM_MESSAGES[problem] });
  const id = normaliseIdNumber(raw);
  if (id === '') return fail('empty');
  if (id.length !== 18) return fail(/^[0-9X]*$/.test(id) ? 'length' : 'chars');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('chars');
  const birthDate = birthDateOfIdNumber(id);
  if (!isRealDate(birthDate)) return fail('date');
  if (today && birthDate > today) return fail('future');
  if (today && birthDate < ID_EARLIEST_BIRTH) return fail('early');
  if (today && ageOn(birthDate, today) > ID_MAX_AGE) return fail('old');
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return fail('check');
  return {
    ok: true,
    info: { idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F', addressCode: id.slice(0, 6) },
  };
}

/** Shows the address code and the last 4 characters only; for lists and printed notices. */
export function maskIdNumber(id: string): string {
  if (id.length !== 18) return id;
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}
