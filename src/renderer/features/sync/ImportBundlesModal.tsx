import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { ImportResult, Progress as OpProgress } from '../../../shared/contract';
import { desktop, errorData, useLedgerMutation } from '../../api';
import { BUNDLE_ACCEPT, readAsBase64 } from './files';
import { ProgressLine } from '../../ui/ProgressLine';

/** The contract takes at most this many bundles per call. */
const MAX_FILES = 20;

function resultSummary(r: ImportResult, role: 'station' | 'county'): string {
  const parts = [`导入 ${r.applied.toLocaleString('zh-CN')} 条修改`];
  if (r.alreadyHad > 0) parts.push(`${r.alreadyHad.toLocaleString('zh-CN')} 条此前已有`);
  if (r.conflicts > 0) {
    parts.push(
      role === 'county'
        ? `${r.conflicts.toLocaleString('zh-CN')} 条与县局的修改冲突，待处理`
        : `${r.conflicts.toLocaleString('zh-CN')} 条保留了本机尚未确认的修改`,
    );
  }
  if (r.refused > 0) parts.push(`${r.refused.toLocaleString('zh-CN')} 条未被接受`);
  return parts.join('，');
}

export function ImportResults({ results, role, senderName }: { results: ImportResult[]; role: 'station' | 'county'; senderName?: (code: string) => string }) {
  return (
    <Flex vertical gap={8} data-testid="sync-import-results">
      {results.map((r, i) => (
        <div key={`${i}-${r.file}`} className="sync-import-result" data-testid="sync-import-result">
          <Flex gap={8} align="center" wrap>
            {r.outcome === 'applied' && <Tag color="success">已导入</Tag>}
            {r.outcome === 'already_imported' && <Tag color="processing">已导入过</Tag>}
            {r.outcome === 'rejected' && <Tag color="error">已拒收</Tag>}
            <Typography.Text code>{r.file}</Typography.Text>
            {r.from && senderName && <Typography.Text type="secondary">来自 {senderName(r.from)}</Typography.Text>}
          </Flex>
          {r.outcome === 'applied' && <Typography.Text>{resultSummary(r, role)}</Typography.Text>}
          {r.outcome === 'already_imported' && <Typography.Text type="secondary">{r.reason ?? '该数据包已导入过，无需重复导入'}</Typography.Text>}
          {r.outcome === 'rejected' && <Typography.Text type="danger">{r.reason ?? '数据包无法导入'}</Typography.Text>}
        </div>
      ))}
    </Flex>
  );
}

interface ImportBundlesModalProps {
  open: boolean;
  role: 'station' | 'county';
  onClose: () => void;
  withPassphrase: <T>(run: (passphrase: string) => Promise<T>) => Promise<T | null>;
  senderName?: (code: string) => string;
}

/** Several .slbundle files read in the browser and handed to the core as base64. */
export function ImportBundlesModal({ open, role, onClose, withPassphrase, senderName }: ImportBundlesModalProps) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  // From the first file read to the core's answer, the passphrase prompt included.
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<OpProgress | null>(null);
  // An import invalidates every read: status, registers, divisions and rules may all have changed.
  const uploaded = useLedgerMutation('sync.importBundleData', { onProgress: setProgress });
  const fromStick = useLedgerMutation('sync.importBundles', { onProgress: setProgress });
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  /** Runs one import call; both the browser upload and the native dialog end here. */
  const importWith = async (call: (passphrase: string) => Promise<{ results: ImportResult[] }>) => {
    setProblem(null);
    setRunning(true);
    setResults(null);
    try {
      const out = await withPassphrase(call);
      if (out) {
        setResults(out.results);
        setFiles([]);
      }
    } catch (e) {
      setProblem(errorData(e).message);
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const start = async () => {
    if (files.length === 0) return setProblem('请选择数据包');
    if (files.length > MAX_FILES) return setProblem(`一次最多导入 ${MAX_FILES} 个数据包，请分批导入`);
    await importWith(async (passphrase) => {
      const payload: { name: string; data: string }[] = [];
      for (const [i, f] of files.entries()) {
        setProgress({ phase: '正在读取文件', done: i, total: files.length });
        if (f.originFileObj) payload.push({ name: f.name, data: await readAsBase64(f.originFileObj) });
      }
      setProgress({ phase: '正在校验并导入', done: 0, total: files.length });
      return uploaded.mutateAsync({ files: payload, passphrase });
    });
  };

  /** Desktop app: the native open dialog, and the core reads the files from the USB stick itself. */
  const chooseNative = async () => {
    const paths = (await desktop()?.chooseFiles({ purpose: 'openBundles' })) ?? [];
    if (paths.length > 0) await importWith((passphrase) => fromStick.mutateAsync({ paths, passphrase }));
  };

  const close = () => {
    if (running) return;
    setFiles([]);
    setResults(null);
    setProblem(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title="导入数据包"
      onCancel={close}
      width={640}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close} disabled={running}>
            关闭
          </Button>
          <Button type="primary" onClick={() => void start()} loading={running} disabled={files.length === 0} data-testid="sync-import-start">
            开始导入
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {desktop() && (
          <Button onClick={() => void chooseNative()} disabled={running} block>
            从U盘选择数据包…
          </Button>
        )}
        <Upload.Dragger
          multiple
          accept={BUNDLE_ACCEPT}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList)}
          disabled={running}
          data-testid="sync-import-files"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或拖入数据包文件（.slbundle）</p>
          <p className="ant-upload-hint">可一次选择多个；文件会先校验签名和完整性，有问题的整包拒收，不会写入任何数据。</p>
        </Upload.Dragger>
        {running && progress && <ProgressLine progress={progress} testId="sync-import-progress" />}
        {problem && <Alert type="error" showIcon title={problem} />}
        {results && <ImportResults results={results} role={role} senderName={senderName} />}
      </Flex>
    </Modal>
  );
}

