/** The bar chart of the month's meals by township, and the same numbers as a table. */
import type { EChartsCoreOption } from 'echarts/core';
import type { CountyMealMonth } from '../../../../shared/contract';
import type { ChartTable } from '../../../ui/EChart';
import { yuan } from '../money';
import { monthTitle } from '../months';

export function mealsChartOption(data: CountyMealMonth): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: data.townships.map((t) => t.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '人次', minInterval: 1 },
    series: [{ type: 'bar', name: '就餐人次', data: data.townships.map((t) => t.meals), barMaxWidth: 36, itemStyle: { color: '#1677ff' } }],
  };
}

export function mealsChartTable(data: CountyMealMonth): ChartTable {
  return {
    caption: `${monthTitle(data.month)}各乡镇就餐人次`,
    columns: ['乡镇（街道）', '就餐人次', '补贴金额（元）'],
    rows: data.townships.map((t) => [t.name, t.meals, yuan(t.subsidyFen)]),
  };
}
