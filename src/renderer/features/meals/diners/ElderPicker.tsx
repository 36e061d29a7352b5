import { Select } from 'antd';
import { useState } from 'react';
import { useLedgerQuery } from '../../../api';
import { useDebounced } from '../../../ui/useDebounced';

interface ElderPickerProps {
  id?: string;
  value?: string;
  onChange?: (elderId: string | undefined) => void;
  /** The site's township: a site's diners come from its own township's register. */
  townshipCode: string;
  'aria-invalid'?: boolean;
}

const SHOWN = 30;

/** An elder of the register, found by name, pinyin initials or ID digits as the register's search finds them. */
export function ElderPicker({ value, onChange, townshipCode, ...rest }: ElderPickerProps) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const list = useLedgerQuery('elders.list', { search: search || undefined, townshipCode, limit: SHOWN });
  const options = (list.data?.rows ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.villageName}，${r.age}岁，${r.idNumberMasked}）` }));
  // The picked elder stays named when a new search no longer lists them.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  if (picked && picked.value === value && !options.some((o) => o.value === value)) options.unshift(picked);
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(id?: string) => {
        setPicked(options.find((o) => o.value === id) ?? null);
        onChange?.(id);
      }}
      loading={list.isFetching}
      placeholder="输入姓名、拼音首字母或身份证后4位查找"
      notFoundContent={list.isFetching ? '正在查找…' : '老人台账中没有找到，可改为“台账外人员”登记'}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
