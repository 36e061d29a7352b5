import { Alert, Card, Spin, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { use as registerCharts } from 'echarts/core';
import { useMemo } from 'react';
import { errorMessage, useLedgerQuery } from '../../api';
import { EChart } from '../../ui/EChart';
import { VISITS_CHART_TITLE, visitsChartOption, visitsChartTable } from './visitsChart';

// ECharts' own `use`: registers the chart type with the renderer, no React hook.
registerCharts([BarChart]);

const QUERY = { months: 12 } as const;

/** Visits per month, stacked by kind of person; the station's own, or the whole county's. */
export function VisitsChartCard() {
  const { data, isFetching, error } = useLedgerQuery('workbench.visitsByMonth', QUERY);
  const option = useMemo(() => visitsChartOption(data ?? []), [data]);
  const table = useMemo(() => visitsChartTable(data ?? []), [data]);
  const total = data?.reduce((n, r) => n + r.elder + r.child + r.woman, 0);

  return (
    <Card
      title={VISITS_CHART_TITLE}
      className="workbench-chart"
      extra={total !== undefined && <Typography.Text type="secondary">合计 {total.toLocaleString('zh-CN')} 人次</Typography.Text>}
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Spin spinning={isFetching && !data}>
        <EChart option={option} table={table} height={300} testId="workbench-visits-chart" />
      </Spin>
    </Card>
  );
}
