import { Card, Col, Form, Input, Row, Select } from 'antd';
import { ageOn, todayIso } from '../../../../../shared/domain/dates';
import { elderAgeProblem, HIGH_AGE_MIN, MARITAL_STATUSES } from '../../../../../shared/domain/elders';
import { ETHNICITIES } from '../../../../../shared/domain/ethnicities';
import type { IdNumberInfo } from '../../../../../shared/domain/idNumber';
import { COL, GUTTER } from '../../../../ui/formLayout';
import { optionsOf } from '../../../../ui/options';
import { IdNumberRow } from '../../../people/IdNumberRow';
import { VillagePicker } from '../../../places/VillagePicker';

interface BasicSectionProps {
  elderId?: string;
  duplicateId: string | null;
  onDuplicate: (existingId: string | null) => void;
}

const ageProblem = (info: IdNumberInfo) => elderAgeProblem(info.birthDate, todayIso());
const ageNote = (info: IdNumberInfo) => (ageOn(info.birthDate, todayIso()) >= HIGH_AGE_MIN ? `已满${HIGH_AGE_MIN}周岁，可登记为高龄老人` : undefined);

export function BasicSection({ elderId, duplicateId, onDuplicate }: BasicSectionProps) {
  return (
    <Card title="基本信息" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="老人姓名" name="name" required>
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
      <IdNumberRow kind="elder" recordId={elderId} duplicateId={duplicateId} onDuplicate={onDuplicate} problemOf={ageProblem} birthNote={ageNote} />
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="婚姻状况" name="maritalStatus">
            <Select allowClear options={optionsOf(MARITAL_STATUSES)} placeholder="选择婚姻状况" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="联系电话" name="phone">
            <Input maxLength={20} inputMode="tel" placeholder="老人本人或家中电话" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="现居住地址" name="address">
            <Input maxLength={100} placeholder="如：五星村三组12号" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
