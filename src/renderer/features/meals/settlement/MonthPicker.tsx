import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

// Meals are never ticked for a month that has not begun.
const futureMonth = (d: Dayjs) => d.isAfter(dayjs(), 'month');

/** A month (YYYY-MM) up to this one. */
export function MonthPicker({ value, onChange, label = '月份' }: { value: string; onChange: (month: string) => void; label?: string }) {
  return (
    <DatePicker
      picker="month"
      aria-label={label}
      allowClear={false}
      value={dayjs(`${value}-01`)}
      disabledDate={futureMonth}
      format="YYYY年M月"
      onChange={(d: Dayjs | null) => d && onChange(d.format('YYYY-MM'))}
      style={{ width: 130 }}
    />
  );
}
