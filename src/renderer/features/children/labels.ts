import type { Sex } from '../../../shared/domain/idNumber';

export const SEX_LABELS: Record<Sex, string> = { M: '男', F: '女' };

export const EMPTY = '—';
