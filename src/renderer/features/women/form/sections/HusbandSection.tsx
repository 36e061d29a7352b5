import { Card, Col, Form, Input, Row } from 'antd';
import { COL, GUTTER } from '../../../../ui/formLayout';

export function HusbandSection() {
  return (
    <Card title="丈夫外出务工情况" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="丈夫姓名" name="husbandName" required>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="丈夫联系电话" name="husbandPhone">
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="丈夫务工省份" name="husbandWorkProvince">
            <Input maxLength={20} placeholder="如：浙江省" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="丈夫务工城市" name="husbandWorkCity">
            <Input maxLength={20} placeholder="如：宁波市" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
