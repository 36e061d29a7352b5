import { Card, Col, Row, Statistic } from 'antd';
import type { MealSettlement } from '../../../../shared/contract';
import { yuan } from '../money';

/** The month's totals at a glance; amounts in yuan. */
export function SettlementTotals({ settlement: { total } }: { settlement: MealSettlement }) {
  const items = [
    { key: 'persons', title: '就餐人数', value: String(total.persons), suffix: '人' },
    { key: 'meals', title: '就餐人次', value: String(total.meals), suffix: '人次' },
    { key: 'subsidy', title: '补贴金额', value: yuan(total.subsidyFen), suffix: '元' },
    { key: 'paid', title: '个人支付', value: yuan(total.paidFen), suffix: '元' },
    { key: 'delivery', title: '送餐费', value: yuan(total.deliveryFeeFen), suffix: '元' },
  ];
  return (
    <Card size="small">
      <Row gutter={16} data-testid="settlement-totals">
        {items.map((i) => (
          <Col key={i.key} xs={12} md={8} xl={4}>
            <Statistic title={i.title} value={i.value} suffix={i.suffix} data-testid={`settlement-total-${i.key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
