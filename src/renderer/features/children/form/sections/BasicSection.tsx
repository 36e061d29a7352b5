import { Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { HUKOU_TYPES } from '../../../../../shared/domain/children';
import { ETHNICITIES } from '../../../../../shared/domain/ethnicities';
import { optionsOf } from '../../../../ui/options';
import { IdNumberRow } from '../../../people/IdNumberRow';
import { VillagePicker } from '../../../places/VillagePicker';
import { COL, GUTTER, HALF_COL, YES_NO } from '../../../../ui/formLayout';

interface BasicSectionProps {
  childId?: string;
  duplicateId: string | null;
  onDuplicate: (existingId: string | null) => void;
}

export function BasicSection({ childId, duplicateId, onDuplicate }: BasicSectionProps) {
  return (
    <Card title="基本信息" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="儿童姓名" name="name" required>
            <Input placeholder="与户口簿一致" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="民族" name="ethnicity" required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={optionsOf(ETHNICITIES)} placeholder="选择民族" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="所在村（居）" name="villageCode" required>
            <VillagePicker />
          </Form.Item>
        </Col>
      </Row>
      <IdNumberRow kind="child" recordId={childId} duplicateId={duplicateId} onDuplicate={onDuplicate} />
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="是否登记户口" name="hukouRegistered" required>
            <Radio.Group options={YES_NO} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="户口性质" name="hukouType" required>
            <Radio.Group options={optionsOf(HUKOU_TYPES)} />
          </Form.Item>
        </Col>
        <Col {...HALF_COL}>
          <Form.Item label="户籍地址" name="registeredAddress">
            <Input maxLength={100} placeholder="户口簿上的住址" />
          </Form.Item>
        </Col>
        <Col {...HALF_COL}>
          <Form.Item label="现居住地址" name="currentAddress">
            <Input maxLength={100} placeholder="与户籍地址不同时填写" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
