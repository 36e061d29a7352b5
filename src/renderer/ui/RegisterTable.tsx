import { Empty, Table } from 'antd';
import type { ColumnsType, TableProps, TableRef } from 'antd/es/table';
import { useEffect, useRef, type UIEvent } from 'react';
import { useElementHeight } from './useElementHeight';
import { CUT, CutText } from './CutText';

const ROW_HEIGHT = 47;
const HEADER_HEIGHT = 47;
/** Start fetching the next page this many rows before the end, so scrolling never hits a blank. */
const PREFETCH_ROWS = 60;

interface RegisterTableProps<R extends { id: string }> {
  testId: string;
  columns: ColumnsType<R>;
  /** Sum of the column widths: the table scrolls sideways below it. */
  width: number;
  rows: R[];
  loading: boolean;
  emptyText: string;
  /** Changes whenever the list is a new one (new filters): the table scrolls back to its top. */
  resetKey: unknown;
  rowClassName?: (row: R) => string;
  /** Rows the user ticks (the drowning batch); the list's rows otherwise open on a click. */
  rowSelection?: TableProps<R>['rowSelection'];
  onNearEnd: () => void;
  onOpen: (row: R) => void;
}

/** A register's list: a virtual table filling its box, asking for more rows as it nears the end. */
export function RegisterTable<R extends { id: string }>({
  testId,
  columns,
  width,
  rows,
  loading,
  emptyText,
  resetKey,
  rowClassName,
  rowSelection,
  onNearEnd,
  onOpen,
}: RegisterTableProps<R>) {
  const boxRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<TableRef>(null);
  // Virtual tables need a number, not "fill the rest".
  const boxHeight = useElementHeight(boxRef, 520);
  const scrollY = Math.max(240, boxHeight - HEADER_HEIGHT);

  // New filters mean a new list: start at its top, or the old scroll offset would fetch page two at once.
  useEffect(() => {
    tableRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * PREFETCH_ROWS) onNearEnd();
  };

  return (
    <div ref={boxRef} className="table-box" data-testid={testId}>
      <Table<R>
        ref={tableRef}
        virtual
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={loading}
        scroll={{ x: width, y: scrollY }}
        rowClassName={rowClassName}
        rowSelection={rowSelection}
        onScroll={onScroll}
        onRow={(r) => ({ onClick: () => onOpen(r) })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
    </div>
  );
}

/** Sum of the numeric column widths. */
export function columnsWidth<R>(columns: ColumnsType<R>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
}

/** The county sees every station's records: a 站点 column after the place (the column keyed `place`). */
export function withStationColumn<R>(columns: ColumnsType<R>, stationName: (code: string) => string): ColumnsType<R> {
  const station: ColumnsType<R>[number] = {
    title: '站点',
    dataIndex: 'stationCode',
    key: 'station',
    width: 120,
    ellipsis: CUT,
    render: (code: string) => <CutText text={stationName(code)} />,
  };
  const at = columns.findIndex((c) => c.key === 'place') + 1;
  return [...columns.slice(0, at), station, ...columns.slice(at)];
}
