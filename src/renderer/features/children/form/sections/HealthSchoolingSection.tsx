import { Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { DISABILITY_GRADES, DISABILITY_TYPES, HEALTH_STATUSES, SCHOOLING } from '../../../../../shared/domain/children';
import { optionsOf } from '../../../../ui/options';
import { COL, GUTTER, YES_NO } from '../../../../ui/formLayout';

export function HealthSchoolingSection() {
  const form = Form.useFormInstance();
  const health = Form.useWatch<string | undefined>('healthStatus', form);
  return (
    <Card title="健康与就学" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="健康状况" name="healthStatus" required>
            <Radio.Group options={optionsOf(HEALTH_STATUSES)} />
          </Form.Item>
        </Col>
        {health === 'disabled' && (
          <>
            <Col {...COL}>
              <Form.Item label="残疾类别" name="disabilityType" required>
                <Select options={optionsOf(DISABILITY_TYPES)} placeholder="选择残疾类别" />
              </Form.Item>
            </Col>
            <Col {...COL}>
              <Form.Item label="残疾等级" name="disabilityGrade" required>
                <Select options={optionsOf(DISABILITY_GRADES)} placeholder="选择残疾等级" />
              </Form.Item>
            </Col>
          </>
        )}
        {health === 'ill' && (
          <Col {...COL}>
            <Form.Item label="所患疾病" name="illness" required>
              <Input maxLength={50} placeholder="如：先天性心脏病" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="就学情况" name="schooling" required>
            <Select options={optionsOf(SCHOOLING)} placeholder="选择就学情况" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="是否寄宿" name="boarding">
            <Radio.Group options={YES_NO} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
