import { AlertOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MajorChangeRecord, VisitRecord } from '../../../shared/contract';
import type { SubjectKind } from '../../../shared/domain/visits';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../api';
import { confirmDelete } from '../../ui/confirmDelete';
import { RetryAlert } from '../../ui/RetryAlert';
import { DueSummary } from './DueSummary';
import { MajorChangeModal } from './MajorChangeModal';
import { MajorChanges } from './MajorChanges';
import { VisitEntryModal } from './VisitEntryModal';
import { VisitItem } from './VisitItem';
import { visitFlags } from './visitLabels';
import './visits.css';

export interface VisitTimelineProps {
  kind: SubjectKind;
  id: string;
  name: string;
  /** Hides every write (add, edit, delete); printing stays. */
  readOnly?: boolean;
}

/** Visits shown before "显示全部": a year of monthly visits, without burying the rest of the page. */
const FIRST_SHOWN = 12;

/** Newest first; visits of one day in the order they were entered, newest first too. */
function newestFirst(visits: readonly VisitRecord[]): VisitRecord[] {
  return [...visits].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.createdAt.localeCompare(a.createdAt));
}

/** 探视走访 on a person's page: due state, major changes, and every visit with its record. */
export function VisitTimeline({ kind, id, name, readOnly = false }: VisitTimelineProps) {
  const app = App.useApp();
  const navigate = useNavigate();
  // Kept per person: moving to another person's page must never show the previous timeline.
  const loaded = useLedgerQuery('visits.timeline', { subjectKind: kind, subjectId: id });
  // Each write here invalidates the visits family: this timeline and the register of visits.
  const deleteVisit = useLedgerMutation('visits.delete');
  const deleteChange = useLedgerMutation('visits.deleteMajorChange');
  const [entry, setEntry] = useState<{ open: boolean; visit?: VisitRecord }>({ open: false });
  const [change, setChange] = useState<{ open: boolean; change: MajorChangeRecord | null }>({ open: false, change: null });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);

  const toggle = (visitId: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(visitId)) next.add(visitId);
      return next;
    });

  const remove = (title: string, run: () => Promise<unknown>) => confirmDelete(app, { title, content: '删除后不再计入探访次数和探访率。', run });

  const timeline = loaded.isError ? null : (loaded.data ?? null);
  const visits = timeline ? newestFirst(timeline.visits) : [];
  const shown = showAll ? visits : visits.slice(0, FIRST_SHOWN);

  const extra = (
    <Flex gap={8} wrap>
      <Button type="link" icon={<FileTextOutlined />} onClick={() => navigate(`/print/visit-form/${kind}/${id}`)} data-testid="visit-print-blank">
        打印空白探访表
      </Button>
      {!readOnly && (
        <>
          <Button icon={<AlertOutlined />} onClick={() => setChange({ open: true, change: null })} data-testid="visit-major-add">
            登记重大变故
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntry({ open: true })} data-testid="visit-add">
            登记探访
          </Button>
        </>
      )}
    </Flex>
  );

  return (
    <Card title="探视走访" size="small" extra={extra} className="visit-timeline" data-testid="visit-timeline">
      {loaded.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {loaded.isError && <RetryAlert message={errorMessage(loaded.error)} onRetry={() => void loaded.refetch()} />}
      {timeline && (
        <Flex vertical gap={16}>
          <DueSummary due={timeline.due} />
          <MajorChanges
            changes={timeline.majorChanges}
            readOnly={readOnly}
            onEdit={(c) => setChange({ open: true, change: c })}
            onDelete={(c) => remove(`确定删除 ${c.occurredOn} 的重大变故记录吗？`, () => deleteChange.mutateAsync({ id: c.id }))}
          />
          {visits.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={readOnly ? '还没有探访记录' : '还没有探访记录，点击右上角“登记探访”开始登记'} />
          ) : (
            <>
              <Timeline
                className="visit-list"
                items={shown.map((v) => ({
                  key: v.id,
                  color: visitFlags(v).length > 0 ? 'red' : 'blue',
                  content: (
                    <VisitItem
                      visit={v}
                      readOnly={readOnly}
                      expanded={expanded.has(v.id)}
                      onToggle={() => toggle(v.id)}
                      onEdit={() => setEntry({ open: true, visit: v })}
                      onDelete={() => remove(`确定删除 ${v.visitedOn} 的探访记录吗？`, () => deleteVisit.mutateAsync({ id: v.id }))}
                      onPrint={() => navigate(`/print/visit/${v.id}`)}
                    />
                  ),
                }))}
              />
              {visits.length > shown.length && (
                <Button type="link" onClick={() => setShowAll(true)} style={{ alignSelf: 'flex-start' }}>
                  显示全部 {visits.length} 次探访
                </Button>
              )}
              {showAll && visits.length > FIRST_SHOWN && (
                <Typography.Text type="secondary">共 {visits.length} 次探访</Typography.Text>
              )}
            </>
          )}
        </Flex>
      )}
      {!readOnly && (
        <>
          <VisitEntryModal subject={{ kind, id, name }} visit={entry.visit} open={entry.open} onClose={() => setEntry((s) => ({ ...s, open: false }))} />
          <MajorChangeModal subject={{ kind, id }} change={change.change} open={change.open} onClose={() => setChange((s) => ({ ...s, open: false }))} />
        </>
      )}
    </Card>
  );
}
