import { Empty } from 'antd';

export function SubsidyRulesTab() {
  return <Empty description="待完成" />;
}
