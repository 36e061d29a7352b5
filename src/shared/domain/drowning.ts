/**
 * Drowning prevention (防溺水): the yearly publicity to each child's family — the letter to
 * parents (一封信) handed out and the pledge (承诺书) signed — and inspections (督查) of water areas.
 */
import type { Option } from './labels';

export const LETTER_LABEL = '一封信发放日期';
export const PLEDGE_LABEL = '承诺书签订日期';
export const INSPECTED_LABEL = '督查日期';

/** The first campaign year the register accepts; older paper records are not entered. */
export const FIRST_YEAR = 2000;

/** Which children of a year's register to show: everyone, or those still missing a document. */
export const PUBLICITY_STATUSES = [
  { value: 'all', label: '全部儿童' },
  { value: 'missing_letter', label: '未发放一封信' },
  { value: 'missing_pledge', label: '未签订承诺书' },
] as const satisfies readonly Option[];
export type PublicityStatus = (typeof PUBLICITY_STATUSES)[number]['value'];

/** First and last day of a calendar year: yearly figures count what falls between them, both included. */
export function yearBounds(year: number): { start: string; end: string } {
  const y = String(year).padStart(4, '0');
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The year of an ISO date. */
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** Campaign years a user may pick, newest first: this year back to FIRST_YEAR. */
export function recordableYears(today: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(today); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}

export type PublicityDateField = 'letterOn' | 'pledgeOn';

/**
 * The dates of one child's publicity in `year`, each problem at the field to change. Dates not yet
 * known to be real are skipped (the schema reports those).
 *
 * - Neither date may be in the future: the ledger records what was done.
 * - Both fall within the campaign year. A row is the publicity *of* a year, and the county counts
 *   letters and pledges by that year; a date in another year is almost always a slip of the
 *   year picker, and would put a child's letter in one year's figures and its date in another's.
 * - The pledge is not dated before the letter. The pledge is the tear-off slip of the letter (or
 *   handed out with it) that the family signs and returns, so it can be signed the same day or
 *   later, never earlier; an earlier date is a typo. Either date may be given alone: a pledge
 *   signed at a school meeting without our letter is still a pledge.
 */
export function publicityDateProblems(
  p: { year: number | null; letterOn: string | null; pledgeOn: string | null },
  today: string,
): Partial<Record<PublicityDateField, string>> {
  const out: Partial<Record<PublicityDateField, string>> = {};
  const check = (field: PublicityDateField, label: string, date: string | null) => {
    if (!date) return;
    if (date > today) out[field] = `${label}不能晚于今天`;
    else if (p.year !== null && yearOf(date) !== p.year) out[field] = `${label}应在${p.year}年内`;
  };
  check('letterOn', LETTER_LABEL, p.letterOn);
  check('pledgeOn', PLEDGE_LABEL, p.pledgeOn);
  if (!out.letterOn && !out.pledgeOn && p.letterOn && p.pledgeOn && p.pledgeOn < p.letterOn) {
    out.pledgeOn = `${PLEDGE_LABEL}不能早于${LETTER_LABEL}`;
  }
  return out;
}

/** An inspection is recorded after it happened. */
export function inspectionDateProblem(inspectedOn: string, today: string): string | null {
  return inspectedOn > today ? `${INSPECTED_LABEL}不能晚于今天` : null;
}

/** A share as a whole percentage for a report (letters of children in scope); '—' when nobody is in scope. */
export function percentOf(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${Math.round((part / whole) * 100)}%`;
}
