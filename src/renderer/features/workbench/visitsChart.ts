/** 近12个月走访人次: the chart's option and its table, from the same rows so they never disagree. */
import type { EChartsCoreOption } from 'echarts/core';
import type { VisitsByMonthRow } from '../../../shared/contract';
import type { ChartTable } from '../../ui/EChart';
import { monthLabel, monthTitle } from './format';

export const VISITS_CHART_TITLE = '近12个月走访人次';

const SERIES = [
  { key: 'elder', name: '老人', color: '#2b6f84' },
  { key: 'child', name: '儿童', color: '#52a873' },
  { key: 'woman', name: '留守妇女', color: '#e0a23b' },
] as const;

/** Whether a January follows the first month closely: its year label would crowd the first one's. */
function januarySoon(rows: readonly VisitsByMonthRow[]): boolean {
  return rows.slice(1, 3).some((r) => r.month.endsWith('-01'));
}

export function visitsChartOption(rows: readonly VisitsByMonthRow[]): EChartsCoreOption {
  return {
    color: SERIES.map((s) => s.color),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${String(v)} 人次`,
    },
    legend: { top: 0, data: SERIES.map((s) => s.name) },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    // Every month labelled (short), the full month in the tooltip.
    xAxis: {
      type: 'category',
      data: rows.map((r) => monthTitle(r.month)),
      axisLabel: { interval: 0, fontSize: 11, formatter: (_: string, i: number) => monthLabel(rows[i]?.month ?? '', i === 0 && !januarySoon(rows)) },
    },
    yAxis: { type: 'value', minInterval: 1, name: '人次', nameGap: 10 },
    series: SERIES.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'visits',
      barMaxWidth: 36,
      emphasis: { focus: 'series' },
      data: rows.map((r) => r[s.key]),
    })),
  };
}

export function visitsChartTable(rows: readonly VisitsByMonthRow[]): ChartTable {
  return {
    caption: VISITS_CHART_TITLE,
    columns: ['月份', ...SERIES.map((s) => s.name), '合计'],
    rows: rows.map((r) => [monthTitle(r.month), ...SERIES.map((s) => r[s.key]), r.elder + r.child + r.woman]),
  };
}
