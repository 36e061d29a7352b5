import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DrowningSummaryRow } from '../../../../shared/contract';
import { percentOf } from '../../../../shared/domain/drowning';
import { errorMessage, useLedgerQuery } from '../../../api';
import { useStation } from '../../station/station';

const FIGURES: { key: keyof Omit<DrowningSummaryRow, 'code' | 'name'>; title: string }[] = [
  { key: 'childrenInScope', title: '关爱儿童数' },
  { key: 'letters', title: '已发放一封信' },
  { key: 'pledges', title: '已签订承诺书' },
  { key: 'inspections', title: '督查次数' },
  { key: 'hazards', title: '发现隐患' },
];

const COLUMNS: ColumnsType<DrowningSummaryRow> = [
  { title: '乡镇（街道）', dataIndex: 'name', width: 140 },
  ...FIGURES.slice(0, 3).map((f) => ({ title: f.title, dataIndex: f.key, width: 110, align: 'right' as const })),
  { title: '发放率', key: 'letterRate', width: 90, align: 'right', render: (_: unknown, r) => percentOf(r.letters, r.childrenInScope) },
  { title: '签订率', key: 'pledgeRate', width: 90, align: 'right', render: (_: unknown, r) => percentOf(r.pledges, r.childrenInScope) },
  ...FIGURES.slice(3).map((f) => ({ title: f.title, dataIndex: f.key, width: 100, align: 'right' as const })),
];

/** 年度统计: the year's drowning-prevention figures by township, with the county's total. */
export function SummaryTab({ year }: { year: number }) {
  const county = useStation()?.role === 'county';
  // The last year's figures stay while the next year's load; they are never shown as this year's.
  const { data: summary, isFetching, error, refetch } = useLedgerQuery('drowning.summary', { year }, { placeholderData: keepPreviousData });

  const total = summary?.year === year ? summary.county : null;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          关爱儿童数为{year}年内任一天属于留守、孤儿、事实无人抚养或困境儿童的人数；督查次数按督查日期计入当年（1月1日至12月31日）。
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
          刷新
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Table<DrowningSummaryRow>
        data-testid="drowning-summary-table"
        size="middle"
        bordered
        rowKey="code"
        columns={COLUMNS}
        dataSource={summary?.year === year ? summary.townships : []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        summary={() =>
          total && (
            <Table.Summary fixed>
              <Table.Summary.Row className="drowning-summary-total" data-testid="drowning-summary-total">
                <Table.Summary.Cell index={0}>
                  <strong>{county ? '全县合计' : '合计'}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.childrenInScope}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.letters}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {total.pledges}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {percentOf(total.letters, total.childrenInScope)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {percentOf(total.pledges, total.childrenInScope)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {total.inspections}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {total.hazards}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </Flex>
  );
}
