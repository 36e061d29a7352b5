import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { PublicityRecord } from '../../../shared/contract';
import { LETTER_LABEL, PLEDGE_LABEL } from '../../../shared/domain/drowning';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../api';
import { confirmDelete } from '../../ui/confirmDelete';
import { EMPTY } from '../../ui/personLabels';
import { dateOr } from './cells';
import { PublicityModal } from './PublicityModal';
import { CUT, CutText } from '../../ui/CutText';

const NO_ROWS: PublicityRecord[] = [];

/** 防溺水宣传 on a child's page: the letter and pledge of each year, newest first, each editable. */
export function DrowningSection({ childId, childName }: { childId: string; childName: string }) {
  const app = App.useApp();
  const current = useLedgerQuery('drowning.publicity.forChild', { childId });
  const del = useLedgerMutation('drowning.publicity.delete');
  // undefined: closed; null: adding a year; a record: editing it.
  const [editing, setEditing] = useState<PublicityRecord | null | undefined>(undefined);

  const rows = current.isSuccess ? current.data : NO_ROWS;
  const recordedYears = useMemo(() => rows.map((r) => r.year), [rows]);

  const remove = (r: PublicityRecord) =>
    confirmDelete(app, {
      title: `确定删除${r.year}年的防溺水宣传记录吗？`,
      run: () => del.mutateAsync({ id: r.id }),
    });

  return (
    <div data-testid="child-drowning">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <div className="section-title" style={{ marginBottom: 0 }}>
          防溺水宣传
        </div>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} disabled={!current.isSuccess} data-testid="child-drowning-add">
          登记
        </Button>
      </Flex>
      {current.isError ? (
        <Alert type="error" showIcon title={errorMessage(current.error)} />
      ) : (
        <Table<PublicityRecord>
          size="small"
          bordered
          rowKey="id"
          pagination={false}
          loading={current.isPending}
          dataSource={rows}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记防溺水宣传" /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
            { title: LETTER_LABEL, dataIndex: 'letterOn', width: 140, render: dateOr('未发放') },
            { title: PLEDGE_LABEL, dataIndex: 'pledgeOn', width: 140, render: dateOr('未签订') },
            { title: '发放人', dataIndex: 'handedBy', width: 120, render: (h: string | undefined) => h ?? EMPTY },
            { title: '备注', dataIndex: 'notes', ellipsis: CUT, render: (n: string | undefined) => (n ? <CutText text={n} /> : EMPTY) },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_: unknown, r) => (
                <Flex gap={4}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={`编辑${r.year}年`}>
                    编辑
                  </Button>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(r)} aria-label={`删除${r.year}年`}>
                    删除
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      )}
      <PublicityModal
        childId={childId}
        childName={childName}
        record={editing ?? null}
        recordedYears={recordedYears}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </div>
  );
}
