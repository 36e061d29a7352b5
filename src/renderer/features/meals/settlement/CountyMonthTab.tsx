import { Empty } from 'antd';

export function CountyMonthTab() {
  return <Empty description="待完成" />;
}
