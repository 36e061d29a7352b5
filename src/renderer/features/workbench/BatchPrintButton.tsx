import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import type { DueListResult } from '../../../shared/contract';
import { BATCHES, type BatchName } from '../print/batch';

const ITEMS: { batch: BatchName; label: string }[] = [
  { batch: 'overdue', label: '已逾期人员' },
  { batch: 'due-this-week', label: '本周应访人员' },
  { batch: 'due-this-month', label: '本月应访人员' },
];

/**
 * 批量打印探访表: one blank form per person of a status of the due list, each with its count. The
 * counts are the whole station's (or county's), whatever the list is filtered by: that is what a
 * batch prints.
 */
export function BatchPrintButton({ counts }: { counts: DueListResult['counts'] | null }) {
  const navigate = useNavigate();
  const items: MenuProps['items'] = ITEMS.map(({ batch, label }) => {
    const n = counts?.[BATCHES[batch].status];
    return {
      key: batch,
      label: n === undefined ? label : `${label}（${n.toLocaleString('zh-CN')} 人）`,
      disabled: n === 0,
      'data-testid': `workbench-print-${batch}`,
    };
  });
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => navigate(`/print/batch/${key}`) }}>
      <Button icon={<PrinterOutlined />} data-testid="workbench-print">
        批量打印探访表 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
