import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Table } from 'antd';
import { useState } from 'react';
import type { ElderContactRecord, ElderRecord } from '../../../../shared/contract';
import { ELDER_RELATIONSHIPS } from '../../../../shared/domain/elders';
import { labelOf } from '../../../../shared/domain/labels';
import { useLedgerMutation } from '../../../api';
import { EMPTY } from '../../../ui/personLabels';
import { confirmDelete } from '../../../ui/confirmDelete';
import { ContactModal } from './ContactModal';
import { CUT, CutText } from '../../../ui/CutText';

/** 联系人登记: the people to call about the elder, newest first. */
export function ContactsSection({ elder }: { elder: ElderRecord }) {
  const app = App.useApp();
  const del = useLedgerMutation('elders.deleteContact');
  // undefined: closed; null: adding; a record: editing it.
  const [editing, setEditing] = useState<ElderContactRecord | null | undefined>(undefined);

  const remove = (c: ElderContactRecord) =>
    confirmDelete(app, {
      title: `确定删除联系人“${c.name}”吗？`,
      run: () => del.mutateAsync({ id: c.id }),
    });

  return (
    <div data-testid="elder-contacts">
      <div className="elder-section-head">
        <div className="section-title">联系人</div>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="elder-contact-add">
          添加联系人
        </Button>
      </div>
      <Table<ElderContactRecord>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={elder.contacts}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记联系人" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '与老人关系', dataIndex: 'relationship', width: 120, render: (r: ElderContactRecord['relationship']) => labelOf(ELDER_RELATIONSHIPS, r) },
          { title: '联系电话', dataIndex: 'phone', width: 140 },
          { title: '住址', dataIndex: 'address', ellipsis: CUT, render: (a: string | undefined) => (a ? <CutText text={a} /> : EMPTY) },
          { title: '登记日期', dataIndex: 'registeredOn', width: 110 },
          { title: '备注', dataIndex: 'notes', ellipsis: CUT, render: (n: string | undefined) => (n ? <CutText text={n} /> : EMPTY) },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, c) => (
              <Flex gap={4}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
                  编辑
                </Button>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(c)}>
                  删除
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <ContactModal elderId={elder.id} contact={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  );
}
