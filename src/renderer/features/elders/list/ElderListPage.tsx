import { useMemo } from 'react';
import type { ElderListRow } from '../../../../shared/contract';
import { RegisterListPage } from '../../people/RegisterListPage';
import { useHighAgeBands } from '../../rules/highAgeBands';
import '../elders.css';
import { elderColumns } from './columns';
import { ElderFilters } from './ElderFilters';
import { useElderListStore } from './listStore';

const rowClass = (r: ElderListRow) => (r.riskTier === 'high' ? 'row-high-risk' : '');

export function ElderListPage() {
  const bands = useHighAgeBands();
  const columns = useMemo(() => elderColumns(bands), [bands]);
  return (
    <RegisterListPage
      operation="elders.list"
      store={useElderListStore}
      columns={columns}
      title="老人台账"
      testId="elders"
      unit="人"
      add={{ label: '新增老人', path: '/elders/new' }}
      Filters={ElderFilters}
      emptyText={{ filtered: '没有符合条件的老人，请调整筛选条件', none: '还没有登记老人，点击右上角“新增老人”开始登记' }}
      rowClassName={rowClass}
      openPath={(r) => `/elders/${r.id}`}
    />
  );
}
