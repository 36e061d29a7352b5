import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ElderRecord, MealDinerRecord } from '../../../../shared/contract';
import { errorMessage, useLedgerQuery } from '../../../api';
import { EMPTY } from '../../../ui/personLabels';
import { CategoryTags } from './CategoryTags';
import { DinerModal } from './DinerModal';
import { DinerStatusTag } from './dinerStatus';

/** 助餐 on the elder's page: the sites the elder is enrolled at, and 登记助餐 at a site of their township. */
export function ElderMealsSection({ elder }: { elder: ElderRecord }) {
  const [open, setOpen] = useState(false);
  const list = useLedgerQuery('meals.diners.forElder', { elderId: elder.id });
  const rows = list.data ?? [];
  return (
    <div data-testid="elder-meals">
      <div className="elder-section-head">
        <div className="section-title">助餐</div>
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="elder-meals-add">
          登记助餐
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      {rows.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.isPending ? '正在加载…' : '未在助餐点登记就餐'} />
        </Card>
      ) : (
        <Table<MealDinerRecord>
          size="small"
          bordered
          rowKey="id"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '助餐点', dataIndex: 'siteName', render: (name: string, d) => <Link to={`/meals/sites/${d.siteId}?tab=diners`}>{name}</Link> },
            { title: '补贴类别', key: 'categories', width: 220, render: (_: unknown, d) => <CategoryTags diner={d} /> },
            { title: '开始就餐', dataIndex: 'startOn', width: 110 },
            { title: '停止就餐', dataIndex: 'stopOn', width: 110, render: (s: string | undefined) => s ?? EMPTY },
            { title: '送餐', dataIndex: 'delivery', width: 70, render: (d: boolean) => (d ? '送餐' : EMPTY) },
            { title: '状态', key: 'status', width: 90, render: (_: unknown, d) => <DinerStatusTag diner={d} /> },
          ]}
        />
      )}
      <DinerModal open={open} onClose={() => setOpen(false)} site={{ kind: 'pick', townshipCode: elder.townshipCode }} diner={null} elder={elder} />
    </div>
  );
}
