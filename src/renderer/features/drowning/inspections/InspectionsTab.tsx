import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { WaterInspectionRecord } from '../../../../shared/contract';
import { INSPECTED_LABEL } from '../../../../shared/domain/drowning';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../../api';
import { confirmDelete } from '../../../ui/confirmDelete';
import { EMPTY } from '../../../ui/personLabels';
import { PlaceFilter } from '../../places/PlaceFilter';
import { useStation } from '../../station/station';
import { InspectionModal } from './InspectionModal';
import { CUT, CutText } from '../../../ui/CutText';

const PAGE_SIZE = 50;

const cut = (text: string) => <CutText text={text} />;

interface Filters {
  townshipCode?: string;
  villageCode?: string;
  hazardOnly: boolean;
}

/** 水域督查: the year's inspections of ponds, rivers and reservoirs, newest first. */
export function InspectionsTab({ year }: { year: number }) {
  const app = App.useApp();
  const station = useStation();
  const county = station?.role === 'county';
  const [filters, setFilters] = useState<Filters>({ hazardOnly: false });
  // undefined: closed; null: adding; a record: editing it.
  const [editing, setEditing] = useState<WaterInspectionRecord | null | undefined>(undefined);
  const del = useLedgerMutation('drowning.inspections.delete');

  const townshipCode = county ? filters.townshipCode : station?.code;
  const query = useMemo(
    () => ({ year, townshipCode, villageCode: filters.villageCode, hazardOnly: filters.hazardOnly || undefined }),
    [year, townshipCode, filters.villageCode, filters.hazardOnly],
  );
  const [paging, setPaging] = useState({ key: query, page: 1 });
  const page = paging.key === query ? paging.page : 1;

  // Asked once the station is known: a station's list is its own township's. The last page stays while the next loads.
  const list = useLedgerQuery(
    'drowning.inspections.list',
    { ...query, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { enabled: station !== undefined, placeholderData: keepPreviousData },
  );
  const result = list.data;
  const reload = () => void list.refetch();

  const remove = (r: WaterInspectionRecord) =>
    confirmDelete(app, {
      title: `确定删除${r.inspectedOn}在“${r.place}”的督查记录吗？`,
      run: () => del.mutateAsync({ id: r.id }),
    });

  const columns: ColumnsType<WaterInspectionRecord> = [
    { title: INSPECTED_LABEL, dataIndex: 'inspectedOn', width: 110 },
    ...(county ? [{ title: '乡镇（街道）', dataIndex: 'townshipName', width: 110, ellipsis: CUT, render: cut }] : []),
    { title: '村（居）', dataIndex: 'villageName', width: 110, ellipsis: CUT, render: cut },
    { title: '督查地点', dataIndex: 'place', width: 180, ellipsis: CUT, render: cut },
    { title: '督查人员', dataIndex: 'inspectors', width: 140, ellipsis: CUT, render: (names: string[]) => cut(names.join('、')) },
    { title: '督查情况', dataIndex: 'findings', ellipsis: CUT, render: cut },
    {
      title: '隐患',
      dataIndex: 'hazardFound',
      width: 80,
      render: (found: boolean) => (found ? <Tag color="error">有隐患</Tag> : <Tag color="success">无</Tag>),
    },
    { title: '处置措施', dataIndex: 'actions', width: 180, ellipsis: CUT, render: (a: string | undefined) => (a ? cut(a) : EMPTY) },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Flex gap={4}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
            编辑
          </Button>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(r)}>
            删除
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <PlaceFilter
            townshipCode={townshipCode}
            villageCode={filters.villageCode}
            onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
          />
          <Flex align="center" gap={6}>
            <Switch id="drowning-hazard-only" size="small" checked={filters.hazardOnly} onChange={(on) => setFilters((f) => ({ ...f, hazardOnly: on }))} />
            <label htmlFor="drowning-hazard-only">只看发现隐患</label>
          </Flex>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="drowning-inspection-add">
          新增督查
        </Button>
      </Flex>
      {result && (
        <Typography.Text type="secondary" data-testid="drowning-inspections-total">
          {year}年督查 {result.total} 次
        </Typography.Text>
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<WaterInspectionRecord>
        data-testid="drowning-inspections-table"
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={result?.rows ?? []}
        loading={list.isFetching}
        scroll={{ x: 1200 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: result?.total ?? 0, showSizeChanger: false, onChange: (p) => setPaging({ key: query, page: p }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年尚无督查记录，点击右上角“新增督查”登记`} /> }}
      />
      <InspectionModal inspection={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </Flex>
  );
}
