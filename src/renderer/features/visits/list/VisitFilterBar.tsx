import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { SUBJECT_KINDS, type SubjectKind } from '../../../../shared/domain/visits';
import { DATE_FORMAT } from '../../../ui/DateField';
import { ClearFilters, SearchBox } from '../../../ui/filterBar';
import { optionsOf } from '../../../ui/options';
import { useListFilters } from '../../../ui/useListFilters';
import { RegisterPlaceFilters } from '../../people/RegisterPlaceFilters';
import { useVisitListStore } from './visitListStore';

const asDay = (iso: string | undefined) => (iso ? dayjs(iso, DATE_FORMAT, true) : null);

export function VisitFilterBar({ county = false }: { county?: boolean }) {
  const { filters, setFilters, text, setText, clear } = useListFilters(useVisitListStore);

  return (
    <Flex wrap gap={8} align="center">
      <SearchBox testId="visits-search" label="搜索探访记录" placeholder="对象姓名 / 拼音首字母 / 走访人" width={250} value={text} onChange={setText} />
      <Select
        aria-label="对象类别"
        allowClear
        placeholder="全部对象"
        style={{ width: 120 }}
        value={filters.subjectKind}
        options={optionsOf(SUBJECT_KINDS)}
        onChange={(subjectKind?: SubjectKind) => setFilters({ subjectKind })}
      />
      <RegisterPlaceFilters county={county} filters={filters} onChange={setFilters} />
      <DatePicker.RangePicker
        aria-label="探访日期范围"
        allowEmpty={[true, true]}
        format={DATE_FORMAT}
        placeholder={['开始日期', '结束日期']}
        value={[asDay(filters.from), asDay(filters.to)]}
        onChange={(range) => setFilters({ from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) })}
        style={{ width: 260 }}
      />
      <ClearFilters filters={filters} onClear={clear} />
    </Flex>
  );
}
