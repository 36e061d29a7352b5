import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** The back arrow's accessible name. */
  backLabel: string;
  onBack: () => void;
  /** After the title: tags, a note. */
  extra?: ReactNode;
  /** The page's buttons, at the right. */
  actions?: ReactNode;
}

export function PageHeader({ title, backLabel, onBack, extra, actions }: PageHeaderProps) {
  return (
    <Flex align="center" justify="space-between" wrap gap={8}>
      <Flex align="center" gap={8}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={backLabel} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {actions && <Flex gap={8}>{actions}</Flex>}
    </Flex>
  );
}
