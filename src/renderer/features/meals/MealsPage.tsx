import { Flex, Tabs, Typography } from 'antd';
import { useStation } from '../station/station';
import { CountyMonthTab } from './settlement/CountyMonthTab';
import { SiteListTab } from './sites/SiteListTab';
import { SubsidyRulesTab } from './settlement/SubsidyRulesTab';

/** 老年助餐: the sites (each with its diners, daily ticks and settlement), the month across sites, the standard. */
export function MealsPage() {
  const county = useStation()?.role === 'county';
  return (
    <Flex vertical gap={12} className="page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        老年助餐
      </Typography.Title>
      <Tabs
        items={[
          { key: 'sites', label: '助餐点', children: <SiteListTab /> },
          { key: 'month', label: county ? '月度汇总' : '本站月度汇总', children: <CountyMonthTab /> },
          { key: 'standard', label: '补贴标准', children: <SubsidyRulesTab /> },
        ]}
      />
    </Flex>
  );
}
