import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Flex, Progress, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { RATE_SCOPES, type RateRow, type RateScope, type VisitRateInput } from '../../../shared/contract';
import { errorMessage, useLedgerQuery } from '../../api';
import { optionsOf } from '../../ui/options';
import { useTownships } from '../places/places';
import { formatRate, monthTitle, ratePercent } from './format';

function RateCell({ rate }: { rate: number }) {
  const full = rate >= 1;
  return (
    <Flex align="center" gap={8} className="rate-cell">
      <Progress
        percent={ratePercent(rate)}
        showInfo={false}
        size="small"
        status={full ? 'success' : 'normal'}
        strokeColor={full ? undefined : '#fa8c16'}
        style={{ flex: 1, margin: 0, minWidth: 60 }}
        aria-label={`探访率 ${formatRate(rate)}`}
      />
      <Typography.Text strong type={full ? 'success' : 'warning'} className="rate-value">
        {formatRate(rate)}
      </Typography.Text>
    </Flex>
  );
}

function rateColumns(placeTitle: string): ColumnsType<RateRow> {
  return [
    { title: placeTitle, dataIndex: 'name', ellipsis: { showTitle: true } },
    { title: '应访', dataIndex: 'eligible', width: 60, align: 'right' },
    { title: '已访', dataIndex: 'visited', width: 60, align: 'right' },
    { title: '未访', key: 'missing', width: 60, align: 'right', render: (_: unknown, r: RateRow) => r.eligible - r.visited || '—' },
    { title: '探访率', dataIndex: 'rate', width: 160, render: (rate: number) => <RateCell rate={rate} /> },
  ];
}

// antd's DatePicker cannot pick a month that has not begun.
const futureMonth = (d: Dayjs) => d.isAfter(dayjs(), 'month');

/**
 * 月探访率: the county sees its townships (or one township's villages); a station sees the villages
 * of its own township. Anything under 100% stands out: the national target is every person, every month.
 */
export function VisitRateCard({ county, ownTownship }: { county: boolean; ownTownship: string | undefined }) {
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [scope, setScope] = useState<RateScope>('tekun');
  const [township, setTownship] = useState<string | undefined>(undefined);
  const townships = useTownships();
  const townshipCode = county ? township : ownTownship;
  const input: VisitRateInput = { month: month.format('YYYY-MM'), scope, ...(townshipCode ? { townshipCode } : {}) };
  const { data, isFetching, error } = useLedgerQuery('workbench.visitRate', input, { placeholderData: keepPreviousData });
  const byVillage = townshipCode !== undefined;

  return (
    <Card
      title="月探访率"
      className="workbench-rate"
      extra={
        <Flex gap={8} wrap justify="end">
          {county && (
            <Select
              aria-label="统计乡镇"
              allowClear
              placeholder="全县各乡镇"
              style={{ width: 130 }}
              value={township}
              options={townships.map((t) => ({ value: t.code, label: t.name }))}
              onChange={(code?: string) => setTownship(code)}
            />
          )}
          <Select aria-label="统计对象" style={{ width: 160 }} value={scope} options={optionsOf(RATE_SCOPES)} onChange={(v: RateScope) => setScope(v)} />
          <DatePicker
            picker="month"
            aria-label="统计月份"
            allowClear={false}
            value={month}
            disabledDate={futureMonth}
            format="YYYY年M月"
            onChange={(d: Dayjs | null) => d && setMonth(d)}
            style={{ width: 130 }}
          />
        </Flex>
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<RateRow>
        data-testid="workbench-rate-table"
        size="small"
        rowKey="code"
        columns={rateColumns(byVillage ? '村（居）' : '乡镇（街道）')}
        dataSource={data?.rows ?? []}
        loading={isFetching}
        pagination={false}
        rowClassName={(r) => (r.rate < 1 ? 'rate-below' : '')}
        locale={{ emptyText: `${monthTitle(month.format('YYYY-MM'))}没有${RATE_SCOPES.find((s) => s.value === scope)?.label ?? ''}` }}
        summary={() =>
          data && data.rows.length > 1 ? (
            <Table.Summary.Row className="rate-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{byVillage ? `${data.total.name}合计` : '全县合计'}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.total.eligible}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {data.total.visited}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {data.total.eligible - data.total.visited || '—'}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4}>
                <RateCell rate={data.total.rate} />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
