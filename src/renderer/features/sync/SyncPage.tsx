import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { errorMessage } from '../../api';
import { CountySync } from './CountySync';
import { StationSync } from './StationSync';
import { useSyncStatus } from './syncStatus';

/** 数据同步: what this machine is (station or county, from `sync.status`) decides the screen. */
export function SyncPage() {
  const { data: status, isFetching, error, refetch } = useSyncStatus();
  const reload = () => void refetch();

  return (
    <Flex vertical gap={16} className="page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            数据同步
          </Typography.Title>
          {status && <Tag>{status.role === 'county' ? '县局' : '乡镇站点'}</Tag>}
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={reload} loading={isFetching && status !== undefined}>
          刷新
        </Button>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          title={`无法读取同步状态：${errorMessage(error)}`}
          action={
            <Button size="small" onClick={reload}>
              重试
            </Button>
          }
        />
      )}
      {!status && !error && <Skeleton active paragraph={{ rows: 6 }} />}
      {/* Every sync write invalidates the status: these screens never ask for it themselves. */}
      {status?.role === 'station' && <StationSync status={status} />}
      {status?.role === 'county' && <CountySync status={status} />}
    </Flex>
  );
}
