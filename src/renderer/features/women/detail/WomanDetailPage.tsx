import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { WomanRecord } from '../../../../shared/contract';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../../api';
import { confirmDelete } from '../../../ui/confirmDelete';
import { PageHeader } from '../../../ui/PageHeader';
import { RecordUnavailable } from '../../../ui/RecordUnavailable';
import { VisitTimeline } from '../../visits/VisitTimeline';
import { StatusTag } from '../StatusTag';
import '../women.css';
import { BasicDetails, FamilyDetails, HusbandDetails, RegisterDetails } from './sections';

export function WomanDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const app = App.useApp();
  const record = useLedgerQuery('women.get', { id });
  const woman = record.isError ? null : (record.data ?? null);
  const del = useLedgerMutation('women.delete');

  const remove = (w: WomanRecord) =>
    confirmDelete(app, {
      title: `确定删除“${w.name}”的留守妇女记录吗？`,
      content: '删除后不再计入台账和统计，可由县局恢复。',
      run: () => del.mutateAsync({ id }),
      done: () => navigate('/women'),
    });

  return (
    <Flex vertical gap={16} className="page">
      <PageHeader
        title={woman ? woman.name : '留守妇女详情'}
        backLabel="返回留守妇女台账"
        onBack={() => navigate('/women')}
        extra={woman && <StatusTag active={woman.active} endedOn={woman.endedOn} />}
        actions={
          woman && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/women/${id}/edit`)} data-testid="woman-edit">
                编辑
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={() => remove(woman)} data-testid="woman-delete">
                删除
              </Button>
            </>
          )
        }
      />
      {record.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {record.isError && <RecordUnavailable message={errorMessage(record.error)} listPath="/women" listTitle="留守妇女台账" />}
      {woman && (
        <Flex vertical gap={20} className="woman-detail">
          <BasicDetails woman={woman} />
          <HusbandDetails woman={woman} />
          <FamilyDetails woman={woman} />
          <RegisterDetails woman={woman} />
          <VisitTimeline kind="woman" id={woman.id} name={woman.name} />
        </Flex>
      )}
    </Flex>
  );
}
