import { CheckCircleFilled, CloudSyncOutlined, ExportOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  fieldErrorsOf,
  operations,
  recordCountsText,
  type ImportResult,
  type Progress as OpProgress,
  type StationEnrolment,
  type SyncStatus,
} from '../../../shared/contract';
import { desktop, errorData, useLedgerMutation } from '../../api';
import { showFieldErrors } from './fieldErrors';
import { StationFingerprints } from './Fingerprints';
import { formatDateTime } from './format';
import { ImportBundlesModal, ImportResults } from './ImportBundlesModal';
import { NewPassphraseFields } from './NewPassphraseFields';
import { ProgressLine } from '../../ui/ProgressLine';
import { usePassphraseStore } from './passphraseStore';
import { usePassphrase } from './usePassphrase';
import { useExportBundle, type Exported } from './bundleExport';
import { LedgerForm } from '../../ui/LedgerForm';

type WithPassphrase = ReturnType<typeof usePassphrase>['withPassphrase'];

interface EnrolValues {
  file: string;
  passphrase: string;
  confirm: string;
}

/** The enrolment file chosen: a path in the desktop app (the core reads it), or the browser's File. */
type ChosenFile = { name: string; path: string } | { name: string; blob: File };

/**
 * Enrolment from the file the county made. The desktop app opens it through the native dialog and
 * the core reads it from the USB stick; a browser uploads its text. Either way no page names a path.
 */
function EnrolmentCard({ onEnrolled }: { onEnrolled: (r: { countyFingerprint: string; fingerprint: string }) => void }) {
  const [form] = Form.useForm<EnrolValues>();
  const fromStick = useLedgerMutation('sync.acceptEnrolment');
  const uploaded = useLedgerMutation('sync.acceptEnrolmentData');
  // From the click on: the browser's file is read before the core is asked.
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const native = desktop();

  const choose = (file: ChosenFile) => {
    setChosen(file);
    form.setFields([{ name: 'file', value: file.name, errors: [] }]);
  };

  const chooseNative = async () => {
    const [path] = (await native?.chooseFiles({ purpose: 'openEnrolment' })) ?? [];
    if (path) choose({ name: path.split(/[\\/]/).pop() || path, path });
  };

  const submit = async (values: EnrolValues) => {
    if (!chosen) return;
    setProblem(null);
    setSaving(true);
    try {
      const result =
        'path' in chosen
          ? await fromStick.mutateAsync({ path: chosen.path, passphrase: values.passphrase })
          : await uploaded.mutateAsync({ file: { name: chosen.name, text: await chosen.blob.text() }, passphrase: values.passphrase });
      usePassphraseStore.getState().remember(values.passphrase);
      onEnrolled(result);
    } catch (e) {
      const error = errorData(e);
      // The core names the field it read the file from: `path` (desktop) or `file` (browser).
      const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([k, v]) => [k === 'path' ? 'file' : k.split('.')[0]!, v]));
      setProblem(showFieldErrors(form, { ...error, fieldErrors }, ['file', 'passphrase']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="导入登记文件" style={{ maxWidth: 680 }} data-testid="sync-enrolment">
      <Typography.Paragraph>
        本站尚未登记，还不能与县局交换数据。请向县局索取本站的登记文件（由县局在“数据同步”中生成，文件名如
        <Typography.Text code>登记文件-341723100.json</Typography.Text>），选择该文件，并为本机设置密钥口令。
      </Typography.Paragraph>
      <LedgerForm<EnrolValues> form={form} layout="vertical" name="enrolment" onFinish={(v) => void submit(v)} initialValues={{ file: '', passphrase: '', confirm: '' }}>
        <Form.Item label="登记文件" required>
          <Form.Item name="file" noStyle rules={[{ required: true, message: '请选择登记文件' }]}>
            <Input type="hidden" />
          </Form.Item>
          <Flex gap={8} align="center" wrap>
            {native ? (
              <Button icon={<FolderOpenOutlined />} onClick={() => void chooseNative()}>
                选择登记文件…
              </Button>
            ) : (
              <Upload
                accept=".json"
                maxCount={1}
                showUploadList={false}
                beforeUpload={(file) => {
                  choose({ name: file.name, blob: file });
                  return false;
                }}
              >
                <Button icon={<FolderOpenOutlined />}>选择登记文件…</Button>
              </Upload>
            )}
            <Typography.Text type={chosen ? undefined : 'secondary'} data-testid="sync-enrolment-file">
              {chosen?.name ?? '尚未选择'}
            </Typography.Text>
          </Flex>
        </Form.Item>
        <NewPassphraseFields />
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={saving} icon={<ImportOutlined />}>
          导入登记文件
        </Button>
      </LedgerForm>
    </Card>
  );
}

const HUB_SCHEMA = operations['sync.saveSettings'].input;

function HubCard({ hubUrl, withPassphrase }: { hubUrl: string | null; withPassphrase: WithPassphrase }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ hubUrl: string }>();
  const saveSettings = useLedgerMutation('sync.saveSettings');
  // From the click on, the passphrase prompt included.
  const [syncing, setSyncing] = useState(false);
  const [progress, setProgress] = useState<OpProgress | null>(null);
  const withHub = useLedgerMutation('sync.withHub', { onProgress: setProgress });
  const [outcome, setOutcome] = useState<{ sent: string; received: ImportResult | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async ({ hubUrl: raw }: { hubUrl: string }) => {
    try {
      const saved = await saveSettings.mutateAsync({ hubUrl: (raw ?? '').trim() });
      message.success(saved.hubUrl ? '已保存同步服务器地址' : '已清除同步服务器地址');
    } catch (e) {
      const left = showFieldErrors(form, errorData(e), ['hubUrl']);
      if (left) message.error(left);
    }
  };

  const sync = async () => {
    if (!hubUrl) return;
    setProblem(null);
    setOutcome(null);
    setSyncing(true);
    setProgress({ phase: '正在准备数据包', done: 0, total: 2 });
    try {
      const out = await withPassphrase((passphrase) => withHub.mutateAsync({ hubUrl, passphrase }));
      if (out) setOutcome({ sent: recordCountsText(out.sent.records), received: out.received });
    } catch (e) {
      setProblem(errorData(e).message);
    } finally {
      setSyncing(false);
      setProgress(null);
    }
  };

  return (
    <Card title="网络同步" data-testid="sync-hub">
      <Typography.Paragraph type="secondary">
        县局开启同步服务后，填写县局提供的地址即可直接通过网络同步，不必使用U盘。没有网络时仍可用U盘导出、导入。
      </Typography.Paragraph>
      <LedgerForm form={form} layout="inline" name="hub" initialValues={{ hubUrl: hubUrl ?? '' }} onFinish={(v) => void save(v)} style={{ rowGap: 8 }}>
        <Form.Item
          label="同步服务器地址"
          name="hubUrl"
          style={{ flex: '1 1 320px' }}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const parsed = HUB_SCHEMA.safeParse({ hubUrl: (value ?? '').trim() });
                return parsed.success ? Promise.resolve() : Promise.reject(new Error(fieldErrorsOf(parsed.error).hubUrl ?? '同步服务器地址应为 http:// 开头的网址'));
              },
            },
          ]}
        >
          <Input placeholder="例如：http://192.168.1.10:5299" maxLength={500} allowClear />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={saveSettings.isPending}>
            保存地址
          </Button>
        </Form.Item>
      </LedgerForm>
      {hubUrl && (
        <Flex vertical gap={12} style={{ marginTop: 16 }}>
          <div>
            <Button type="primary" icon={<CloudSyncOutlined />} onClick={() => void sync()} loading={syncing} data-testid="sync-with-hub">
              同步
            </Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              发送本站未确认的修改，并接收县局的数据
            </Typography.Text>
          </div>
          {syncing && progress && <ProgressLine progress={progress} testId="sync-hub-progress" />}
          {problem && <Alert type="error" showIcon title={`同步失败：${problem}`} />}
          {outcome && (
            <Flex vertical gap={8}>
              <Alert type="success" showIcon title={`同步完成：已发送 ${outcome.sent}`} />
              {outcome.received && <ImportResults results={[{ ...outcome.received, file: '县局回传的数据' }]} role="station" />}
            </Flex>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** 等待县局确认 until a bundle from the county has been imported here: only the county's answer enrols a station. */
function EnrolmentState({ enrolment }: { enrolment: StationEnrolment }) {
  return enrolment === 'enrolled' ? <Tag color="green">已登记</Tag> : <Tag color="gold">等待县局确认</Tag>;
}

const AWAITING_COUNTY =
  '县局导入本站的第一个数据包后，本站才正式登记。请导出数据包交给县局（或使用网络同步），再导入县局回传的数据包；在此之前，本站的修改都保存在本机，不会丢失。';

function ExportedAlert({ exported, onClose }: { exported: Exported; onClose: () => void }) {
  const where = exported.savedTo
    ? `数据包已保存到 ${exported.savedTo}。`
    : '数据包已保存到浏览器的“下载”文件夹，请复制到U盘。';
  return (
    <Alert
      type="info"
      showIcon
      closable
      onClose={onClose}
      data-testid="sync-exported"
      title={`已生成数据包 ${exported.fileName}`}
      description={
        <>
          <div>
            包含：{recordCountsText(exported.records)}
            {exported.changes > 0 ? `（共 ${exported.changes.toLocaleString('zh-CN')} 条修改）` : ''}
          </div>
          <div>{where}请交给县局导入。数据包已加密，只有县局能打开；县局导入后回传的数据包导入本机，这些修改才算被县局确认。</div>
        </>
      }
    />
  );
}

export function StationSync({ status }: { status: SyncStatus }) {
  const { message } = App.useApp();
  const { withPassphrase, dialog } = usePassphrase();
  const [progress, setProgress] = useState<OpProgress | null>(null);
  const saveBundle = useExportBundle(setProgress);
  const [justEnrolled, setJustEnrolled] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const station = status.station;

  if (!station || station.enrolment === 'none') return <EnrolmentCard onEnrolled={() => setJustEnrolled(true)} />;

  const exportBundle = async () => {
    setProblem(null);
    setExported(null);
    setExporting(true);
    try {
      const out = await withPassphrase((passphrase) => saveBundle(passphrase));
      if (out) {
        setExported(out);
        message.success(`已导出数据包 ${out.fileName}`);
      }
    } catch (e) {
      setProblem(`导出失败：${errorData(e).message}`);
    } finally {
      setExporting(false);
      setProgress(null);
    }
  };

  const lastExported = formatDateTime(station.lastExportedAt);
  const lastConfirmed = formatDateTime(station.lastConfirmedAt);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      {justEnrolled && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setJustEnrolled(false)}
          title="登记文件已导入"
          description="请立即与县局电话核对下面两个指纹；核对无误后，导出第一个数据包交给县局。"
        />
      )}
      <Card data-testid="sync-station-status">
        <Flex vertical gap={12}>
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">登记状态：</Typography.Text>
            <span data-testid="sync-enrolment-state">
              <EnrolmentState enrolment={station.enrolment} />
            </span>
          </Flex>
          {station.enrolment === 'awaiting_county' && <Alert type="warning" showIcon title="等待县局确认登记" description={AWAITING_COUNTY} data-testid="sync-awaiting-county" />}
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="sync-unconfirmed" type={station.unconfirmed > 0 ? 'warning' : undefined}>
            {station.unconfirmed === 0 && <CheckCircleFilled style={{ color: '#52c41a', marginRight: 8 }} />}
            {station.unconfirmed.toLocaleString('zh-CN')} 条修改尚未被县局确认
          </Typography.Title>
          <Flex vertical gap={4}>
            <Typography.Text data-testid="sync-last-exported">上次导出数据包：{lastExported ?? '尚未导出'}</Typography.Text>
            <Typography.Text data-testid="sync-last-confirmed">
              县局上次确认：{lastConfirmed ?? '尚未收到县局回传的数据包'}
            </Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            <Button type="primary" icon={<ExportOutlined />} onClick={() => void exportBundle()} loading={exporting} data-testid="sync-export">
              导出到U盘
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="sync-import">
              导入数据包
            </Button>
          </Flex>
          {exporting && progress && <ProgressLine progress={progress} testId="sync-export-progress" />}
          {exported && <ExportedAlert exported={exported} onClose={() => setExported(null)} />}
          {problem && <Alert type="error" showIcon title={problem} />}
        </Flex>
      </Card>
      <StationFingerprints own={status.fingerprint} county={station.countyFingerprint} />
      <HubCard hubUrl={status.hubUrl} withPassphrase={withPassphrase} />
      <ImportBundlesModal open={importing} role="station" onClose={() => setImporting(false)} withPassphrase={withPassphrase} />
      {dialog}
    </Flex>
  );
}
