import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Flex, Row, Typography } from 'antd';
import type { DueListInput } from '../../../shared/contract';
import { invalidateFamilies, useLedgerQuery } from '../../api';
import { useStation } from '../station/station';
import { BatchPrintButton } from './BatchPrintButton';
import { DueListCard } from './DueListCard';
import { formatToday } from './format';
import { MealsCard } from './MealsCard';
import { SummaryCards } from './SummaryCards';
import { VisitRateCard } from './VisitRateCard';
import { VisitsChartCard } from './VisitsChartCard';
import { DUE_PAGE_SIZE, hasDueFilters, useWorkbenchStore } from './workbenchStore';
import './workbench.css';

/** Counts for the whole station (or county), whatever the due list is filtered by. */
const ALL_DUE_COUNTS: DueListInput = { limit: 1 };

/** 工作台: the first screen of the morning — who must be visited, how the month is going, what needs attention. */
export function WorkbenchPage() {
  const queryClient = useQueryClient();
  const info = useStation();
  const { tab, filters, page } = useWorkbenchStore();
  const county = info?.role === 'county';
  // A station's code is its township's code: its villages are the ones it may pick.
  const ownTownship = county ? undefined : info?.code;

  // The last answer stays while the next loads (another tab, page or filter): the figures do not blink.
  const due = useLedgerQuery('workbench.due', { ...filters, status: tab, offset: (page - 1) * DUE_PAGE_SIZE, limit: DUE_PAGE_SIZE }, { placeholderData: keepPreviousData });
  // Unfiltered, the list's own counts are the station's; only a filtered list needs a second count.
  const filtered = hasDueFilters(filters);
  const all = useLedgerQuery('workbench.due', ALL_DUE_COUNTS, { enabled: filtered });
  const counts = (filtered ? all.data : due.data)?.counts ?? null;
  const today = due.data?.today;
  // Every figure here: the due list and rate, the report count (a children list) and the sync card.
  const refresh = () => void invalidateFamilies(queryClient, ['workbench', 'children', 'sync', 'meals']);


  return (
    <Flex vertical gap={16} className="page workbench">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            工作台
          </Typography.Title>
          {today && (
            <Typography.Text type="secondary" data-testid="workbench-today">
              {formatToday(today)}
            </Typography.Text>
          )}
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={refresh}>
          刷新
        </Button>
      </Flex>
      <SummaryCards counts={counts} />
      <DueListCard due={due} extra={<BatchPrintButton counts={counts} />} county={county} ownTownship={ownTownship} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <VisitRateCard county={county} ownTownship={ownTownship} />
        </Col>
        <Col xs={24} xl={12}>
          <VisitsChartCard />
        </Col>
        <Col span={24}>
          <MealsCard />
        </Col>
      </Row>
    </Flex>
  );
}
