import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** YYYY-MM moved by whole months. */
export function shiftMonth(month: string, by: number): string {
  return dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');
}

/** A month up to this one (meals are never ticked ahead), with buttons for the one before and after. */
export function MonthSwitch({ value, latest, onChange }: { value: string; latest: string; onChange: (month: string) => void }) {
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label="上个月" title="上个月（PageUp）" onClick={() => onChange(shiftMonth(value, -1))} />
      <DatePicker
        picker="month"
        aria-label="月份"
        allowClear={false}
        value={dayjs(`${value}-01`)}
        disabledDate={(d: Dayjs) => d.format('YYYY-MM') > latest}
        format="YYYY年M月"
        onChange={(d: Dayjs | null) => d && onChange(d.format('YYYY-MM'))}
        style={{ width: 120 }}
      />
      <Button icon={<RightOutlined />} aria-label="下个月" title="下个月（PageDown）" disabled={value >= latest} onClick={() => onChange(shiftMonth(value, 1))} />
    </Space.Compact>
  );
}
