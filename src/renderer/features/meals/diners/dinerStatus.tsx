import { Tag } from 'antd';
import type { MealDinerRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';

/** 就餐中 today; 未开始 before the start date; 已停止 after the stop date (or once the elder left the register). */
export function DinerStatusTag({ diner }: { diner: Pick<MealDinerRecord, 'active' | 'startOn'> }) {
  if (diner.active) return <Tag color="success">就餐中</Tag>;
  if (diner.startOn > todayIso()) return <Tag color="processing">未开始</Tag>;
  return <Tag>已停止</Tag>;
}
