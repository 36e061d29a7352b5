import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ElderRecord, SupportAgreementRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { ELDER_RELATIONSHIPS, SUPPORT_KINDS } from '../../../../shared/domain/elders';
import { labelOf } from '../../../../shared/domain/labels';
import { useLedgerMutation } from '../../../api';
import { EMPTY } from '../../../ui/personLabels';
import { AgreementModal } from './AgreementModal';
import { formatYuan } from './agreementValues';
import { confirmDelete } from '../../../ui/confirmDelete';

type Supporter = SupportAgreementRecord['supporters'][number];

function ReviewDate({ reviewOn }: { reviewOn: string | undefined }) {
  if (!reviewOn) return <>{EMPTY}</>;
  if (reviewOn > todayIso()) return <>{reviewOn}</>;
  return (
    <>
      {reviewOn} <Tag color="warning">已到复查日期</Tag>
    </>
  );
}

function AgreementCard({ agreement, onEdit, onDelete }: { agreement: SupportAgreementRecord; onEdit: () => void; onDelete: () => void }) {
  return (
    <Card
      type="inner"
      size="small"
      title={`${agreement.signedOn} 签订`}
      data-testid="elder-agreement"
      extra={
        <Flex gap={4}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
            编辑
          </Button>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={onDelete}>
            删除
          </Button>
        </Flex>
      }
    >
      <Table<Supporter>
        size="small"
        bordered
        rowKey={(s) => s.name}
        pagination={false}
        dataSource={agreement.supporters}
        columns={[
          { title: '赡养人', dataIndex: 'name', width: 100 },
          { title: '与老人关系', dataIndex: 'relationship', width: 120, render: (r: Supporter['relationship']) => labelOf(ELDER_RELATIONSHIPS, r) },
          { title: '联系电话', dataIndex: 'phone', width: 140, render: (p: string | undefined) => p ?? EMPTY },
          {
            title: '赡养内容',
            dataIndex: 'provides',
            render: (kinds: Supporter['provides']) => kinds.map((k) => <Tag key={k}>{labelOf(SUPPORT_KINDS, k)}</Tag>),
          },
          { title: '赡养费', dataIndex: 'amountFen', width: 120, render: (fen: number | undefined) => (fen === undefined ? EMPTY : `${formatYuan(fen)}/月`) },
        ]}
      />
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'witness', label: '见证单位', children: agreement.witness ?? EMPTY },
          { key: 'review', label: '复查日期', children: <ReviewDate reviewOn={agreement.reviewOn} /> },
          { key: 'notes', label: '备注', children: agreement.notes ?? EMPTY },
        ]}
      />
    </Card>
  );
}

/** 赡养协议: each agreement with its supporters and what each undertakes, newest first. */
export function AgreementsSection({ elder }: { elder: ElderRecord }) {
  const app = App.useApp();
  const del = useLedgerMutation('elders.deleteAgreement');
  // undefined: closed; null: adding; a record: editing it.
  const [editing, setEditing] = useState<SupportAgreementRecord | null | undefined>(undefined);

  const remove = (a: SupportAgreementRecord) =>
    confirmDelete(app, {
      title: `确定删除${a.signedOn}签订的赡养协议吗？`,
      run: () => del.mutateAsync({ id: a.id }),
    });

  return (
    <div data-testid="elder-agreements">
      <div className="elder-section-head">
        <div className="section-title">赡养协议</div>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="elder-agreement-add">
          添加赡养协议
        </Button>
      </div>
      {elder.agreements.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未签订赡养协议" />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          {elder.agreements.map((a) => (
            <AgreementCard key={a.id} agreement={a} onEdit={() => setEditing(a)} onDelete={() => remove(a)} />
          ))}
        </Flex>
      )}
      <AgreementModal elderId={elder.id} agreement={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  );
}
