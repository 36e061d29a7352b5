import { Card, Checkbox, Col, Divider, Form, Input, Row, Select } from 'antd';
import {
  ASSISTANCE_KINDS,
  formerRelationshipHint,
  GUARDIAN_RELATIONSHIP_CHOICES,
  GUARDIAN_RELATIONSHIPS,
  GUARDIANSHIP_TYPES,
  INCOME_SOURCES,
} from '../../../../../shared/domain/children';
import { optionsOf } from '../../../../ui/options';
import { COL, GUTTER, WIDE_COL } from '../../../../ui/formLayout';

const RELATIONSHIP = ['guardian', 'relationship'];

/**
 * 与儿童关系. An old record may hold a group (祖父母) for one person: it still shows and saves as it
 * is, greyed out among the choices, and the field asks for the precise one rather than guessing it.
 */
function RelationshipField() {
  const current = Form.useWatch<string | undefined>(RELATIONSHIP);
  const hint = formerRelationshipHint(current);
  const former = hint ? GUARDIAN_RELATIONSHIPS.filter((o) => o.value === current).map((o) => ({ value: o.value, label: o.label, disabled: true })) : [];
  return (
    <Form.Item label="与儿童关系" name={RELATIONSHIP} {...(hint ? { validateStatus: 'warning' as const, help: hint } : {})}>
      <Select allowClear options={[...optionsOf(GUARDIAN_RELATIONSHIP_CHOICES), ...former]} placeholder="选择关系" data-testid="guardian-relationship" />
    </Form.Item>
  );
}

export function GuardianshipSection() {
  return (
    <Card title="监护与帮扶" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="监护类型" name="guardianshipType" required>
            <Select options={optionsOf(GUARDIANSHIP_TYPES)} placeholder="选择监护类型" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        委托监护人
      </Divider>
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="委托监护人姓名" name={['guardian', 'name']}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <RelationshipField />
        </Col>
        <Col {...COL}>
          <Form.Item label="委托监护人电话" name={['guardian', 'phone']}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="委托监护人身份证号码" name={['guardian', 'idNumber']}>
            <Input maxLength={22} className="id-number" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...WIDE_COL}>
          <Form.Item label="委托监护人住址" name={['guardian', 'address']}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        家庭经济与帮扶
      </Divider>
      <Row gutter={GUTTER}>
        <Col xs={24} xl={12}>
          <Form.Item label="家庭收入来源" name="incomeSources" extra="可多选">
            <Checkbox.Group options={optionsOf(INCOME_SOURCES)} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item label="享受救助" name="assistance" extra="可多选">
            <Checkbox.Group options={optionsOf(ASSISTANCE_KINDS)} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="儿童主任" name="childDirector">
            <Input placeholder="负责该儿童的村（居）儿童主任" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="儿童主任电话" name="childDirectorPhone">
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
