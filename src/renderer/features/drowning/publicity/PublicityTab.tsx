import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PublicityBatchResult, PublicityListRow } from '../../../../shared/contract';
import { LETTER_LABEL, PLEDGE_LABEL, percentOf, PUBLICITY_STATUSES, type PublicityStatus } from '../../../../shared/domain/drowning';
import { errorMessage, useLedgerQuery } from '../../../api';
import { SearchBox } from '../../../ui/filterBar';
import { optionsOf } from '../../../ui/options';
import { EMPTY, SEX_LABELS } from '../../../ui/personLabels';
import { useDebounced } from '../../../ui/useDebounced';
import { PlaceFilter } from '../../places/PlaceFilter';
import { useTownships } from '../../places/places';
import { useStation } from '../../station/station';
import { dateOr } from '../cells';
import { BatchModal, type BatchScope } from './BatchModal';

const PAGE_SIZE = 100;
const NONE: string[] = [];
const SEARCH_DEBOUNCE_MS = 200;

interface Filters {
  townshipCode?: string;
  villageCode?: string;
  status: PublicityStatus;
  search?: string;
}

function columns(county: boolean): ColumnsType<PublicityListRow> {
  const cols: ColumnsType<PublicityListRow> = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (name: string, r) => <Link to={`/children/${r.id}`}>{name}</Link> },
    { title: '性别', dataIndex: 'sex', width: 60, render: (s: PublicityListRow['sex']) => SEX_LABELS[s] },
    { title: '年龄', dataIndex: 'age', width: 60 },
  ];
  if (county) cols.push({ title: '乡镇（街道）', dataIndex: 'townshipName', width: 110 });
  cols.push(
    { title: '村（居）', dataIndex: 'villageName', width: 120 },
    { title: LETTER_LABEL, dataIndex: 'letterOn', width: 140, render: dateOr('未发放') },
    { title: PLEDGE_LABEL, dataIndex: 'pledgeOn', width: 140, render: dateOr('未签订') },
    { title: '发放人', dataIndex: 'handedBy', width: 120, render: (h: string | undefined) => h ?? EMPTY },
  );
  return cols;
}

/** The batch's outcome in words: how many were set, and why the others were left alone. */
export function batchSummary(r: PublicityBatchResult): string {
  const parts = [`已为 ${r.set} 名儿童登记`];
  if (r.alreadySet > 0) parts.push(`${r.alreadySet} 名已有日期，未改动`);
  if (r.conflicting > 0) parts.push(`${r.conflicting} 名的承诺书签订日期将早于一封信发放日期，未改动，请逐个核对`);
  if (r.notFound > 0) parts.push(`${r.notFound} 名已不在名单中（已删除或迁出）`);
  return `${parts.join('；')}。`;
}

/** 宣传告知: the year's children in scope with their letter and pledge, and dates set in batches. */
export function PublicityTab({ year }: { year: number }) {
  const station = useStation();
  const county = station?.role === 'county';
  const townships = useTownships();
  const [filters, setFilters] = useState<Filters>({ status: 'all' });
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const [batchOpen, setBatchOpen] = useState(false);
  const [outcome, setOutcome] = useState<PublicityBatchResult | null>(null);

  // A station's children all lie in its own township; the county picks one.
  const townshipCode = county ? filters.townshipCode : station?.code;
  const query = useMemo(
    () => ({ year, townshipCode, villageCode: filters.villageCode, status: filters.status, search: search || undefined }),
    [year, townshipCode, filters.villageCode, filters.status, search],
  );

  // Page and picks belong to one list: a new filter starts at its first page with nothing picked.
  const [paging, setPaging] = useState({ key: query, page: 1 });
  const page = paging.key === query ? paging.page : 1;
  const [picked, setPicked] = useState<{ key: typeof query; ids: string[] }>({ key: query, ids: [] });
  const selected = picked.key === query ? picked.ids : NONE;

  // Asked once the station is known: a station's list is its own township's. The last page stays while the next loads.
  const list = useLedgerQuery(
    'drowning.publicity.list',
    { ...query, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { enabled: station !== undefined, placeholderData: keepPreviousData },
  );
  const result = list.data;
  const loading = list.isFetching;

  const cols = useMemo(() => columns(county), [county]);
  const total = result?.total ?? 0;
  const counts = result?.counts;

  const scopeLabel = useMemo(() => {
    const t = townships.find((x) => x.code === townshipCode);
    const v = t?.villages.find((x) => x.code === filters.villageCode);
    return [t?.name, v?.name].filter(Boolean).join(' ');
  }, [townships, townshipCode, filters.villageCode]);
  const batchScope: BatchScope = { ...query, ...(selected.length > 0 ? { childIds: selected } : {}) };
  const needsPlace = !query.townshipCode && !query.villageCode;
  const batchCount = selected.length > 0 ? selected.length : total;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <SearchBox testId="drowning-publicity-search" label="搜索儿童" width={220} value={text} onChange={setText} />
        <PlaceFilter
          townshipCode={townshipCode}
          villageCode={filters.villageCode}
          onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
        />
        <Select
          aria-label="宣传情况"
          style={{ width: 140 }}
          value={filters.status}
          options={optionsOf(PUBLICITY_STATUSES)}
          onChange={(status: PublicityStatus) => setFilters((f) => ({ ...f, status }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
          刷新
        </Button>
        <Button
          type="primary"
          icon={<EditOutlined />}
          disabled={needsPlace || batchCount === 0 || loading}
          onClick={() => setBatchOpen(true)}
          data-testid="drowning-batch-open"
        >
          {selected.length > 0 ? `为已选的 ${selected.length} 人登记` : `为筛选出的 ${total} 人登记`}
        </Button>
        {needsPlace && <Typography.Text type="secondary">批量登记请先选择乡镇</Typography.Text>}
      </Flex>
      {counts && (
        <Typography.Text type="secondary" data-testid="drowning-publicity-counts">
          {year}年在册关爱儿童 {counts.children} 人，已发放一封信 {counts.letters} 人（{percentOf(counts.letters, counts.children)}），已签订承诺书{' '}
          {counts.pledges} 人（{percentOf(counts.pledges, counts.children)}）
        </Typography.Text>
      )}
      {outcome && <Alert type="success" showIcon closable onClose={() => setOutcome(null)} title={batchSummary(outcome)} data-testid="drowning-batch-result" />}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<PublicityListRow>
        data-testid="drowning-publicity-table"
        size="middle"
        rowKey="id"
        columns={cols}
        dataSource={result?.rows ?? []}
        loading={loading}
        scroll={{ x: 800 }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setPicked({ key: query, ids: keys.map(String) }),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 人`,
          onChange: (p) => setPaging({ key: query, page: p }),
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filters.status === 'all' && !search ? `${year}年没有在册的关爱儿童` : '没有符合条件的儿童'}
            />
          ),
        }}
      />
      <BatchModal
        open={batchOpen}
        scope={batchScope}
        count={batchCount}
        scopeLabel={scopeLabel}
        onClose={() => setBatchOpen(false)}
        onDone={(r) => {
          setOutcome(r);
          setPicked({ key: query, ids: [] });
        }}
      />
    </Flex>
  );
}
