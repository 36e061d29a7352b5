import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { MealDinerRecord, MealSiteRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../../api';
import { confirmDelete } from '../../../ui/confirmDelete';
import { CUT, CutText } from '../../../ui/CutText';
import { EMPTY } from '../../../ui/personLabels';
import { CategoryTags } from './CategoryTags';
import { DinerModal, type DinerSite } from './DinerModal';
import { DinerStatusTag } from './dinerStatus';

/** The modal's state: closed, enrolling, editing, or stopping one diner. */
type Editing = { diner: MealDinerRecord | null; stopOn?: string } | null;

/** 就餐人员: who may eat at the site, with their subsidy categories and dates. */
export function DinersTab({ site }: { site: MealSiteRecord }) {
  const app = App.useApp();
  const [includeStopped, setIncludeStopped] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const list = useLedgerQuery('meals.diners.list', { siteId: site.id, includeStopped });
  const del = useLedgerMutation('meals.diners.delete');
  const fixedSite: DinerSite = { kind: 'fixed', id: site.id, name: site.name, townshipCode: site.townshipCode };

  const remove = (d: MealDinerRecord) =>
    confirmDelete(app, {
      title: `确定删除“${d.name}”在本助餐点的就餐登记吗？`,
      content: '只用于删除登记错误的人员；已有就餐记录的不能删除，不再就餐请填写停止就餐日期。',
      run: () => del.mutateAsync({ id: d.id }),
    });

  const columns: ColumnsType<MealDinerRecord> = [
    { title: '姓名', dataIndex: 'name', width: 100, ellipsis: CUT, render: (n: string) => <CutText text={n} /> },
    { title: '村（居）', dataIndex: 'villageName', width: 100, ellipsis: CUT, render: (v: string) => <CutText text={v} /> },
    { title: '补贴类别', key: 'categories', width: 180, render: (_: unknown, d) => <CategoryTags diner={d} /> },
    { title: '开始就餐', dataIndex: 'startOn', width: 105 },
    { title: '停止就餐', dataIndex: 'stopOn', width: 105, render: (d: string | undefined) => d ?? EMPTY },
    { title: '送餐', dataIndex: 'delivery', width: 60, render: (d: boolean) => (d ? '送餐' : EMPTY) },
    { title: '饮食禁忌', dataIndex: 'dietNotes', width: 120, ellipsis: CUT, render: (t: string | undefined) => (t ? <CutText text={t} /> : EMPTY) },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, d) => <DinerStatusTag diner={d} /> },
    {
      title: '操作',
      key: 'actions',
      width: 250,
      fixed: 'right',
      render: (_: unknown, d) => (
        <Flex gap={4}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ diner: d })}>
            编辑
          </Button>
          {!d.stopOn && (
            <Button type="link" size="small" icon={<StopOutlined />} onClick={() => setEditing({ diner: d, stopOn: todayIso() })}>
              停止就餐
            </Button>
          )}
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(d)}>
            删除
          </Button>
        </Flex>
      ),
    },
  ];

  const rows = list.data ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex gap={12} align="center">
          <Typography.Text type="secondary" data-testid="meal-diners-total">
            {list.data ? `${includeStopped ? '共' : '在册'} ${rows.length} 人` : '正在加载…'}
          </Typography.Text>
          <Flex align="center" gap={6}>
            <Switch id="meal-diners-stopped" size="small" checked={includeStopped} onChange={setIncludeStopped} />
            <label htmlFor="meal-diners-stopped">显示已停止就餐的人员</label>
          </Flex>
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ diner: null })} data-testid="meal-diner-add" disabled={site.status === 'stopped'}>
          登记就餐人员
        </Button>
      </Flex>
      {site.status === 'stopped' && <Alert type="info" showIcon title="该助餐点已停运，不能登记新的就餐人员" />}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<MealDinerRecord>
        data-testid="meal-diners-table"
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        scroll={{ x: 1110 }}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={includeStopped ? '还没有登记就餐人员' : '没有在册就餐人员，点击“登记就餐人员”从老人台账中选择'} />,
        }}
      />
      <DinerModal open={editing !== null} onClose={() => setEditing(null)} site={fixedSite} diner={editing?.diner ?? null} stopOn={editing?.stopOn} />
    </Flex>
  );
}
