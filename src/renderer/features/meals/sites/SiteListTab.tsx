import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Empty, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MealSiteRow } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { SITE_KINDS, SITE_STATUSES, type SiteKind, type SiteStatus } from '../../../../shared/domain/meals';
import { errorMessage, useLedgerQuery } from '../../../api';
import { CUT, CutText } from '../../../ui/CutText';
import { ClearFilters, SearchBox } from '../../../ui/filterBar';
import { activeFilterCount } from '../../../ui/listFilterStore';
import { optionsOf } from '../../../ui/options';
import { withStationColumn } from '../../../ui/RegisterTable';
import { RetryAlert } from '../../../ui/RetryAlert';
import { useListFilters } from '../../../ui/useListFilters';
import { RegisterPlaceFilters } from '../../people/RegisterPlaceFilters';
import { useStation } from '../../station/station';
import { useStationNameOf } from '../../sync/stationNames';
import { SiteStatusTag } from './siteLabels';
import { useSiteListStore } from './siteListStore';

const PAGE_SIZE = 50;

const cut = (text: string) => <CutText text={text} />;

function siteColumns(county: boolean): ColumnsType<MealSiteRow> {
  return [
    { title: '助餐点名称', dataIndex: 'name', width: 200, ellipsis: CUT, render: cut },
    { title: '类型', dataIndex: 'kind', width: 100, render: (k: SiteKind) => labelOf(SITE_KINDS, k) },
    {
      title: county ? '乡镇（街道）/ 村（居）' : '村（居）',
      key: 'place',
      width: county ? 180 : 120,
      ellipsis: CUT,
      render: (_: unknown, r) => cut(county ? `${r.townshipName} ${r.villageName}` : r.villageName),
    },
    { title: '运营状态', dataIndex: 'status', width: 90, render: (s: SiteStatus) => <SiteStatusTag status={s} /> },
    { title: '运营方', dataIndex: 'operator', ellipsis: CUT, render: cut },
    { title: '日供餐能力', dataIndex: 'dailyCapacity', width: 100, align: 'right', render: (n: number) => `${n} 份` },
    { title: '今日在册就餐', dataIndex: 'diners', width: 110, align: 'right', render: (n: number) => `${n} 人` },
  ];
}

/** 助餐点: the sites of the station (the county: of every station), by place, status and kind. */
export function SiteListTab() {
  const navigate = useNavigate();
  const station = useStation();
  const county = station?.role === 'county';
  const stationName = useStationNameOf();
  const { filters, setFilters, text, setText, clear } = useListFilters(useSiteListStore);
  const [paging, setPaging] = useState({ key: filters, page: 1 });
  const page = paging.key === filters ? paging.page : 1;
  // Asked once the station is known: a station's list is its own township's.
  const list = useLedgerQuery(
    'meals.sites.list',
    { ...filters, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { enabled: station !== undefined, placeholderData: keepPreviousData },
  );
  const columns = useMemo(() => {
    const base = siteColumns(county);
    return county ? withStationColumn(base, stationName) : base;
  }, [county, stationName]);
  const result = list.data;
  const filtered = activeFilterCount(filters) > 0;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <SearchBox testId="meal-sites-search" label="搜索助餐点" placeholder="助餐点名称 / 运营方" value={text} onChange={setText} width={200} />
          <RegisterPlaceFilters county={county} filters={filters} onChange={setFilters} stationTestId="meal-sites-station-filter" />
          <Select
            aria-label="运营状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 110 }}
            value={filters.status}
            options={optionsOf(SITE_STATUSES)}
            onChange={(status?: SiteStatus) => setFilters({ status })}
          />
          <Select
            aria-label="助餐点类型"
            allowClear
            placeholder="全部类型"
            style={{ width: 130 }}
            value={filters.kind}
            options={optionsOf(SITE_KINDS)}
            onChange={(kind?: SiteKind) => setFilters({ kind })}
          />
          <ClearFilters filters={filters} onClear={clear} />
        </Flex>
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} data-testid="meal-sites-add" onClick={() => navigate('/meals/sites/new')}>
            新增助餐点
          </Button>
        </Flex>
      </Flex>
      <Typography.Text type="secondary" data-testid="meal-sites-total">
        {result ? `共 ${result.total} 个助餐点` : '正在加载…'}
      </Typography.Text>
      {list.error && <RetryAlert message={errorMessage(list.error)} onRetry={() => void list.refetch()} />}
      <Table<MealSiteRow>
        data-testid="meal-sites-table"
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={result?.rows ?? []}
        loading={list.isFetching}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ onClick: () => navigate(`/meals/sites/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: result?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: (p) => setPaging({ key: filters, page: p }) }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? '没有符合条件的助餐点，请调整筛选条件' : '还没有登记助餐点，点击右上角“新增助餐点”开始登记'}
            />
          ),
        }}
      />
    </Flex>
  );
}
