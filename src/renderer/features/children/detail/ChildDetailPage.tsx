import { DeleteOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Skeleton, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { ChildRecord } from '../../../../shared/contract';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../../api';
import { confirmDelete } from '../../../ui/confirmDelete';
import { PageHeader } from '../../../ui/PageHeader';
import { RecordUnavailable } from '../../../ui/RecordUnavailable';
import { DrowningSection } from '../../drowning/DrowningSection';
import { TransferButton } from '../../people/TransferModal';
import { useStation } from '../../station/station';
import { VisitTimeline } from '../../visits/VisitTimeline';
import { BasicDetails, CategoryDetails, FamilyDetails, GuardianshipDetails, HealthSchoolingDetails, OtherDetails, ReportDetails } from './sections';

function ReportAlert({ child }: { child: ChildRecord }) {
  if (child.reportReasons.length === 0) return null;
  const why = child.reportReasons.join('、');
  const reported = Boolean(child.reportDate);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="child-report-alert"
      title={reported ? `需强制报告（${why}）：已于 ${child.reportDate} 报告${child.reportAgency ? `至${child.reportAgency}` : ''}` : `需强制报告（${why}）：尚未记录报告`}
      description={
        reported
          ? '请继续跟进处置情况，监护或就学情况改变后及时更新登记。'
          : '该儿童属于强制报告情形，须立即向公安机关报告，并点击“编辑”记录报告日期和单位。'
      }
    />
  );
}

export function ChildDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const app = App.useApp();
  const county = useStation()?.role === 'county';
  // Read again after a change made here (a transfer): the write invalidates it.
  const record = useLedgerQuery('children.get', { id });
  const child = record.isError ? null : (record.data ?? null);
  const del = useLedgerMutation('children.delete');

  const remove = () =>
    confirmDelete(app, {
      title: '确定删除该儿童记录吗？删除后可由县局恢复。',
      run: () => del.mutateAsync({ id }),
      done: () => navigate('/children'),
    });

  return (
    <Flex vertical gap={16} className="page">
      <PageHeader
        title={child ? child.name : '儿童详情'}
        backLabel="返回儿童台账"
        onBack={() => navigate('/children')}
        extra={child && child.reportReasons.length > 0 && !child.reportDate && <Tag color="error">需强制报告</Tag>}
        actions={
          child && (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/children/${id}/edit`)} data-testid="child-edit">
                编辑
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/child/${id}`)} data-testid="child-print">
                打印登记表
              </Button>
              {county && (
                <TransferButton kind="child" person={child} testId="child-transfer" />
              )}
              <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="child-delete">
                删除
              </Button>
            </>
          )
        }
      />
      {record.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {record.isError && <RecordUnavailable message={errorMessage(record.error)} listPath="/children" listTitle="儿童台账" />}
      {child && (
        <Flex vertical gap={20} className="child-detail">
          <ReportAlert child={child} />
          <BasicDetails child={child} />
          <CategoryDetails child={child} />
          <HealthSchoolingDetails child={child} />
          <GuardianshipDetails child={child} />
          <ReportDetails child={child} />
          <VisitTimeline kind="child" id={child.id} name={child.name} />
          <FamilyDetails child={child} />
          <OtherDetails child={child} />
          <DrowningSection childId={child.id} childName={child.name} />
        </Flex>
      )}
    </Flex>
  );
}
