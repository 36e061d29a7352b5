import type { VisitListRow } from '../../../../shared/contract';
import { RegisterListPage } from '../../people/RegisterListPage';
import { subjectPath } from '../visitLabels';
import '../visits.css';
import { visitColumns } from './columns';
import { VisitFilterBar } from './VisitFilterBar';
import { useVisitListStore } from './visitListStore';

const rowClass = (r: VisitListRow) => (r.flagged ? 'row-visit-flagged' : '');

/** 走访记录: every visit, newest first; a row opens the visited person's page. */
export function VisitListPage() {
  return (
    <RegisterListPage
      operation="visits.list"
      store={useVisitListStore}
      columns={visitColumns}
      title="走访记录"
      testId="visits"
      unit="次"
      Filters={VisitFilterBar}
      emptyText={{ filtered: '没有符合条件的探访记录，请调整筛选条件', none: '还没有探访记录：在老人、儿童或留守妇女的详情页点击“登记探访”' }}
      rowClassName={rowClass}
      openPath={(r) => subjectPath(r.subjectKind, r.subjectId)}
    />
  );
}
