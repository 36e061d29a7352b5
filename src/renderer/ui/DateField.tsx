import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

interface DateFieldProps {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  onBlur?: () => void;
  placeholder?: string;
  disabled?: boolean;
  /** Registers never hold dates in the future (births, recognitions, reports). */
  noFuture?: boolean;
  'aria-invalid'?: boolean;
}

/** A DatePicker whose value is the contract's `YYYY-MM-DD` string, so form values match the schema. */
export function DateField({ value, onChange, noFuture, placeholder = '选择或输入日期', ...rest }: DateFieldProps) {
  const parsed = value ? dayjs(value, DATE_FORMAT, true) : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      format={DATE_FORMAT}
      placeholder={placeholder}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format(DATE_FORMAT) : undefined)}
      disabledDate={noFuture ? (d) => d.isAfter(dayjs(), 'day') : undefined}
    />
  );
}
