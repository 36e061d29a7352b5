import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { labelOf } from '../../../../shared/domain/labels';
import { MEAL_CATEGORIES, MEAL_TIMES, type MealSubsidyRule, type MealTime } from '../../../../shared/domain/meals';
import { yuan } from '../money';
import { pricedTimes } from './ruleText';

interface Line {
  key: string;
  label: string;
  amounts: Partial<Record<MealTime, number>>;
}

/** A standard as a small table: 餐标 and each category's subsidy per meal time, with the delivery fee. */
export function RuleView({ rule, testId }: { rule: MealSubsidyRule; testId?: string }) {
  const times = pricedTimes(rule);
  const lines: Line[] = [
    { key: 'price', label: '餐标', amounts: rule.priceFen },
    ...MEAL_CATEGORIES.flatMap((c) => (rule.subsidyFen[c.value] ? [{ key: c.value, label: `${c.label}补贴`, amounts: rule.subsidyFen[c.value] ?? {} }] : [])),
  ];
  const columns: ColumnsType<Line> = [
    { title: '项目（元/餐）', dataIndex: 'label', width: 150 },
    ...times.map((t) => ({ title: labelOf(MEAL_TIMES, t), key: t, width: 90, align: 'right' as const, render: (_: unknown, l: Line) => (l.amounts[t] === undefined ? '—' : yuan(l.amounts[t])) })),
  ];
  return (
    <div data-testid={testId}>
      <Table<Line> size="small" rowKey="key" columns={columns} dataSource={lines} pagination={false} style={{ maxWidth: 150 + 90 * times.length + 40 }} />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {rule.deliveryFeeFen > 0 ? `送餐上门每餐另收送餐费 ${yuan(rule.deliveryFeeFen)} 元，由老人支付。` : '送餐上门不另收费。'}未列出的类别不享受补贴；同时属于多个类别的老人按最高一项补贴，补贴不超过餐标。
      </Typography.Paragraph>
    </div>
  );
}
