import { LockOutlined, PrinterOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MealSettlement, MealSiteRecord } from '../../../../shared/contract';
import { errorMessage, useLedgerQuery } from '../../../api';
import { formatDateTime } from '../../../ui/dates';
import { useStation } from '../../station/station';
import { ChecksCard } from './ChecksCard';
import { lastMonth, monthTitle } from '../months';
import { MonthPicker } from './MonthPicker';
import { SettlementTables } from './SettlementTables';
import { SettlementTotals } from './SettlementTotals';
import { UnlockModal } from './UnlockModal';

function LockedNote({ settlement, county, onUnlock }: { settlement: MealSettlement; county: boolean; onUnlock: () => void }) {
  const when = formatDateTime(settlement.lockedAt);
  return (
    <Alert
      type="success"
      showIcon
      icon={<LockOutlined />}
      data-testid="settlement-locked"
      title={`${monthTitle(settlement.month)}已结算锁定${settlement.lockedBy ? `（${settlement.lockedBy}${when ? `，${when}` : ''}）` : ''}`}
      description={county ? '锁定后本月就餐记录不能修改；确需更正时可解锁，解锁原因将留存。' : '锁定后本月就餐记录不能修改；确需更正请联系县民政局解锁。'}
      action={
        county && (
          <Button icon={<UnlockOutlined />} onClick={onUnlock}>
            解锁
          </Button>
        )
      }
    />
  );
}

/** 月度结算 of one site: the month's sums, the checks a person confirms, then the lock and the paper. */
export function SettlementTab({ site }: { site: MealSiteRecord }) {
  const navigate = useNavigate();
  const county = useStation()?.role === 'county';
  const [month, setMonth] = useState(lastMonth);
  const [unlocking, setUnlocking] = useState(false);
  const read = useLedgerQuery('meals.settlement.get', { siteId: site.id, month }, { placeholderData: keepPreviousData });
  const settlement = read.data?.month === month ? read.data : undefined;

  return (
    <Flex vertical gap={12} data-testid="meal-settlement">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text>结算月份</Typography.Text>
          <MonthPicker value={month} onChange={setMonth} label="结算月份" />
          {settlement && (settlement.locked ? <Tag color="green">已锁定</Tag> : <Tag color="orange">未锁定</Tag>)}
        </Space>
        <Space wrap>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/meals/settlement/${site.id}/${month}`)} data-testid="print-settlement">
            打印结算表
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/meals/signin/${site.id}/${month}`)} data-testid="print-signin">
            打印签到表
          </Button>
        </Space>
      </Flex>
      {read.isError && <Alert type="error" showIcon title={errorMessage(read.error)} />}
      {!settlement && !read.isError && <Skeleton active paragraph={{ rows: 6 }} />}
      {settlement && (
        <>
          {settlement.locked && <LockedNote settlement={settlement} county={county} onUnlock={() => setUnlocking(true)} />}
          <SettlementTotals settlement={settlement} />
          <ChecksCard key={`${site.id}/${month}/${settlement.locked ? 'locked' : 'open'}`} settlement={settlement} />
          <Card size="small" title={`${monthTitle(month)}结算明细`}>
            <SettlementTables settlement={settlement} />
          </Card>
        </>
      )}
      <UnlockModal siteId={site.id} month={month} open={unlocking} onClose={() => setUnlocking(false)} />
    </Flex>
  );
}
