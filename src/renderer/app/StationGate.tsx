import { Button, Flex, Result, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { StationInfo } from '../../shared/contract';
import { SetupPage } from '../features/station/SetupPage';
import { useStationStore } from '../features/station/stationStore';

/** Nothing but setup can work on an uninitialised data dir: every register needs a station. */
export function StationGate({ children }: { children: (station: StationInfo) => ReactNode }) {
  const { info, status, error, load } = useStationStore();
  useEffect(() => {
    void load();
  }, [load]);

  if (status === 'error') {
    return (
      <Result
        status="error"
        title="无法读取站点信息"
        subTitle={error}
        extra={
          <Button type="primary" onClick={() => void load()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!info) {
    return (
      <Flex justify="center" align="center" style={{ height: '100vh' }}>
        <Spin size="large" description="正在打开台账…" />
      </Flex>
    );
  }
  if (!info.initialised) return <SetupPage onFinished={() => void load()} />;
  return <>{children(info)}</>;
}
