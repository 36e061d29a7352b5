import type { ChildListRow } from '../../../../shared/contract';
import { RegisterListPage } from '../../people/RegisterListPage';
import { needsReport } from '../ReportTag';
import { ChildFilters } from './ChildFilters';
import { childColumns } from './columns';
import { useChildListStore } from './listStore';

function rowClass(r: ChildListRow): string {
  if (needsReport(r)) return 'row-needs-report';
  return r.reportReasons.length > 0 ? 'row-reported' : '';
}

export function ChildListPage() {
  return (
    <RegisterListPage
      operation="children.list"
      store={useChildListStore}
      columns={childColumns}
      title="儿童台账"
      testId="children"
      unit="人"
      add={{ label: '新增儿童', path: '/children/new' }}
      Filters={ChildFilters}
      emptyText={{ filtered: '没有符合条件的儿童，请调整筛选条件', none: '还没有登记儿童，点击右上角“新增儿童”开始登记' }}
      rowClassName={rowClass}
      openPath={(r) => `/children/${r.id}`}
    />
  );
}
