import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ChildRecord } from '../../../../shared/contract';
import { errorData, errorMessage, ledger } from '../../../api';
import { ChildUnavailable } from '../ChildUnavailable';
import { useStationStore } from '../../station/stationStore';
import { useChildListStore } from '../list/listStore';
import { TransferModal } from './TransferModal';
import { BasicDetails, CategoryDetails, FamilyDetails, GuardianshipDetails, HealthSchoolingDetails, OtherDetails, ReportDetails } from './sections';

type Loaded = { state: 'loading' } | { state: 'ready'; child: ChildRecord } | { state: 'error'; message: string };

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
  const { modal, message } = App.useApp();
  const invalidate = useChildListStore((s) => s.invalidate);
  const county = useStationStore((s) => s.info?.role === 'county');
  const [transferring, setTransferring] = useState(false);
  // Bumped after a change made here (a transfer), so the record is read again.
  const [version, setVersion] = useState(0);
  // Kept per id: following a link to another child must never show the previous one while loading.
  const [fetched, setFetched] = useState<{ id: string; loaded: Loaded } | null>(null);
  const loaded: Loaded = fetched?.id === id ? fetched.loaded : { state: 'loading' };

  useEffect(() => {
    let live = true;
    ledger()
      .call('children.get', { id })
      .then((child) => live && setFetched({ id, loaded: { state: 'ready', child } }))
      .catch((e: unknown) => live && setFetched({ id, loaded: { state: 'error', message: errorData(e).message } }));
    return () => {
      live = false;
    };
  }, [id, version]);

  const confirmDelete = () => {
    modal.confirm({
      title: '确定删除该儿童记录吗？删除后可由县局恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await ledger().call('children.delete', { id });
          invalidate();
          message.success('已删除');
          navigate('/children');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/children')} aria-label="返回儿童台账" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {loaded.state === 'ready' ? loaded.child.name : '儿童详情'}
          </Typography.Title>
          {loaded.state === 'ready' && loaded.child.reportReasons.length > 0 && !loaded.child.reportDate && <Tag color="error">需强制报告</Tag>}
        </Flex>
        {loaded.state === 'ready' && (
          <Flex gap={8}>
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/children/${id}/edit`)} data-testid="child-edit">
              编辑
            </Button>
            {county && (
              <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)} data-testid="child-transfer">
                迁移
              </Button>
            )}
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="child-delete">
              删除
            </Button>
          </Flex>
        )}
      </Flex>
      {loaded.state === 'loading' && <Skeleton active paragraph={{ rows: 12 }} />}
      {loaded.state === 'error' && <ChildUnavailable message={loaded.message} />}
      {loaded.state === 'ready' && (
        <Flex vertical gap={20} className="child-detail">
          <ReportAlert child={loaded.child} />
          <BasicDetails child={loaded.child} />
          <CategoryDetails child={loaded.child} />
          <HealthSchoolingDetails child={loaded.child} />
          <GuardianshipDetails child={loaded.child} />
          <ReportDetails child={loaded.child} />
          <FamilyDetails child={loaded.child} />
          <OtherDetails child={loaded.child} />
        </Flex>
      )}
      {county && loaded.state === 'ready' && (
        <TransferModal
          child={loaded.child}
          open={transferring}
          onClose={() => setTransferring(false)}
          onDone={() => {
            invalidate();
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Flex>
  );
}
