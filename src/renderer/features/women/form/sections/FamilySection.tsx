import { Card, Checkbox, Col, Form, InputNumber, Row } from 'antd';
import { WOMAN_NEEDS } from '../../../../../shared/domain/women';
import { COL, GUTTER } from '../../../../ui/formLayout';
import { optionsOf } from '../../../../ui/options';

export function FamilySection() {
  return (
    <Card title="家庭与服务需求" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="在家子女数" name="childrenAtHome" tooltip="与她同住、由她照料的子女">
            <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} placeholder="人数" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="在家老人数" name="eldersAtHome" tooltip="与她同住、由她照料的老人">
            <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} placeholder="人数" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="服务需求" name="needs">
        <Checkbox.Group options={optionsOf(WOMAN_NEEDS)} />
      </Form.Item>
    </Card>
  );
}
