import { Card, Statistic, Typography } from 'antd';

interface StatCardProps {
  title: string;
  value: number | string | null;
  suffix?: string;
  /** Red for what is already late, orange for what needs care; neutral otherwise. */
  tone?: 'danger' | 'warning' | 'normal';
  note?: string;
  loading?: boolean;
  testId: string;
  /** Where a click leads; the card reads as a link then. */
  onOpen?: () => void;
}

const TONE_COLOR = { danger: '#cf1322', warning: '#d46b08', normal: undefined } as const;

export function StatCard({ title, value, suffix, tone = 'normal', note, loading = false, testId, onOpen }: StatCardProps) {
  return (
    <Card
      size="small"
      hoverable={onOpen !== undefined}
      className={`workbench-stat workbench-stat-${tone}`}
      onClick={onOpen}
      role={onOpen ? 'link' : undefined}
      tabIndex={onOpen ? 0 : undefined}
      onKeyDown={
        onOpen
          ? (e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              onOpen();
            }
          : undefined
      }
    >
      <Statistic
        title={title}
        value={value ?? '—'}
        suffix={value === null ? undefined : suffix}
        loading={loading && value === null}
        styles={{ content: { color: TONE_COLOR[tone] } }}
        data-testid={testId}
      />
      {/* Six cards share a row: a long note is cut, and shown whole on hover. */}
      <Typography.Text type="secondary" className="workbench-stat-note" ellipsis={{ tooltip: note }}>
        {note ?? '\u00a0'}
      </Typography.Text>
    </Card>
  );
}
