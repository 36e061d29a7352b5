/**
 * Real names as registers hold them: Chinese names, minority and transliterated names joined by the
 * middle dot (阿卜杜拉·买买提), and names in Latin letters with spaces (Maria Santos, Jean-Pierre).
 * Nothing else: markup or emoji in a name ends up on printed forms and in the county's lists.
 */

/** Long minority and transliterated names exceed the 20 characters a form once allowed. */
export const PERSON_NAME_MAX = 30;

/** Dots people type between name parts (bullet, hyphenation point, katakana middle dot…); stored as U+00B7. */
const MIDDLE_DOTS = /[\u00B7\u0387\u2022\u2027\u2219\u22C5\u2E31\u30FB\uFF65]/g;
const FULL_WIDTH_LATIN = /[\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const LETTER = String.raw`[\p{Script=Han}\p{Script=Latin}]`;
/** Letters in parts joined by one middle dot, space, hyphen or apostrophe. */
const NAME = new RegExp(String.raw`^${LETTER}+(?:[· '-]${LETTER}+)*$`, 'u');
const ALLOWED = new RegExp(String.raw`^(?:${LETTER}|[· '-])*$`, 'u');

/**
 * What users paste from Word or Excel and type with a Chinese IME: full-width letters and spaces,
 * any middle dot, spaces between Chinese characters (used to line up two-character names).
 */
export function normalisePersonName(raw: string): string {
  return raw
    .replace(FULL_WIDTH_LATIN, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[’‘`´]/g, "'")
    .replace(MIDDLE_DOTS, '·')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/ ?· ?/g, '·')
    .replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, '');
}

export type PersonNameProblem = 'digits' | 'chars' | 'joins' | 'length';

/** What is wrong with a normalised, non-empty name, or null. Length counts characters, not UTF-16 units. */
export function personNameProblem(name: string): PersonNameProblem | null {
  const digits = /[0-9０-９]/g;
  if (!ALLOWED.test(name.replace(digits, ''))) return 'chars';
  if (digits.test(name)) return 'digits';
  if (!NAME.test(name)) return 'joins';
  if ([...name].length > PERSON_NAME_MAX) return 'length';
  return null;
}

export function personNameMessage(problem: PersonNameProblem, label: string): string {
  switch (problem) {
    case 'digits':
      return `${label}不能包含数字`;
    case 'chars':
      return `${label}只能包含汉字、英文字母和间隔号“·”`;
    case 'joins':
      return `${label}中的间隔号“·”、空格或连字符只能用在两个字之间`;
    case 'length':
      return `${label}不能超过${PERSON_NAME_MAX}个字`;
  }
}
