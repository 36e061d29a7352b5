/**
 * Columns computed from others. Kept apart from register.ts: sync/tables.ts needs these while
 * the write path (which register.ts uses) is still loading.
 */
import { parseIdNumber } from '../../../shared/domain/idNumber';
import type { Row } from '../sync/capture';
import { nameKeys } from './nameKeys';

/** Search keys from the name, birth date and sex from the ID number, the township from the village. */
export function derivePersonColumns(values: Row): Row {
  const out: Row = {};
  if (typeof values.name === 'string') {
    const keys = nameKeys(values.name);
    out.name_pinyin = keys.pinyin;
    out.name_initials = keys.initials;
  }
  if (typeof values.id_number === 'string') {
    const parsed = parseIdNumber(values.id_number);
    if (parsed.ok) {
      out.birth_date = parsed.info.birthDate;
      out.sex = parsed.info.sex;
    }
  }
  if (typeof values.village_code === 'string') out.township_code = values.village_code.slice(0, 9);
  return out;
}

/** Which derived columns come from which source, for sync's merge rules. */
export const PERSON_DERIVED = { name: ['name_pinyin', 'name_initials'], id_number: ['birth_date', 'sex'], village_code: ['township_code'] } as const;

