import { Col, Form, Radio, Row } from 'antd';
import { HEALTH_ASPECTS, VISIT_QUESTIONS, type SubjectKind } from '../../../shared/domain/visits';
import { optionsOf } from '../../ui/options';

/** The health aspects this kind of person is asked, as small button groups, the routine answer first (and preselected). */
export function HealthFields({ kind }: { kind: SubjectKind }) {
  const asked: readonly string[] = VISIT_QUESTIONS[kind].health;
  const aspects = HEALTH_ASPECTS.filter((a) => asked.includes(a.key));
  if (aspects.length === 0) return null;
  return (
    <Row gutter={16} className="visit-health">
      {aspects.map((aspect) => (
        <Col key={aspect.key} xs={24} md={12}>
          <Form.Item label={aspect.label} name={['health', aspect.key]} className="visit-health-item">
            <Radio.Group optionType="button" buttonStyle="solid" size="small" options={optionsOf(aspect.options)} aria-label={aspect.label} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
