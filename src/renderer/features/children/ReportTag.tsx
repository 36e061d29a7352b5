import { Tag, Tooltip } from 'antd';

interface ReportTagProps {
  reasons: readonly string[];
  reported: boolean;
}

/** 强制报告: a flagged child stays red until a report to the police is recorded. */
export function ReportTag({ reasons, reported }: ReportTagProps) {
  if (reasons.length === 0) return null;
  const why = reasons.join('、');
  if (reported) {
    return (
      <Tooltip title={`${why}，已记录强制报告`}>
        <Tag color="orange">已报告</Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={`${why}：须立即向公安机关报告`}>
      <Tag color="error">需强制报告·{why}</Tag>
    </Tooltip>
  );
}

export function needsReport(row: { reportReasons: readonly string[]; reported: boolean }): boolean {
  return row.reportReasons.length > 0 && !row.reported;
}
