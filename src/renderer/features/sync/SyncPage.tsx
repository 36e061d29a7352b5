import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { usePlacesStore } from '../places/placesStore';
import { CountySync } from './CountySync';
import { StationSync } from './StationSync';
import { useSyncStore } from './syncStore';

/** 数据同步: what this machine is (station or county, from `sync.status`) decides the screen. */
export function SyncPage() {
  const { status, loading, error } = useSyncStore();
  const load = useSyncStore((s) => s.load);
  const ensurePlaces = usePlacesStore((s) => s.ensure);
  const reload = useCallback(() => void load(), [load]);

  useEffect(() => {
    void load();
    void ensurePlaces();
  }, [load, ensurePlaces]);

  return (
    <Flex vertical gap={16} className="page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            数据同步
          </Typography.Title>
          {status && <Tag>{status.role === 'county' ? '县局' : '乡镇站点'}</Tag>}
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading && status !== null}>
          刷新
        </Button>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          title={`无法读取同步状态：${error}`}
          action={
            <Button size="small" onClick={reload}>
              重试
            </Button>
          }
        />
      )}
      {!status && !error && <Skeleton active paragraph={{ rows: 6 }} />}
      {status?.role === 'station' && <StationSync status={status} reload={reload} />}
      {status?.role === 'county' && <CountySync status={status} reload={reload} />}
    </Flex>
  );
}
