import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ComponentType } from 'react';
import { useNavigate } from 'react-router';
import { usePagedList, type FiltersOf, type PagedOperation, type RowOf } from '../../api';
import { activeFilterCount, type ListFilterStore } from '../../ui/listFilterStore';
import { columnsWidth, RegisterTable, withStationColumn } from '../../ui/RegisterTable';
import { RetryAlert } from '../../ui/RetryAlert';
import { useStation } from '../station/station';
import { useStationNameOf } from '../sync/stationNames';

interface RegisterListPageProps<K extends PagedOperation, R = RowOf<K>> {
  /** The register's list operation, read page by page under the store's filters. */
  operation: K;
  store: ListFilterStore<FiltersOf<K>>;
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
export function RegisterListPage<K extends PagedOperation>({
  operation,
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
}: RegisterListPageProps<K>) {
  type R = RowOf<K>;
  const navigate = useNavigate();
  const filters = store((s) => s.filters);
  const { rows, total, pending, loading, loadingMore, error, reload, loadMore } = usePagedList(operation, filters);
  const county = useStation()?.role === 'county';
  // Station names for the county's 站点 column and filter.
  const stationName = useStationNameOf();
  const { columns, width } = useMemo(() => {
    const shown = county ? withStationColumn(baseColumns, stationName) : baseColumns;
    return { columns: shown, width: columnsWidth(shown) };
  }, [county, baseColumns, stationName]);

  const filtered = activeFilterCount(filters) > 0;
  const empty = loading ? ' ' : filtered ? emptyText.filtered : emptyText.none;
  const count = (n: number) => n.toLocaleString('zh-CN');
  const reloadButton = (
    <Button icon={<ReloadOutlined />} onClick={reload}>
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
            {pending ? '正在加载…' : `共 ${count(total)} ${unit}`}
            {!pending && !loading && rows.length < total ? (loadingMore ? '（正在加载更多…）' : `（已显示 ${count(rows.length)} ${unit}，向下滚动加载更多）`) : ''}
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
      {error && <RetryAlert message={error} onRetry={reload} />}
      <RegisterTable<R>
        testId={`${testId}-table`}
        columns={columns}
        width={width}
        rows={rows}
        loading={loading}
        emptyText={empty}
        resetKey={filters}
        rowClassName={rowClassName}
        onNearEnd={loadMore}
        onOpen={(r) => navigate(openPath(r))}
      />
    </Flex>
  );
}
