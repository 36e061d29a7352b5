import { Col, Row } from 'antd';
import { useNavigate } from 'react-router';
import type { SyncStatus } from '../../../shared/contract';
import type { DueStatusKind } from '../../../shared/domain/visitDue';
import { useLedgerQuery } from '../../api';
import { useChildListStore } from '../children/list/listStore';
import { formatDateTime } from '../sync/format';
import { useSyncStatus } from '../sync/syncStatus';
import { formatRate } from './format';
import { StatCard } from './StatCard';
import { useWorkbenchStore } from './workbenchStore';

const REPORT_QUERY = { needsReport: true, limit: 1 } as const;
const TEKUN_RATE_QUERY = { scope: 'tekun' } as const;

/** Six across from 1200 px (the usual 1366 office screen), three on a smaller window, two on a narrow one. */
const SPAN = { xs: 12, md: 8, xl: 4 } as const;

/** Where the station stands with the county, in the words of the sync page. */
function stationSyncNote(station: NonNullable<SyncStatus['station']>): string {
  if (station.enrolment === 'none') return '本站尚未登记';
  if (station.enrolment === 'awaiting_county') return '等待县局确认登记';
  return `县局上次确认：${formatDateTime(station.lastConfirmedAt) ?? '尚未确认'}`;
}

function SyncCard({ status, onOpen }: { status: SyncStatus | null; onOpen: (path: string) => void }) {
  if (status?.county) {
    const open = status.county.openConflicts;
    return (
      <StatCard
        title="待处理冲突"
        value={open}
        suffix="条"
        tone={open > 0 ? 'warning' : 'normal'}
        note={open > 0 ? '待人工裁决保留哪一方' : '没有待处理的冲突'}
        testId="workbench-sync-count"
        onOpen={() => onOpen('/sync/conflicts')}
      />
    );
  }
  const station = status?.station;
  return (
    <StatCard
      title="未确认修改"
      value={station ? station.unconfirmed : null}
      suffix="条"
      tone={station && station.unconfirmed > 0 ? 'warning' : 'normal'}
      note={station && stationSyncNote(station)}
      loading={status === null}
      testId="workbench-sync-count"
      onOpen={() => onOpen('/sync')}
    />
  );
}

/** The morning's figures: who is late or due, who must be reported, what the county has not seen, this month's rate. */
export function SummaryCards({ counts }: { counts: Record<DueStatusKind, number> | null }) {
  const navigate = useNavigate();
  const syncStatus = useSyncStatus().data ?? null;
  const reports = useLedgerQuery('children.list', REPORT_QUERY);
  const rate = useLedgerQuery('workbench.visitRate', TEKUN_RATE_QUERY);
  const setTab = useWorkbenchStore((s) => s.setTab);

  const openReports = () => {
    // The children list keeps its filters in a store: show only the children to report, nothing else.
    useChildListStore.setState({ filters: { needsReport: true } });
    navigate('/children');
  };

  const reportCount = reports.data?.total ?? null;
  const total = rate.data?.total;
  return (
    <Row gutter={[12, 12]}>
      <Col {...SPAN}>
        <StatCard
          title="已逾期"
          value={counts?.overdue ?? null}
          suffix="人"
          tone="danger"
          note="超过应访日期仍未探访"
          loading={counts === null}
          testId="workbench-overdue-count"
          onOpen={() => setTab('overdue')}
        />
      </Col>
      <Col {...SPAN}>
        <StatCard
          title="本周应访"
          value={counts?.due_this_week ?? null}
          suffix="人"
          note="本周日前须探访"
          loading={counts === null}
          testId="workbench-week-count"
          onOpen={() => setTab('due_this_week')}
        />
      </Col>
      <Col {...SPAN}>
        <StatCard
          title="本月应访"
          value={counts?.due_this_month ?? null}
          suffix="人"
          note="本月底前须探访"
          loading={counts === null}
          testId="workbench-month-count"
          onOpen={() => setTab('due_this_month')}
        />
      </Col>
      <Col {...SPAN}>
        <StatCard
          title="需强制报告儿童"
          value={reportCount}
          suffix="人"
          tone={reportCount ? 'danger' : 'normal'}
          note={reportCount ? '须立即向公安机关报告' : '没有需强制报告的儿童'}
          loading={reports.isFetching}
          testId="workbench-report-count"
          onOpen={openReports}
        />
      </Col>
      <Col {...SPAN}>
        <SyncCard status={syncStatus} onOpen={navigate} />
      </Col>
      <Col {...SPAN}>
        <StatCard
          title="本月特困老人探访率"
          value={total && total.eligible > 0 ? formatRate(total.rate) : null}
          tone={total && total.eligible > 0 && total.rate < 1 ? 'warning' : 'normal'}
          note={!total ? undefined : total.eligible > 0 ? `已访 ${total.visited} / ${total.eligible} 人，目标 100%` : '本月没有分散供养特困老人'}
          loading={rate.isFetching}
          testId="workbench-tekun-rate"
        />
      </Col>
    </Row>
  );
}
