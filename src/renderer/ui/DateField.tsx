import { DatePicker, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { notAfterTodayMessage } from '../../shared/contract';
import { todayIso } from '../../shared/domain/dates';

export const DATE_FORMAT = 'YYYY-MM-DD';

interface DateFieldProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  onBlur?: () => void;
  placeholder?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
}

/**
 * A DatePicker whose value is the contract's `YYYY-MM-DD` string, so form values match the schema.
 * Every day can be picked or typed: a day the register refuses is kept and explained at the field
 * (`notAfterToday`), never silently dropped, which is what a picker's disabled days do to a typed date.
 */
export function DateField({ value, onChange, placeholder = '选择或输入日期', ...rest }: DateFieldProps) {
  const parsed = value ? dayjs(value, DATE_FORMAT, true) : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      format={DATE_FORMAT}
      placeholder={placeholder}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format(DATE_FORMAT) : undefined)}
    />
  );
}

/** Registers never hold dates in the future (births, recognitions, visits): said as the date is chosen, in the contract's words. */
export const notAfterToday = (label: string): FormRule => ({
  validator: (_, value: unknown) => (typeof value === 'string' && value > todayIso() ? Promise.reject(new Error(notAfterTodayMessage(label))) : Promise.resolve()),
});
