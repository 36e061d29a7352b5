import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BarChart } from 'echarts/charts';
import { use as registerCharts } from 'echarts/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CountyMealMonth, CountyMealMonthRow } from '../../../../shared/contract';
import { SITE_STATUSES } from '../../../../shared/domain/meals';
import { labelOf } from '../../../../shared/domain/labels';
import { errorMessage, useLedgerQuery } from '../../../api';
import { EChart } from '../../../ui/EChart';
import { useStation } from '../../station/station';
import { mealsChartOption, mealsChartTable } from './countyMonthChart';
import { yuan } from '../money';
import { lastMonth, monthTitle } from '../months';
import { MonthPicker } from './MonthPicker';

// ECharts' own `use`: registers the chart type with the renderer, no React hook.
registerCharts([BarChart]);

type TownshipRow = CountyMealMonth['townships'][number] & { sites: number };

/** 运营率 = running ÷ built; none built reads as a dash, not 0%. */
export function operatingRate(running: number, built: number): string {
  return built > 0 ? `${((running / built) * 100).toFixed(1)}%` : '—';
}

const TOWNSHIP_COLUMNS: ColumnsType<TownshipRow> = [
  { title: '乡镇（街道）', dataIndex: 'name' },
  { title: '建成', dataIndex: 'built', width: 70, align: 'right' },
  { title: '运营', dataIndex: 'running', width: 70, align: 'right' },
  { title: '运营率', key: 'rate', width: 90, align: 'right', render: (_: unknown, t: TownshipRow) => operatingRate(t.running, t.built) },
  { title: '就餐人次', dataIndex: 'meals', width: 100, align: 'right' },
  { title: '补贴金额（元）', dataIndex: 'subsidyFen', width: 130, align: 'right', render: (fen: number) => yuan(fen) },
  { title: '已锁定 / 助餐点', key: 'locked', width: 130, align: 'right', render: (_: unknown, t: TownshipRow) => `${t.lockedSites} / ${t.sites}` },
];

const SITE_COLUMNS: ColumnsType<CountyMealMonthRow> = [
  { title: '乡镇（街道）', dataIndex: 'townshipName', width: 130 },
  { title: '助餐点', dataIndex: 'siteName', render: (name: string, s: CountyMealMonthRow) => <Link to={`/meals/sites/${s.siteId}?tab=settlement`}>{name}</Link> },
  { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => labelOf(SITE_STATUSES, s) },
  { title: '就餐人数', dataIndex: 'persons', width: 90, align: 'right' },
  { title: '就餐人次', dataIndex: 'meals', width: 90, align: 'right' },
  { title: '补贴金额（元）', dataIndex: 'subsidyFen', width: 130, align: 'right', render: (fen: number) => yuan(fen) },
  { title: '结算', dataIndex: 'locked', width: 90, render: (locked: boolean) => (locked ? <Tag color="green">已锁定</Tag> : <Tag>未锁定</Tag>) },
];

/** 月度汇总: the county's townships and sites in a month; a station sees its own sites the same way. */
export function CountyMonthTab() {
  const county = useStation()?.role === 'county';
  const [month, setMonth] = useState(lastMonth);
  const read = useLedgerQuery('meals.countyMonth', { month }, { placeholderData: keepPreviousData });
  const data = read.data;
  const townships = useMemo<TownshipRow[]>(
    () => (data?.townships ?? []).map((t) => ({ ...t, sites: data?.sites.filter((s) => s.stationCode === t.code).length ?? 0 })),
    [data],
  );
  const option = useMemo(() => data && mealsChartOption(data), [data]);
  const table = useMemo(() => data && mealsChartTable(data), [data]);
  const total = townships.reduce((sum, t) => ({ built: sum.built + t.built, running: sum.running + t.running, meals: sum.meals + t.meals, subsidyFen: sum.subsidyFen + t.subsidyFen, locked: sum.locked + t.lockedSites, sites: sum.sites + t.sites }), {
    built: 0,
    running: 0,
    meals: 0,
    subsidyFen: 0,
    locked: 0,
    sites: 0,
  });

  return (
    <Flex vertical gap={12} data-testid="meal-county-month">
      <Space wrap>
        <Typography.Text>统计月份</Typography.Text>
        <MonthPicker value={month} onChange={setMonth} label="统计月份" />
        {data && (
          <Typography.Text type="secondary" data-testid="county-month-summary">
            {monthTitle(data.month)}：{county ? '全县' : '本站'}建成{total.built}个、运营{total.running}个（运营率{operatingRate(total.running, total.built)}），就餐{total.meals}人次，补贴
            {yuan(total.subsidyFen)}元，已锁定{total.locked}/{total.sites}个
          </Typography.Text>
        )}
      </Space>
      {read.isError && <Alert type="error" showIcon title={errorMessage(read.error)} />}
      <Card size="small" title={county ? '各乡镇（街道）' : '本乡镇（街道）'}>
        <Table<TownshipRow> size="small" rowKey="code" data-testid="county-month-townships" columns={TOWNSHIP_COLUMNS} dataSource={townships} loading={read.isFetching} pagination={false} locale={{ emptyText: '还没有助餐点' }} />
      </Card>
      {county && option && table && townships.length > 0 && (
        <Card size="small" title={`${monthTitle(month)}各乡镇就餐人次`}>
          <EChart option={option} table={table} height={260} testId="county-month-chart" />
        </Card>
      )}
      <Card size="small" title="各助餐点">
        <Table<CountyMealMonthRow>
          size="small"
          rowKey="siteId"
          data-testid="county-month-sites"
          columns={SITE_COLUMNS}
          dataSource={data?.sites ?? []}
          loading={read.isFetching}
          pagination={(data?.sites.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: '还没有助餐点' }}
        />
      </Card>
    </Flex>
  );
}
