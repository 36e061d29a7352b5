import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Popconfirm, Result, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { RECORD_KIND_LABELS, type ConflictRow } from '../../../../shared/contract';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../../api';
import { usePlaceTree } from '../../places/places';
import { useStation } from '../../station/station';
import { formatDateTime } from '../format';
import { useSyncStations } from '../syncStatus';
import { displayValue, fieldLabel } from './conflictValue';

const NO_ROWS: ConflictRow[] = [];

function ValueCell({ text, testId }: { text: string; testId: string }) {
  return (
    <Typography.Paragraph data-testid={testId} style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}>
      {text}
    </Typography.Paragraph>
  );
}

/** County: where a station and the county changed the same field, a person chooses which stays. */
export function ConflictsPage() {
  const isStation = useStation()?.role === 'station';
  const navigate = useNavigate();
  if (isStation) {
    return (
      <Result
        status="info"
        title="同步冲突由县局处理"
        subTitle="乡镇站点不需要处理冲突：本站尚未被县局确认的修改，会在下次同步时发给县局。"
        extra={
          <Button type="primary" onClick={() => navigate('/sync')}>
            返回数据同步
          </Button>
        }
      />
    );
  }
  return <CountyConflicts />;
}

function CountyConflicts() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [includeResolved, setIncludeResolved] = useState(false);
  // The previous rows stay on screen (dimmed) while the next answer is on its way.
  const conflicts = useLedgerQuery('sync.conflicts', { open: !includeResolved }, { placeholderData: keepPreviousData });
  const refresh = () => void conflicts.refetch();
  const resolveConflict = useLedgerMutation('sync.resolveConflict');
  const [resolving, setResolving] = useState<number | null>(null);
  const places = usePlaceTree();
  const stations = useSyncStations();

  const stationName = (code: string) => {
    const s = stations.find((x) => x.code === code);
    if (s) return s.name;
    return places?.townships.find((t) => t.code === code)?.name ?? code;
  };
  const ctx = { places, stationName };

  const resolve = async (row: ConflictRow, keep: 'county' | 'station') => {
    setResolving(row.id);
    try {
      await resolveConflict.mutateAsync({ id: row.id, keep });
      message.success(keep === 'county' ? '已保留县局的值' : '已采用站点的值，将在下次发给站点的数据包中送达');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setResolving(null);
    }
  };

  const columns: ColumnsType<ConflictRow> = [
    {
      title: '记录',
      dataIndex: 'record',
      width: 110,
      render: (record: string, r) => (
        <Flex vertical>
          <Typography.Text strong>{record}</Typography.Text>
          {r.kind !== 'child' && <Typography.Text type="secondary">{RECORD_KIND_LABELS[r.kind]}</Typography.Text>}
        </Flex>
      ),
    },
    { title: '项目', dataIndex: 'field', width: 100, render: (field: string, r) => <span data-testid="conflict-field">{fieldLabel(r.kind, field)}</span> },
    {
      title: '县局的值',
      key: 'county',
      width: 180,
      render: (_: unknown, r) => <ValueCell testId="conflict-county-value" text={displayValue(r.kind, r.field, r.countyValue, ctx)} />,
    },
    {
      title: '站点的值',
      key: 'station',
      width: 180,
      render: (_: unknown, r) => <ValueCell testId="conflict-station-value" text={displayValue(r.kind, r.field, r.stationValue, ctx)} />,
    },
    {
      title: '站点修改人',
      key: 'who',
      width: 150,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>
            {stationName(r.stationCode)}（{r.stationCode}）
          </span>
          {r.stationActor && <Typography.Text type="secondary">{r.stationActor}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '修改时间',
      key: 'when',
      width: 150,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{formatDateTime(r.stationAt) ?? r.stationAt}</span>
          <Typography.Text type="secondary">收到：{formatDateTime(r.receivedAt) ?? r.receivedAt}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: '处理',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.resolution ? (
          <Flex vertical>
            <Tag color={r.resolution === 'county' ? 'blue' : 'green'}>{r.resolution === 'county' ? '已保留县局的值' : '已采用站点的值'}</Tag>
            <Typography.Text type="secondary">
              {r.resolvedBy ?? ''} {formatDateTime(r.resolvedAt) ?? ''}
            </Typography.Text>
          </Flex>
        ) : (
          <Flex gap={6} wrap>
            <Popconfirm
              title="保留县局的值？"
              description={`“${fieldLabel(r.kind, r.field)}”保持为：${displayValue(r.kind, r.field, r.countyValue, ctx)}；站点的修改不采用。`}
              okText="确定"
              cancelText="取消"
              onConfirm={() => resolve(r, 'county')}
            >
              <Button size="small" loading={resolving === r.id}>
                保留县局的值
              </Button>
            </Popconfirm>
            <Popconfirm
              title="采用站点的值？"
              description={`“${fieldLabel(r.kind, r.field)}”改为：${displayValue(r.kind, r.field, r.stationValue, ctx)}；下次同步时发给各相关站点。`}
              okText="确定"
              cancelText="取消"
              onConfirm={() => resolve(r, 'station')}
            >
              <Button size="small" type="primary" ghost loading={resolving === r.id}>
                采用站点的值
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  // An error replaces the rows: a list that could not be read again is not shown as current.
  const rows = conflicts.isError ? NO_ROWS : (conflicts.data ?? NO_ROWS);
  const open = rows.filter((r) => !r.resolution).length;
  return (
    <Flex vertical gap={12} className="page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/sync')} aria-label="返回数据同步" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            同步冲突
          </Typography.Title>
          {conflicts.isSuccess && !includeResolved && (
            <Typography.Text type="secondary" data-testid="conflicts-count">
              {open.toLocaleString('zh-CN')} 条待处理
            </Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={12}>
          <Flex align="center" gap={6}>
            <Switch id="conflicts-include-resolved" size="small" checked={includeResolved} onChange={setIncludeResolved} />
            <label htmlFor="conflicts-include-resolved">显示已处理的冲突</label>
          </Flex>
          <Button icon={<ReloadOutlined />} onClick={refresh}>
            刷新
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        站点修改某一项时，县局已先改过同一项。系统暂时保留县局的值，请核实后选择保留哪一方；采用站点的值后，会在下次同步时发给站点。
      </Typography.Paragraph>
      {conflicts.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(conflicts.error)}
          action={
            <Button size="small" onClick={refresh}>
              重试
            </Button>
          }
        />
      )}
      <Table<ConflictRow>
        data-testid="conflicts-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={conflicts.isFetching}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 1090 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={includeResolved ? '没有冲突记录' : '没有待处理的冲突'} /> }}
      />
    </Flex>
  );
}
