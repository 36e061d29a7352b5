import { Tag } from 'antd';

/** 在册 while she is left behind; 已退出 from her end date on. */
export function StatusTag({ active, endedOn }: { active: boolean; endedOn?: string }) {
  if (active) return <Tag color="green">在册</Tag>;
  return <Tag>{endedOn ? `已退出（${endedOn}）` : '已退出'}</Tag>;
}
