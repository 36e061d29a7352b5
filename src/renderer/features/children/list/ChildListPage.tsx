import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Table, Typography } from 'antd';
import type { TableRef } from 'antd/es/table';
import { useEffect, useMemo, useRef, type UIEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ChildListRow } from '../../../../shared/contract';
import { useElementHeight } from '../../../ui/useElementHeight';
import { usePlacesStore } from '../../places/placesStore';
import { useStationStore } from '../../station/stationStore';
import { useStationNameOf } from '../../sync/stationNames';
import { useSyncStore } from '../../sync/syncStore';
import { needsReport } from '../ReportTag';
import { ChildFilters } from './ChildFilters';
import { childColumns, COLUMNS_WIDTH, countyChildColumns } from './columns';
import { activeFilterCount, useChildListStore } from './listStore';

const ROW_HEIGHT = 47;
const HEADER_HEIGHT = 47;
/** Start fetching the next page this many rows before the end, so scrolling never hits a blank. */
const PREFETCH_ROWS = 60;

function rowClass(r: ChildListRow): string {
  if (needsReport(r)) return 'row-needs-report';
  return r.reportReasons.length > 0 ? 'row-reported' : '';
}

export function ChildListPage() {
  const navigate = useNavigate();
  const { rows, total, status, loadingMore, error, filters } = useChildListStore();
  const reload = useChildListStore((s) => s.reload);
  const loadMore = useChildListStore((s) => s.loadMore);
  const ensurePlaces = usePlacesStore((s) => s.ensure);
  const county = useStationStore((s) => s.info?.role === 'county');
  const ensureSync = useSyncStore((s) => s.ensure);
  const stationName = useStationNameOf();
  const { columns, width } = useMemo(
    () => (county ? countyChildColumns(stationName) : { columns: childColumns, width: COLUMNS_WIDTH }),
    [county, stationName],
  );
  const boxRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<TableRef>(null);
  const boxHeight = useElementHeight(boxRef, 520);
  const scrollY = Math.max(240, boxHeight - HEADER_HEIGHT);

  useEffect(() => {
    void ensurePlaces();
    if (useChildListStore.getState().status === 'idle') void reload();
  }, [ensurePlaces, reload]);

  // Station names for the county's 站点 column and filter.
  useEffect(() => {
    if (county) void ensureSync();
  }, [county, ensureSync]);

  // New filters mean a new list: start at its top, or the old scroll offset would fetch page two at once.
  useEffect(() => {
    tableRef.current?.scrollTo({ top: 0 });
  }, [filters]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * PREFETCH_ROWS) void loadMore();
  };

  const filtered = activeFilterCount(filters) > 0;
  const emptyText =
    status === 'loading' ? ' ' : filtered ? '没有符合条件的儿童，请调整筛选条件' : '还没有登记儿童，点击右上角“新增儿童”开始登记';

  return (
    <Flex vertical gap={12} className="page page-fill">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            儿童台账
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="children-total">
            {status === 'loading' && rows.length === 0 ? '正在加载…' : `共 ${total.toLocaleString('zh-CN')} 人`}
            {status === 'ready' && rows.length < total
              ? loadingMore
                ? '（正在加载更多…）'
                : `（已显示 ${rows.length.toLocaleString('zh-CN')} 人，向下滚动加载更多）`
              : ''}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} data-testid="children-add" onClick={() => navigate('/children/new')}>
            新增儿童
          </Button>
        </Flex>
      </Flex>
      <ChildFilters county={county} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            <Button size="small" onClick={() => void reload()}>
              重试
            </Button>
          }
        />
      )}
      <div ref={boxRef} className="table-box" data-testid="children-table">
        <Table<ChildListRow>
          ref={tableRef}
          virtual
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={status === 'loading'}
          scroll={{ x: width, y: scrollY }}
          rowClassName={rowClass}
          onScroll={onScroll}
          onRow={(r) => ({ onClick: () => navigate(`/children/${r.id}`) })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        />
      </div>
    </Flex>
  );
}
