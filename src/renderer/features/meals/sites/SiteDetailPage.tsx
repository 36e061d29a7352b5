import { Flex, Skeleton, Tabs } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage, useLedgerQuery } from '../../../api';
import { PageHeader } from '../../../ui/PageHeader';
import { RecordUnavailable } from '../../../ui/RecordUnavailable';
import { AttendanceTab } from '../attendance/AttendanceTab';
import { DinersTab } from '../diners/DinersTab';
import { SettlementTab } from '../settlement/SettlementTab';
import { SiteInfo } from './SiteInfo';

const TABS = ['attendance', 'diners', 'settlement', 'info'] as const;

/** One site: the day's ticks first (the daily job), then its diners, the month's settlement, its details. */
export function SiteDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'attendance';
  const record = useLedgerQuery('meals.sites.get', { id });
  const site = record.isError ? null : (record.data ?? null);
  return (
    <Flex vertical gap={12} className="page">
      <PageHeader title={site ? site.name : '助餐点'} backLabel="返回老年助餐" onBack={() => navigate('/meals')} />
      {record.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {record.isError && <RecordUnavailable message={errorMessage(record.error)} listPath="/meals" listTitle="老年助餐" />}
      {site && (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'attendance', label: '每日就餐', children: <AttendanceTab site={site} /> },
            { key: 'diners', label: '就餐人员', children: <DinersTab site={site} /> },
            { key: 'settlement', label: '月度结算', children: <SettlementTab site={site} /> },
            { key: 'info', label: '基本信息', children: <SiteInfo site={site} /> },
          ]}
        />
      )}
    </Flex>
  );
}
