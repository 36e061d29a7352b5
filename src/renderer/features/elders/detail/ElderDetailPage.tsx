import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Skeleton, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { ElderRecord } from '../../../../shared/contract';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../../api';
import { confirmDelete } from '../../../ui/confirmDelete';
import { PageHeader } from '../../../ui/PageHeader';
import { RecordUnavailable } from '../../../ui/RecordUnavailable';
import { TransferButton } from '../../people/TransferModal';
import { useStation } from '../../station/station';
import { VisitTimeline } from '../../visits/VisitTimeline';
import { ElderMealsSection } from '../../meals/diners/ElderMealsSection';
import '../elders.css';
import { highAgeLabel, useHighAgeBands } from '../../rules/highAgeBands';
import { RiskTag } from '../tags';
import { AgreementsSection } from './AgreementsSection';
import { ContactsSection } from './ContactsSection';
import { BasicDetails, CareDetails, EconomicsDetails, GroupDetails, OtherDetails, VisitDetails } from './sections';

export function ElderDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const app = App.useApp();
  const county = useStation()?.role === 'county';
  // Read again after a change made here (a contact, an agreement, a transfer): each write invalidates it.
  const record = useLedgerQuery('elders.get', { id });
  const elder = record.isError ? null : (record.data ?? null);
  const del = useLedgerMutation('elders.delete');
  const bands = useHighAgeBands();
  const highAge = elder ? highAgeLabel(bands, elder.highAgeClass) : null;

  const remove = (e: ElderRecord) =>
    confirmDelete(app, {
      title: `确定删除老人“${e.name}”的记录吗？`,
      content: '删除后该老人及其联系人、赡养协议不再显示在老人台账中。',
      run: () => del.mutateAsync({ id }),
      done: () => navigate('/elders'),
    });

  return (
    <Flex vertical gap={16} className="page">
      <PageHeader
        title={elder ? elder.name : '老人详情'}
        backLabel="返回老人台账"
        onBack={() => navigate('/elders')}
        extra={
          <>
            {elder && <RiskTag tier={elder.riskTier} />}
            {highAge && <Tag color="gold">高龄 {highAge}</Tag>}
          </>
        }
        actions={
          elder && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/elders/${id}/edit`)} data-testid="elder-edit">
                编辑
              </Button>
              {county && (
                <TransferButton kind="elder" person={elder} testId="elder-transfer" />
              )}
              <Button danger icon={<DeleteOutlined />} onClick={() => remove(elder)} data-testid="elder-delete">
                删除
              </Button>
            </>
          )
        }
      />
      {record.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {record.isError && <RecordUnavailable message={errorMessage(record.error)} listPath="/elders" listTitle="老人台账" />}
      {elder && (
        <Flex vertical gap={20} className="elder-detail">
          <BasicDetails elder={elder} />
          <GroupDetails elder={elder} />
          <CareDetails elder={elder} />
          <EconomicsDetails elder={elder} />
          <VisitDetails elder={elder} />
          <VisitTimeline kind="elder" id={elder.id} name={elder.name} />
          <ContactsSection elder={elder} />
          <AgreementsSection elder={elder} />
          <ElderMealsSection elder={elder} />
          <OtherDetails elder={elder} />
        </Flex>
      )}
    </Flex>
  );
}
