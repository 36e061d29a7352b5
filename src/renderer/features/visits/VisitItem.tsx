import { DeleteOutlined, DownOutlined, EditOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import type { VisitRecord } from '../../../shared/contract';
import { VisitDetails } from './VisitDetails';
import { FLAG_COLORS, methodLabel, visitFlags } from './visitLabels';

interface VisitItemProps {
  visit: VisitRecord;
  expanded: boolean;
  readOnly: boolean;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onPrint: () => void;
}

/** One visit on the timeline: a one-line summary with what it found, the full record when opened. */
export function VisitItem({ visit, expanded, readOnly, onToggle, onEdit, onDelete, onPrint }: VisitItemProps) {
  const flags = visitFlags(visit);
  return (
    <div className="visit-item" data-testid="visit-item">
      <Flex wrap align="center" gap={8}>
        <Flex
          wrap
          align="center"
          gap={8}
          role="button"
          tabIndex={0}
          aria-expanded={expanded}
          className="visit-item-head"
          onClick={onToggle}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onToggle();
            }
          }}
        >
          {expanded ? <DownOutlined className="visit-item-caret" /> : <RightOutlined className="visit-item-caret" />}
          <Typography.Text strong data-testid="visit-item-date">
            {visit.visitedOn}
          </Typography.Text>
          <Tag>{methodLabel(visit.method)}</Tag>
          <Typography.Text type="secondary">走访人：{visit.visitors.join('、')}</Typography.Text>
          {flags.length === 0 ? (
            <Typography.Text type="secondary">情况正常</Typography.Text>
          ) : (
            flags.map((f) => (
              <Tag key={`${f.kind}-${f.text}`} color={FLAG_COLORS[f.kind]} className="visit-flag">
                {f.text}
              </Tag>
            ))
          )}
        </Flex>
        <Flex gap={0} className="visit-item-actions">
          <Button type="link" size="small" icon={<PrinterOutlined />} onClick={onPrint} data-testid="visit-print">
            打印
          </Button>
          {!readOnly && (
            <>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="visit-edit">
                编辑
              </Button>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={onDelete} data-testid="visit-delete">
                删除
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      {expanded && (
        <div className="visit-item-details">
          <VisitDetails visit={visit} />
        </div>
      )}
    </div>
  );
}
