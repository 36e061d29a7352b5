import { Card, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { DISABILITY_GRADES, DISABILITY_TYPES } from '../../../../../shared/domain/children';
import { CAPABILITY_LEVELS, DISABLED_CARE_SCORE_BELOW, LIVING_SITUATIONS } from '../../../../../shared/domain/elders';
import { DateField, notAfterToday } from '../../../../ui/DateField';
import { COL, GUTTER } from '../../../../ui/formLayout';
import { optionsOf } from '../../../../ui/options';

/** Living situation, capability (GB/T 42195) and health: what most groups and the visit tier rest on. */
export function CareSection() {
  return (
    <Card title="居住与健康" size="small">
      <Row gutter={GUTTER}>
        <Col span={24}>
          <Form.Item label="居住情况" name="livingSituation" required>
            <Radio.Group options={optionsOf(LIVING_SITUATIONS)} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="能力等级" name="capability" required tooltip="按《老年人能力评估规范》（GB/T 42195）评定">
            <Select options={optionsOf(CAPABILITY_LEVELS)} placeholder="选择能力等级" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="能力评估得分" name="capabilityScore" extra={`0—100分；低于${DISABLED_CARE_SCORE_BELOW}分可认定为失能/半失能`}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} placeholder="未评估不填" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="评估日期" name="capabilityAssessedOn" rules={[notAfterToday('评估日期')]}>
            <DateField />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="残疾类别" name="disabilityType">
            <Select allowClear options={optionsOf(DISABILITY_TYPES)} placeholder="无残疾不填" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="残疾等级" name="disabilityGrade">
            <Select allowClear options={optionsOf(DISABILITY_GRADES)} placeholder="无残疾不填" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="健康状况" name="healthNotes">
            <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="主要疾病、用药、行动能力等" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
