import { Checkbox, Col, Form, Radio, Row } from 'antd';
import { CHILD_ASPECTS, CHILD_SAFETY_RISKS } from '../../../shared/domain/visits';
import { optionsOf } from '../../ui/options';

/**
 * A child's visit: guardianship, schooling, health, mental state, contact with the parents, and the
 * child's safety. Guardianship, health and mood start at the routine answer; schooling and contact
 * depend on the child, so they start unanswered.
 */
export function ChildCheckFields() {
  return (
    <Row gutter={16} className="visit-health" data-testid="visit-child-check">
      {CHILD_ASPECTS.map((aspect) => (
        <Col key={aspect.key} xs={24} md={12}>
          <Form.Item label={aspect.label} name={['childCheck', aspect.key]} className="visit-health-item">
            <Radio.Group optionType="button" buttonStyle="solid" size="small" options={optionsOf(aspect.options)} aria-label={aspect.label} />
          </Form.Item>
        </Col>
      ))}
      <Col xs={24} md={12}>
        <Form.Item label="安全情况（有隐患的打勾）" name={['childCheck', 'safety']} className="visit-health-item">
          <Checkbox.Group options={optionsOf(CHILD_SAFETY_RISKS)} aria-label="儿童安全隐患" />
        </Form.Item>
      </Col>
    </Row>
  );
}
