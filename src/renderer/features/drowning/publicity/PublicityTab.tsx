import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PublicityBatchResult, PublicityListRow, Township } from '../../../../shared/contract';
import { LETTER_LABEL, PLEDGE_LABEL, percentOf, PUBLICITY_STATUSES, type PublicityStatus } from '../../../../shared/domain/drowning';
import { usePagedList } from '../../../api';
import { SearchBox } from '../../../ui/filterBar';
import { optionsOf } from '../../../ui/options';
import { EMPTY, SEX_LABELS } from '../../../ui/personLabels';
import { columnsWidth, RegisterTable } from '../../../ui/RegisterTable';
import { RetryAlert } from '../../../ui/RetryAlert';
import { useDebounced } from '../../../ui/useDebounced';
import { PlaceFilter } from '../../places/PlaceFilter';
import { useTownships } from '../../places/places';
import { useStation } from '../../station/station';
import { dateOr } from '../cells';
import { BatchModal, type BatchScope } from './BatchModal';
import { CUT, CutText } from '../../../ui/CutText';

const NONE: string[] = [];

const cut = (text: string) => <CutText text={text} />;
const SEARCH_DEBOUNCE_MS = 200;

interface Filters {
  townshipCode?: string;
  villageCode?: string;
  status: PublicityStatus;
  search?: string;
}

// Virtual rows have one fixed height: every cell stays on one line, cut text shows whole on hover.
function columns(county: boolean): ColumnsType<PublicityListRow> {
  const cols: ColumnsType<PublicityListRow> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 100,
      ellipsis: CUT,
      render: (name: string, r) => (
        <CutText text={name}>
          <Link to={`/children/${r.id}`}>{name}</Link>
        </CutText>
      ),
    },
    { title: '性别', dataIndex: 'sex', width: 60, render: (s: PublicityListRow['sex']) => SEX_LABELS[s] },
    { title: '年龄', dataIndex: 'age', width: 64, render: (age: number) => `${age}岁` },
  ];
  if (county) cols.push({ title: '乡镇（街道）', dataIndex: 'townshipName', width: 110, ellipsis: CUT, render: cut });
  cols.push(
    { title: '村（居）', dataIndex: 'villageName', width: 140, ellipsis: CUT, render: cut },
    { title: LETTER_LABEL, dataIndex: 'letterOn', width: 140, render: dateOr('未发放') },
    { title: PLEDGE_LABEL, dataIndex: 'pledgeOn', width: 140, render: dateOr('未签订') },
    { title: '发放人', dataIndex: 'handedBy', width: 120, ellipsis: CUT, render: (h: string | undefined) => (h ? cut(h) : EMPTY) },
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

  // Picks belong to one list: a new filter starts with nothing picked.
  const [picked, setPicked] = useState<{ key: typeof query; ids: string[] }>({ key: query, ids: [] });
  const selected = picked.key === query ? picked.ids : NONE;

  // Read page by page as the list scrolls, like every register; once the station (its township) is known.
  const list = usePagedList('drowning.publicity.list', query, { enabled: station !== undefined });
  const { rows, total, loading } = list;
  const counts = list.latest?.counts;

  const cols = useMemo(() => columns(county), [county]);
  const width = useMemo(() => columnsWidth(cols), [cols]);
  const township = townships(useTownships(), townshipCode);
  const batchScope: BatchScope = { ...query, ...(selected.length > 0 ? { childIds: selected } : {}) };
  const needsPlace = !query.townshipCode && !query.villageCode;
  const toggle = (id: string) => setPicked({ key: query, ids: selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id] });

  return (
    // A box of its own height under the page's title and tabs: the table fills it and scrolls.
    <Flex vertical gap={12} style={{ height: 'calc(100vh - 230px)', minHeight: 420 }}>
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
        <Button icon={<ReloadOutlined />} onClick={list.reload}>
          刷新
        </Button>
        <Button
          type="primary"
          icon={<EditOutlined />}
          disabled={needsPlace || total === 0 || loading}
          onClick={() => setBatchOpen(true)}
          data-testid="drowning-batch-open"
        >
          {selected.length > 0 ? `为已选的 ${selected.length} 人登记` : '批量登记'}
        </Button>
        {needsPlace && <Typography.Text type="secondary">批量登记请先选择乡镇</Typography.Text>}
      </Flex>
      {counts && (
        <Typography.Text type="secondary" data-testid="drowning-publicity-counts">
          {year}年在册关爱儿童 {counts.children} 人，已发放一封信 {counts.letters} 人（{percentOf(counts.letters, counts.children)}），已签订承诺书{' '}
          {counts.pledges} 人（{percentOf(counts.pledges, counts.children)}）
          {!list.pending && rows.length < total ? `；列表共 ${total} 人，向下滚动加载更多` : ''}
        </Typography.Text>
      )}
      {outcome && <Alert type="success" showIcon closable onClose={() => setOutcome(null)} title={batchSummary(outcome)} data-testid="drowning-batch-result" />}
      {list.error && <RetryAlert message={list.error} onRetry={list.reload} />}
      <RegisterTable<PublicityListRow>
        testId="drowning-publicity-table"
        columns={cols}
        width={width}
        rows={rows}
        loading={loading}
        emptyText={loading ? ' ' : filters.status === 'all' && !search ? `${year}年没有在册的关爱儿童` : '没有符合条件的儿童'}
        resetKey={query}
        rowSelection={{
          // A set width: the virtual table would otherwise give this column the spare room.
          columnWidth: 48,
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setPicked({ key: query, ids: keys.map(String) }),
        }}
        onNearEnd={list.loadMore}
        // A click on a row ticks it; the name opens the child.
        onOpen={(r) => toggle(r.id)}
      />
      <BatchModal
        open={batchOpen}
        scope={batchScope}
        township={township}
        onClose={() => setBatchOpen(false)}
        onDone={(r) => {
          setOutcome(r);
          setPicked({ key: query, ids: [] });
        }}
      />
    </Flex>
  );
}

/** The township the list covers, with its villages: the batch dialog picks one of them. */
function townships(all: readonly Township[], code: string | undefined): Township | undefined {
  return all.find((t) => t.code === code);
}
