import { Empty } from 'antd';

export function SiteFormPage() {
  return <Empty description="待完成" />;
}
