/**
 * The page around printed forms, outside the app shell: a small toolbar (打印 / 返回) that never
 * reaches the paper, and the sheets. `data-print-ready` tells automation the sheets are complete.
 */
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage, type PrintOutcome } from '../../api';
import { canSavePdf, printPage } from './printPage';
import './print.css';

export type FrameState = { state: 'loading'; progress?: string } | { state: 'ready' } | { state: 'error'; message: string };

interface ReadState {
  data?: unknown;
  error: unknown;
  isFetching: boolean;
}

/**
 * The sheets' state from the reads they print. Ready only once every read has a current answer:
 * a record being read again (changed meanwhile) is not printed as it was.
 */
export function frameStateOf(...reads: ReadState[]): FrameState {
  const failed = reads.find((r) => r.error && !r.isFetching);
  if (failed) return { state: 'error', message: errorMessage(failed.error) };
  return reads.every((r) => r.data !== undefined && !r.isFetching) ? { state: 'ready' } : { state: 'loading' };
}

interface PrintFrameProps {
  /** The document title: Chrome's save-as-PDF names the file after it. */
  title: string;
  fileName: string;
  /** Where 返回 goes when the page was opened directly, with no history to go back to. */
  back: string;
  status: FrameState;
  info?: ReactNode;
  /** Loaded, but nothing to print: said on screen, and 打印 stays off. */
  empty?: string;
  children?: ReactNode;
}

export function PrintFrame({ title, fileName, back, status, info, empty, children }: PrintFrameProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [printing, setPrinting] = useState(false);
  const ready = status.state === 'ready';
  const printable = ready && empty === undefined;

  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);

  const report = (outcome: PrintOutcome) => {
    if (outcome.status === 'saved') void message.success(`已保存：${outcome.path}`);
    if (outcome.status === 'failed') void message.error(outcome.message);
  };

  const run = (pdf: boolean) => {
    setPrinting(true);
    printPage({ pdf, fileName })
      .then(report)
      .catch(() => void message.error('打印失败，请重试'))
      .finally(() => setPrinting(false));
  };

  const goBack = () => {
    // 'default' is the entry the app was opened at: going back from it would leave the app.
    if (location.key !== 'default') void navigate(-1);
    else void navigate(back);
  };

  return (
    <div className="pf-page" data-print-ready={ready ? 'true' : 'false'}>
      <div className="pf-toolbar">
        <Flex align="center" gap={12}>
          <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
            返回
          </Button>
          <Typography.Text strong>{title}</Typography.Text>
          {info && <Typography.Text data-testid="print-info">{info}</Typography.Text>}
        </Flex>
        <Flex gap={8}>
          {canSavePdf() && (
            <Button icon={<FilePdfOutlined />} disabled={!printable || printing} onClick={() => run(true)}>
              另存为PDF
            </Button>
          )}
          <Button type="primary" icon={<PrinterOutlined />} disabled={!printable || printing} onClick={() => run(false)} data-testid="print-button">
            打印
          </Button>
        </Flex>
      </div>
      {status.state === 'loading' && (
        <Flex className="pf-status" justify="center" vertical align="center" gap={8}>
          <Spin />
          <Typography.Text type="secondary">{status.progress ?? '正在准备打印内容…'}</Typography.Text>
        </Flex>
      )}
      {status.state === 'error' && <Alert className="pf-status" type="error" showIcon title="无法打印" description={status.message} />}
      {ready && empty !== undefined && <Alert className="pf-status" type="info" showIcon title={empty} />}
      {ready && <div className="pf-doc">{children}</div>}
    </div>
  );
}
