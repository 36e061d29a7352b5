import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { activeFilterCount } from './listFilterStore';

interface SearchBoxProps {
  value: string;
  onChange: (text: string) => void;
  label: string;
  testId: string;
  placeholder?: string;
  width?: number;
}

/** How the core matches ID characters (`classifySearch`): what a masked ID shows, the whole number, or a birth date. */
const ID_SEARCH_HINT = '身份证号可输入后4位、完整号码（或从开头输入的前几位），或8位出生日期（如 19500303）';

/** A list's search box: names, their pinyin initials, ID numbers. */
export function SearchBox({ value, onChange, label, testId, placeholder = '姓名 / 拼音首字母 / 身份证后4位', width = 240 }: SearchBoxProps) {
  return (
    <Input
      title={placeholder.includes('身份证') ? ID_SEARCH_HINT : undefined}
      data-testid={testId}
      aria-label={label}
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      maxLength={30}
      style={{ width }}
    />
  );
}

/** Shown only while some filter is set. */
export function ClearFilters({ filters, onClear }: { filters: object; onClear: () => void }) {
  if (activeFilterCount(filters) === 0) return null;
  return (
    <Button type="link" onClick={onClear}>
      清除筛选
    </Button>
  );
}
