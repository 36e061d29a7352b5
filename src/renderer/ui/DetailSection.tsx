import { Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';

export type DetailItems = NonNullable<DescriptionsProps['items']>;

/** Spans a whole row at every width of `DetailSection`'s grid. */
export const FULL_ROW = { xs: 1, md: 2, xl: 3 } as const;

/** A titled, bordered block of label/value pairs, three a row on a wide screen. */
export function DetailSection({ title, items, extra, testId }: { title: string; items: DetailItems; extra?: ReactNode; testId?: string }) {
  return (
    <Descriptions
      data-testid={testId}
      title={title}
      extra={extra}
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={items}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
    />
  );
}
