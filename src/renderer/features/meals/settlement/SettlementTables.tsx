import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MealSettlement, SettlementGroupRow, SettlementPersonRow } from '../../../../shared/contract';
import { MEAL_CATEGORIES } from '../../../../shared/domain/meals';
import { labelOf } from '../../../../shared/domain/labels';
import { yuan } from '../money';
import { inCategoryOrder } from './personOrder';

const money = (fen: number) => yuan(fen);

function personColumns(delivery: boolean): ColumnsType<SettlementPersonRow> {
  return [
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 190, render: (v: string) => v || '—' },
    { title: '类别', dataIndex: 'category', width: 130, render: (c: string) => labelOf(MEAL_CATEGORIES, c) },
    { title: '就餐人次', dataIndex: 'meals', width: 90, align: 'right' },
    { title: '补贴金额（元）', dataIndex: 'subsidyFen', width: 120, align: 'right', render: money },
    { title: '个人支付（元）', dataIndex: 'paidFen', width: 120, align: 'right', render: money },
    ...(delivery ? [{ title: '送餐费（元）', dataIndex: 'deliveryFeeFen', width: 110, align: 'right' as const, render: money }] : []),
  ];
}

function groupColumns(delivery: boolean): ColumnsType<SettlementGroupRow> {
  return [
    { title: '类别', dataIndex: 'category', width: 130, render: (c: string) => labelOf(MEAL_CATEGORIES, c) },
    { title: '人数', dataIndex: 'persons', width: 80, align: 'right' },
    { title: '人次', dataIndex: 'meals', width: 80, align: 'right' },
    { title: '补贴金额（元）', dataIndex: 'subsidyFen', width: 120, align: 'right', render: money },
    { title: '个人支付（元）', dataIndex: 'paidFen', width: 120, align: 'right', render: money },
    ...(delivery ? [{ title: '送餐费（元）', dataIndex: 'deliveryFeeFen', width: 110, align: 'right' as const, render: money }] : []),
  ];
}

/** The category subtotals, then a row per elder, as the printed statement lists them. */
export function SettlementTables({ settlement }: { settlement: MealSettlement }) {
  const delivery = settlement.total.deliveryFeeFen > 0;
  const { total } = settlement;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        分类小计
      </Typography.Title>
      <Table<SettlementGroupRow>
        size="small"
        rowKey="category"
        data-testid="settlement-categories"
        columns={groupColumns(delivery)}
        dataSource={settlement.categories}
        pagination={false}
        locale={{ emptyText: '本月没有就餐记录' }}
        summary={() =>
          settlement.categories.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {total.persons}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {total.meals}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {yuan(total.subsidyFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {yuan(total.paidFen)}
              </Table.Summary.Cell>
              {delivery && (
                <Table.Summary.Cell index={5} align="right">
                  {yuan(total.deliveryFeeFen)}
                </Table.Summary.Cell>
              )}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Title level={5}>就餐人员（{settlement.persons.length}人）</Typography.Title>
      <Table<SettlementPersonRow>
        size="small"
        rowKey="dinerId"
        data-testid="settlement-persons"
        columns={personColumns(delivery)}
        dataSource={inCategoryOrder(settlement.persons)}
        pagination={settlement.persons.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: '本月没有就餐记录' }}
      />
    </>
  );
}
