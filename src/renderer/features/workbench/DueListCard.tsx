import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Badge, Card, Empty, Flex, Table, Tabs } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DueListResult, DueRow } from '../../../shared/contract';
import { errorMessage } from '../../api';
import { VisitEntryModal, type VisitSubject } from '../visits/VisitEntryModal';
import { columnsWidth, dueColumns } from './dueColumns';
import { DueFilters } from './DueFilters';
import { DUE_PAGE_SIZE, hasDueFilters, useWorkbenchStore, type DueTab } from './workbenchStore';

const TABS: { key: DueTab; label: string; testId: string; color: string }[] = [
  { key: 'overdue', label: '已逾期', testId: 'due-tab-overdue', color: '#cf1322' },
  { key: 'due_this_week', label: '本周应访', testId: 'due-tab-week', color: '#d46b08' },
  { key: 'due_this_month', label: '本月应访', testId: 'due-tab-month', color: '#2b6f84' },
];

const EMPTY_TEXT: Record<DueTab, string> = {
  overdue: '没有逾期未访的人员',
  due_this_week: '本周没有应访的人员',
  due_this_month: '本月没有其他应访的人员',
};

interface DueListCardProps {
  due: UseQueryResult<DueListResult>;
  /** Shown in the card's header, e.g. the batch print button. */
  extra?: ReactNode;
  county: boolean;
  ownTownship: string | undefined;
}

/** 探访提醒: who must be visited, most urgent first, with the visit form one click away. */
export function DueListCard({ due, extra, county, ownTownship }: DueListCardProps) {
  const { tab, filters, page } = useWorkbenchStore();
  const setTab = useWorkbenchStore((s) => s.setTab);
  const setPage = useWorkbenchStore((s) => s.setPage);
  // The subject outlives `open`, so the closing modal keeps its title until it is gone.
  const [subject, setSubject] = useState<VisitSubject | null>(null);
  const [open, setOpen] = useState(false);
  const columns = useMemo(
    () =>
      dueColumns({
        county,
        onVisit: (r: DueRow) => {
          setSubject({ kind: r.subjectKind, id: r.id, name: r.name });
          setOpen(true);
        },
      }),
    [county],
  );
  const counts = due.data?.counts;

  // A save can empty the last page (its one person visited): show the new last page, not a blank one.
  const total = due.data?.total ?? 0;
  const emptyPage = page > 1 && due.data !== undefined && due.data.rows.length === 0 && total > 0;
  useEffect(() => {
    if (emptyPage) setPage(Math.ceil(total / DUE_PAGE_SIZE));
  }, [emptyPage, total, setPage]);

  const items = TABS.map((t) => ({
    key: t.key,
    label: (
      <span data-testid={t.testId}>
        {t.label}
        <Badge
          count={counts?.[t.key] ?? 0}
          showZero
          overflowCount={99999}
          color={counts?.[t.key] ? t.color : '#bfbfbf'}
          style={{ marginLeft: 6 }}
        />
      </span>
    ),
  }));

  return (
    <Card title="探访提醒" className="workbench-due" extra={extra} styles={{ body: { paddingTop: 4 } }}>
      <Flex vertical gap={4}>
        <Tabs activeKey={tab} onChange={(k) => setTab(k as DueTab)} items={items} className="workbench-due-tabs" />
        <DueFilters county={county} ownTownship={ownTownship} />
        {due.error && <Alert type="error" showIcon title={errorMessage(due.error)} />}
        <div data-testid="workbench-due-table">
          <Table<DueRow>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={due.data?.rows ?? []}
            loading={due.isFetching}
            scroll={{ x: columnsWidth(columns) }}
            pagination={{
              current: page,
              pageSize: DUE_PAGE_SIZE,
              total,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (n) => `共 ${n.toLocaleString('zh-CN')} 人`,
              onChange: setPage,
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={due.isPending && due.isFetching ? ' ' : hasDueFilters(filters) ? '没有符合条件的人员，请调整筛选条件' : EMPTY_TEXT[tab]}
                />
              ),
            }}
          />
        </div>
      </Flex>
      {/* A saved visit invalidates the workbench: the person leaves the list, the figures follow. */}
      <VisitEntryModal subject={subject} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
