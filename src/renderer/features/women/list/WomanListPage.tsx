import type { WomanListRow } from '../../../../shared/contract';
import { RegisterListPage } from '../../people/RegisterListPage';
import '../women.css';
import { womanColumns } from './columns';
import { useWomanListStore } from './listStore';
import { WomanFilters } from './WomanFilters';

const rowClass = (r: WomanListRow) => (r.active ? '' : 'row-ended');

export function WomanListPage() {
  return (
    <RegisterListPage
      operation="women.list"
      store={useWomanListStore}
      columns={womanColumns}
      title="留守妇女台账"
      testId="women"
      unit="人"
      add={{ label: '新增留守妇女', path: '/women/new' }}
      Filters={WomanFilters}
      emptyText={{ filtered: '没有符合条件的留守妇女，请调整筛选条件', none: '还没有登记留守妇女，点击右上角“新增留守妇女”开始登记' }}
      rowClassName={rowClass}
      openPath={(r) => `/women/${r.id}`}
    />
  );
}
