import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * A list cell cut to one line (virtual rows have one fixed height) that shows its whole text on
 * hover. Columns using it set `ellipsis: CUT`, so antd adds no second, native title.
 */
export const CUT = { showTitle: false } as const;

export function CutText({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.3}>
      <span>{children ?? text}</span>
    </Tooltip>
  );
}
