import { Col, Form, Radio, Row } from 'antd';
import { HEALTH_ASPECTS } from '../../../shared/domain/visits';
import { optionsOf } from '../../ui/options';

/** The four health aspects as small button groups, the routine answer first (and preselected). */
export function HealthFields() {
  return (
    <Row gutter={16} className="visit-health">
      {HEALTH_ASPECTS.map((aspect) => (
        <Col key={aspect.key} xs={24} md={12}>
          <Form.Item label={aspect.label} name={['health', aspect.key]} className="visit-health-item">
            <Radio.Group optionType="button" buttonStyle="solid" size="small" options={optionsOf(aspect.options)} aria-label={aspect.label} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
