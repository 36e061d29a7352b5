import { Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { InspectionsTab } from './inspections/InspectionsTab';
import { PublicityTab } from './publicity/PublicityTab';
import { SummaryTab } from './summary/SummaryTab';
import { thisYear, yearOptions } from './years';

/** 防溺水: the year's publicity to families, inspections of water areas, and the yearly figures. */
export function DrowningPage() {
  // One year for all three tabs: staff work a campaign year at a time.
  const [year, setYear] = useState(thisYear);
  return (
    <Flex vertical gap={12} className="page">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          防溺水
        </Typography.Title>
        <Flex align="center" gap={8}>
          <label htmlFor="drowning-year">年度</label>
          <Select id="drowning-year" aria-label="年度" data-testid="drowning-year" style={{ width: 110 }} value={year} options={yearOptions()} onChange={setYear} />
        </Flex>
      </Flex>
      <Tabs
        items={[
          { key: 'publicity', label: '宣传告知', children: <PublicityTab year={year} /> },
          { key: 'inspections', label: '水域督查', children: <InspectionsTab year={year} /> },
          { key: 'summary', label: '年度统计', children: <SummaryTab year={year} /> },
        ]}
      />
    </Flex>
  );
}
