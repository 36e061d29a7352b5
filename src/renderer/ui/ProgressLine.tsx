import { Progress, Typography } from 'antd';
import type { Progress as OpProgress } from '../../shared/contract';

export function ProgressLine({ progress, testId }: { progress: OpProgress; testId?: string }) {
  const percent = progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">
        {progress.phase}
        {progress.total > 1 ? `（${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')}）` : ''}
      </Typography.Text>
      <Progress percent={percent} status="active" />
    </div>
  );
}
