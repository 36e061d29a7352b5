import type { FormInstance } from 'antd';
import type { LedgerErrorData } from '../../../shared/contract';

/**
 * Puts the core's field errors under the form's own fields; returns what is left for a summary
 * (the error's message when no field of this form was named).
 */
export function showFieldErrors<T extends object>(form: FormInstance<T>, error: LedgerErrorData, fields: readonly (keyof T & string)[]): string | null {
  const entries = Object.entries(error.fieldErrors ?? {}).filter(([k]) => (fields as readonly string[]).includes(k));
  if (entries.length === 0) return error.message;
  form.setFields(entries.map(([name, message]) => ({ name: name as never, errors: [message] })));
  return null;
}
