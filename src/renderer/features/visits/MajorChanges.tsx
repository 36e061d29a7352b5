import { DeleteOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import type { MajorChangeRecord } from '../../../shared/contract';

interface MajorChangesProps {
  changes: MajorChangeRecord[];
  readOnly: boolean;
  onEdit: (change: MajorChangeRecord) => void;
  onDelete: (change: MajorChangeRecord) => void;
}

/** Major changes, newest first: one still waiting for its visit is orange and says so. */
export function MajorChanges({ changes, readOnly, onEdit, onDelete }: MajorChangesProps) {
  if (changes.length === 0) return null;
  const sorted = [...changes].sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : 0));
  return (
    <Flex vertical gap={6} data-testid="major-changes">
      {sorted.map((c) => (
        <Flex
          key={c.id}
          align="center"
          gap={8}
          wrap
          className={c.visited ? 'major-change major-change-done' : 'major-change major-change-pending'}
          data-testid="major-change"
        >
          <WarningOutlined />
          <Typography.Text strong>重大变故</Typography.Text>
          <Typography.Text>{c.occurredOn}</Typography.Text>
          <Typography.Text className="major-change-text">{c.description}</Typography.Text>
          {c.visited ? <Tag>已探访</Tag> : <Tag color="orange">需24小时内探访</Tag>}
          {!readOnly && (
            <Flex gap={0} className="major-change-actions">
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(c)} aria-label="编辑重大变故" />
              <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => onDelete(c)} aria-label="删除重大变故" />
            </Flex>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
