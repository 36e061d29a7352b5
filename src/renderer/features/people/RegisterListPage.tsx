import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, type ComponentType } from 'react';
import { useNavigate } from 'react-router';
import type { StoreApi, UseBoundStore } from 'zustand';
import { activeFilterCount, type PagedListState } from '../../ui/pagedListStore';
import { columnsWidth, RegisterTable, withStationColumn } from '../../ui/RegisterTable';
import { RetryAlert } from '../../ui/RetryAlert';
import { usePlacesStore } from '../places/placesStore';
import { useStationStore } from '../station/stationStore';
import { useStationNameOf } from '../sync/stationNames';
import { useSyncStore } from '../sync/syncStore';

interface RegisterListPageProps<F, R extends { id: string }> {
  store: UseBoundStore<StoreApi<PagedListState<F, R>>>;
  columns: ColumnsType<R>;
  title: string;
  /** Test ids are `${testId}-total`, `-add` and `-table`. */
  testId: string;
  /** What the total counts: 人, 次. */
  unit: string;
  add?: { label: string; path: string };
  Filters: ComponentType<{ county: boolean }>;
  emptyText: { none: string; filtered: string };
  rowClassName: (row: R) => string;
  openPath: (row: R) => string;
}

/** A register's page: title and total, its filters, and the rows loaded page by page as it scrolls. */
export function RegisterListPage<F extends object, R extends { id: string }>({
  store,
  columns: baseColumns,
  title,
  testId,
  unit,
  add,
  Filters,
  emptyText,
  rowClassName,
  openPath,
}: RegisterListPageProps<F, R>) {
  const navigate = useNavigate();
  const { rows, total, status, loadingMore, error, filters } = store();
  const reload = store((s) => s.reload);
  const loadMore = store((s) => s.loadMore);
  const ensurePlaces = usePlacesStore((s) => s.ensure);
  const county = useStationStore((s) => s.info?.role === 'county');
  const ensureSync = useSyncStore((s) => s.ensure);
  const stationName = useStationNameOf();
  const { columns, width } = useMemo(() => {
    const shown = county ? withStationColumn(baseColumns, stationName) : baseColumns;
    return { columns: shown, width: columnsWidth(shown) };
  }, [county, baseColumns, stationName]);

  useEffect(() => {
    void ensurePlaces();
    if (store.getState().status === 'idle') void reload();
  }, [ensurePlaces, reload, store]);

  // Station names for the county's 站点 column and filter.
  useEffect(() => {
    if (county) void ensureSync();
  }, [county, ensureSync]);

  const filtered = activeFilterCount(filters) > 0;
  const empty = status === 'loading' ? ' ' : filtered ? emptyText.filtered : emptyText.none;
  const count = (n: number) => n.toLocaleString('zh-CN');
  const reloadButton = (
    <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
      刷新
    </Button>
  );

  return (
    <Flex vertical gap={12} className="page page-fill">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid={`${testId}-total`}>
            {status === 'loading' && rows.length === 0 ? '正在加载…' : `共 ${count(total)} ${unit}`}
            {status === 'ready' && rows.length < total ? (loadingMore ? '（正在加载更多…）' : `（已显示 ${count(rows.length)} ${unit}，向下滚动加载更多）`) : ''}
          </Typography.Text>
        </Flex>
        {add ? (
          <Flex gap={8}>
            {reloadButton}
            <Button type="primary" icon={<PlusOutlined />} data-testid={`${testId}-add`} onClick={() => navigate(add.path)}>
              {add.label}
            </Button>
          </Flex>
        ) : (
          reloadButton
        )}
      </Flex>
      <Filters county={county} />
      {error && <RetryAlert message={error} onRetry={() => void reload()} />}
      <RegisterTable<R>
        testId={`${testId}-table`}
        columns={columns}
        width={width}
        rows={rows}
        loading={status === 'loading'}
        emptyText={empty}
        resetKey={filters}
        rowClassName={rowClassName}
        onNearEnd={() => void loadMore()}
        onOpen={(r) => navigate(openPath(r))}
      />
    </Flex>
  );
}
