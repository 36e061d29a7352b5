import { Empty } from 'antd';

export function SiteListTab() {
  return <Empty description="待完成" />;
}
