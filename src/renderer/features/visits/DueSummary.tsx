import { Flex, Tag, Typography } from 'antd';
import type { DueInfo } from '../../../shared/contract';
import { dueTag, frequencyLabel } from './visitLabels';

/** The person's due state: the tag first (what a director looks for), then the numbers behind it. */
export function DueSummary({ due }: { due: DueInfo | null }) {
  if (!due) {
    return (
      <Typography.Text type="secondary" data-testid="visit-due-none">
        未纳入探访提醒（不在应定期探访的对象范围内）
      </Typography.Text>
    );
  }
  const tag = dueTag(due);
  return (
    <Flex wrap align="center" gap={16} className="visit-due">
      <Tag color={tag.color} data-testid="visit-due" className="visit-due-tag">
        {tag.text}
      </Tag>
      <Typography.Text>
        探访频次：<Typography.Text strong>{frequencyLabel(due.frequency)}</Typography.Text>
      </Typography.Text>
      <Typography.Text>
        上次探访：<Typography.Text strong>{due.lastVisit ?? '尚无记录'}</Typography.Text>
      </Typography.Text>
      {due.status === 'ok' ? (
        <Typography.Text>
          下次探访：<Typography.Text strong>{due.nextDueBy}</Typography.Text> 前
        </Typography.Text>
      ) : (
        <Typography.Text type={due.status === 'overdue' ? 'danger' : undefined}>
          应于 <Typography.Text strong type={due.status === 'overdue' ? 'danger' : undefined}>{due.nextDueBy}</Typography.Text> 前探访
        </Typography.Text>
      )}
    </Flex>
  );
}
