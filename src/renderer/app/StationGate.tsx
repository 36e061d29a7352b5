import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { StationInfo } from '../../shared/contract';
import { errorMessage } from '../api';
import { SetupPage } from '../features/station/SetupPage';
import { useStationQuery } from '../features/station/station';

/** Nothing but setup can work on an uninitialised data dir: every register needs a station. */
export function StationGate({ children }: { children: (station: StationInfo) => ReactNode }) {
  const { data: info, error, isFetching, refetch } = useStationQuery();
  const reload = () => void refetch();

  if (error && !isFetching) {
    return (
      <Result
        status="error"
        title="无法读取站点信息"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={reload}>
            重试
          </Button>
        }
      />
    );
  }
  if (!info || error) {
    return (
      <Flex justify="center" align="center" style={{ height: '100vh' }}>
        <Spin size="large" description="正在打开台账…" />
      </Flex>
    );
  }
  if (!info.initialised) return <SetupPage onFinished={reload} />;
  return <>{children(info)}</>;
}
