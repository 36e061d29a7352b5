import { ExportOutlined, ImportOutlined, KeyOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { recordCountsText, type Progress, type SyncStationRow, type SyncStatus } from '../../../shared/contract';
import { errorData, errorMessage, useLedgerMutation } from '../../api';
import { EnrolStationModal } from './EnrolStationModal';
import { showFieldErrors } from './fieldErrors';
import { CountyFingerprint } from './Fingerprints';
import { ProgressLine } from '../../ui/ProgressLine';
import { formatDateTime, STATION_STATE } from './format';
import { ImportBundlesModal } from './ImportBundlesModal';
import { NewPassphraseFields } from './NewPassphraseFields';
import { usePassphraseStore } from './passphraseStore';
import { usePassphrase } from './usePassphrase';
import { useExportBundle } from './bundleExport';
import { LedgerForm } from '../../ui/LedgerForm';

/**
 * A county set up in the app (not by the CLI with a passphrase) has no keys yet: nothing syncs
 * without them. Once made, the status read again shows the stations instead of this card.
 */
function CreateKeysCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ passphrase: string; confirm: string }>();
  const createKeys = useLedgerMutation('sync.createKeys');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async ({ passphrase }: { passphrase: string }) => {
    setProblem(null);
    try {
      const { fingerprint } = await createKeys.mutateAsync({ passphrase });
      usePassphraseStore.getState().remember(passphrase);
      message.success(`已创建同步密钥，县局密钥指纹：${fingerprint}`);
    } catch (e) {
      setProblem(showFieldErrors(form, errorData(e), ['passphrase']));
    }
  };
  return (
    <Card title="创建同步密钥" style={{ maxWidth: 640 }} data-testid="sync-create-keys">
      <Typography.Paragraph>
        县局还没有同步密钥。密钥用于给发往站点的数据包签名、解开站点发来的数据包，只需创建一次；创建后才能登记站点。
      </Typography.Paragraph>
      <LedgerForm form={form} layout="vertical" name="create-keys" onFinish={(v) => void submit(v)}>
        <NewPassphraseFields />
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={createKeys.isPending}>
          创建同步密钥
        </Button>
      </LedgerForm>
    </Card>
  );
}

const dateCell = (iso: string | null) => formatDateTime(iso) ?? <Typography.Text type="secondary">—</Typography.Text>;

export function CountySync({ status }: { status: SyncStatus }) {
  const { message } = App.useApp();
  const { withPassphrase, dialog } = usePassphrase();
  const [progress, setProgress] = useState<Progress | null>(null);
  const exportBundle = useExportBundle(setProgress);
  const revokeStation = useLedgerMutation('sync.revokeStation');
  const [importing, setImporting] = useState(false);
  const [enrolling, setEnrolling] = useState<{ station?: SyncStationRow } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const stations = status.county?.stations ?? [];
  const openConflicts = status.county?.openConflicts ?? 0;

  if (!status.fingerprint) return <CreateKeysCard />;

  const stationName = (code: string) => stations.find((s) => s.code === code)?.name ?? code;

  const exportFor = async (s: SyncStationRow) => {
    setBusy(`export:${s.code}`);
    try {
      const out = await withPassphrase((passphrase) => exportBundle(passphrase, s));
      if (out) {
        const where = out.savedTo ? `已保存到 ${out.savedTo}，` : '';
        message.success({ content: `已导出发给“${s.name}”的数据包 ${out.fileName}（${recordCountsText(out.records)}），${where}请复制到U盘交给站点`, duration: 8 });
      }
    } catch (e) {
      message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const revoke = async (s: SyncStationRow) => {
    try {
      await revokeStation.mutateAsync({ code: s.code });
      message.success(`已停用“${s.name}”`);
    } catch (e) {
      message.error(`停用失败：${errorMessage(e)}`);
    }
  };

  const columns: ColumnsType<SyncStationRow> = [
    { title: '站点代码', dataIndex: 'code', width: 100 },
    { title: '站点名称', dataIndex: 'name', width: 140, ellipsis: true },
    {
      title: '状态',
      dataIndex: 'state',
      width: 76,
      render: (state: SyncStationRow['state']) => <Tag color={STATION_STATE[state].color}>{STATION_STATE[state].label}</Tag>,
    },
    {
      title: '站点指纹',
      dataIndex: 'fingerprint',
      width: 140,
      render: (fp: string | null) => (fp ? <span className="id-number">{fp}</span> : <Typography.Text type="secondary">尚未收到</Typography.Text>),
    },
    { title: '最近收到数据包', dataIndex: 'lastReceivedAt', width: 150, render: dateCell },
    { title: '最近发出数据包', dataIndex: 'lastSentAt', width: 150, render: dateCell },
    {
      title: <Tooltip title="县局这边（含区划数据）尚未被该站点确认收到的修改条数">待发修改</Tooltip>,
      dataIndex: 'waitingToSend',
      width: 90,
      align: 'right',
      render: (n: number) => n.toLocaleString('zh-CN'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      // Stays in view when a narrow window scrolls the table sideways.
      fixed: 'right',
      render: (_: unknown, s: SyncStationRow) =>
        s.state === 'revoked' ? (
          <Typography.Text type="secondary">已停用，不再接收该站点的数据包</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            <Button size="small" type="link" onClick={() => setEnrolling({ station: s })}>
              生成登记文件
            </Button>
            {s.state === 'enrolled' && (
              <Button size="small" type="link" loading={busy === `export:${s.code}`} onClick={() => void exportFor(s)}>
                导出数据包
              </Button>
            )}
            <Popconfirm
              title={`确定停用“${s.name}”吗？`}
              description="停用后不再接收该站点的数据包，也不能再登记。"
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => revoke(s)}
            >
              <Button size="small" type="link" danger>
                停用
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} wrap align="stretch">
        <div style={{ flex: '1 1 360px' }}>
          <CountyFingerprint own={status.fingerprint} />
        </div>
        <Card style={{ flex: '1 1 260px' }} data-testid="sync-conflicts-summary">
          <Flex vertical gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }} type={openConflicts > 0 ? 'warning' : undefined}>
              {openConflicts > 0 && <WarningOutlined style={{ marginRight: 8 }} />}
              {openConflicts.toLocaleString('zh-CN')} 条冲突待处理
            </Typography.Title>
            <Typography.Text type="secondary">站点与县局修改了同一项时，先保留县局的值，由您决定采用哪一方。</Typography.Text>
            <Link to="/sync/conflicts">{openConflicts > 0 ? '去处理冲突' : '查看冲突记录'}</Link>
          </Flex>
        </Card>
      </Flex>
      <Card
        title="乡镇站点"
        extra={
          <Flex gap={8}>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="sync-import">
              导入数据包
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEnrolling({})} data-testid="sync-enrol-new">
              登记新站点
            </Button>
          </Flex>
        }
      >
        <Table<SyncStationRow>
          data-testid="sync-stations"
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={stations}
          pagination={false}
          scroll={{ x: 1066 }}
          locale={{ emptyText: '还没有登记站点。点击“登记新站点”为乡镇站点生成登记文件。' }}
        />
        {busy?.startsWith('export:') && progress && (
          <div style={{ marginTop: 12 }}>
            <ProgressLine progress={progress} testId="sync-export-progress" />
          </div>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          <ExportOutlined /> 发给站点的数据包包含该乡镇的儿童记录（含县局的修改和迁入的儿童）和区划数据，并确认已收到的站点修改。
        </Typography.Paragraph>
      </Card>
      <EnrolStationModal open={enrolling !== null} station={enrolling?.station} stations={stations} onClose={() => setEnrolling(null)} />
      <ImportBundlesModal
        open={importing}
        role="county"
        onClose={() => setImporting(false)}
        withPassphrase={withPassphrase}
        senderName={stationName}
      />
      {dialog}
    </Flex>
  );
}
