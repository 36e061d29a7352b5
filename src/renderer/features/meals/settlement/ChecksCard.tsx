import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MealSettlement, SettlementCheck } from '../../../../shared/contract';
import { errorMessage, useLedgerMutation } from '../../../api';
import { monthTitle } from '../months';

const KIND_LABELS: Record<SettlementCheck['kind'], string> = {
  over_capacity: '超过供餐能力',
  non_serving_day: '非供餐日',
  after_stop: '停餐后就餐',
  not_enrolled: '未登记就餐',
};

/**
 * 核对: what the core found unusual in the month. Each is confirmed by a person (it may be right: a
 * holiday meal, a late stop date) before 锁定本月 is offered; the core refuses a lock that skips one.
 */
export function ChecksCard({ settlement }: { settlement: MealSettlement }) {
  const { message } = App.useApp();
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(() => new Set(settlement.checks.filter((c) => c.confirmed).map((c) => c.key)));
  const [refusal, setRefusal] = useState<string | null>(null);
  const lock = useLedgerMutation('meals.settlement.lock');
  const { locked, checks } = settlement;
  const open = checks.filter((c) => !confirmed.has(c.key)).length;

  const toggle = (key: string, on: boolean) => {
    const next = new Set(confirmed);
    if (on) next.add(key);
    else next.delete(key);
    setConfirmed(next);
    setRefusal(null);
  };

  const doLock = () => {
    setRefusal(null);
    lock.mutate(
      { siteId: settlement.siteId, month: settlement.month, confirmedChecks: checks.filter((c) => confirmed.has(c.key)).map((c) => c.key) },
      {
        onSuccess: () => void message.success(`${monthTitle(settlement.month)}已结算锁定`),
        onError: (e) => setRefusal(errorMessage(e)),
      },
    );
  };

  return (
    <Card
      size="small"
      title="结算核对"
      data-testid="settlement-checks"
      extra={
        checks.length > 0 && (
          <Typography.Text type={open > 0 ? 'warning' : 'success'}>{open > 0 ? `${open}项待确认` : `${checks.length}项均已确认`}</Typography.Text>
        )
      }
    >
      {checks.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          未发现超过供餐能力、非供餐日就餐、停餐后就餐等异常。
        </Typography.Paragraph>
      ) : (
        <>
          {!locked && (
            <Typography.Paragraph type="secondary">请逐项核实；情况属实（如节假日加餐、停餐日期登记滞后）的勾选“确认”，有误的先到“每日就餐”更正。</Typography.Paragraph>
          )}
          <List<SettlementCheck>
            size="small"
            dataSource={checks}
            renderItem={(c) => (
              <List.Item
                key={c.key}
                actions={[
                  <Checkbox key="confirm" checked={locked || confirmed.has(c.key)} disabled={locked} onChange={(e) => toggle(c.key, e.target.checked)} aria-label={`确认：${c.message}`}>
                    确认
                  </Checkbox>,
                ]}
              >
                <Flex gap={8} align="center" wrap>
                  <Tag color="orange">{KIND_LABELS[c.kind]}</Tag>
                  <Typography.Text>{c.message}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
      {!locked && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          {refusal && <Alert type="error" showIcon title={refusal} data-testid="settlement-lock-refused" />}
          <Flex gap={12} align="center" wrap>
            <Button type="primary" icon={<LockOutlined />} disabled={open > 0} loading={lock.isPending} onClick={doLock}>
              锁定本月
            </Button>
            <Typography.Text type="secondary">{open > 0 ? '全部核对项确认后才能锁定。' : '锁定后本月就餐记录不能再修改。'}</Typography.Text>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
