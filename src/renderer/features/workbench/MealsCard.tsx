import { Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { ABSENT_SERVING_DAYS } from '../../../shared/contract';
import { useLedgerQuery } from '../../api';

const NO_INPUT = {} as const;
/** Enough names to act on from the workbench; the rest are on the sites' pages. */
const SHOWN_ABSENT = 6;

/** 老年助餐 at a glance: sites running of those built, this month's meals, and diners who stopped coming. */
export function MealsCard() {
  const overview = useLedgerQuery('meals.overview', NO_INPUT);
  const o = overview.data;
  const rate = o && o.built > 0 ? `${Math.round((o.running / o.built) * 100)}%` : '—';
  return (
    <Card size="small" title="老年助餐" loading={overview.isPending} extra={<Link to="/meals">进入老年助餐</Link>} data-testid="workbench-meals">
      {o && o.built === 0 && o.running === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记助餐点" />
      ) : (
        o && (
          <Row gutter={[16, 12]}>
            <Col xs={24} md={10}>
              <Row gutter={12}>
                <Col span={8}>
                  <Statistic title="运营 / 建成" value={`${o.running} / ${o.built}`} data-testid="workbench-meals-sites" />
                  <Typography.Text type="secondary">运营率 {rate}</Typography.Text>
                </Col>
                <Col span={8}>
                  <Statistic title="本月就餐" value={o.mealsThisMonth} suffix="人次" data-testid="workbench-meals-month" />
                </Col>
                <Col span={8}>
                  <Statistic title="在册就餐" value={o.dinersToday} suffix="人" />
                </Col>
              </Row>
            </Col>
            <Col xs={24} md={14}>
              <Typography.Text strong>
                连续{ABSENT_SERVING_DAYS}个供餐日未就餐（{o.absent.length}人，可能需要探访）
              </Typography.Text>
              <List
                size="small"
                data-testid="workbench-meals-absent"
                dataSource={o.absent.slice(0, SHOWN_ABSENT)}
                locale={{ emptyText: '没有连续未就餐的老人' }}
                renderItem={(d) => (
                  <List.Item>
                    {d.elderId ? <Link to={`/elders/${d.elderId}`}>{d.name}</Link> : d.name}
                    <Typography.Text type="secondary">
                      {d.siteName} · {d.lastMealOn ? `上次就餐 ${d.lastMealOn}` : '登记后未就餐'} · {d.servingDaysAbsent}个供餐日
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Col>
          </Row>
        )
      )}
    </Card>
  );
}
