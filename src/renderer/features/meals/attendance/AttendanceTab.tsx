import { Empty } from 'antd';
import type { MealSiteRecord } from '../../../../shared/contract';

export function AttendanceTab({ site }: { site: MealSiteRecord }) {
  return <Empty description={`${site.name}：待完成`} />;
}
