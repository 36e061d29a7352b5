import type { Sex } from '../../shared/domain/idNumber';

export const SEX_LABELS: Record<Sex, string> = { M: '男', F: '女' };

/** Shown in place of a value that was never filled in. */
export const EMPTY = '—';
