import { Card, Col, Form, Input, Radio, Row } from 'antd';
import { ageOn, todayIso } from '../../../../../shared/domain/dates';
import type { IdNumberInfo } from '../../../../../shared/domain/idNumber';
import { WOMAN_HEALTH, womanAgeDay, womanAgeProblem, womanSexProblem } from '../../../../../shared/domain/women';
import { COL, GUTTER, HALF_COL } from '../../../../ui/formLayout';
import { optionsOf } from '../../../../ui/options';
import { IdNumberRow } from '../../../people/IdNumberRow';
import { VillagePicker } from '../../../places/VillagePicker';

interface BasicSectionProps {
  womanId?: string;
  duplicateId: string | null;
  onDuplicate: (existingId: string | null) => void;
}

export function BasicSection({ womanId, duplicateId, onDuplicate }: BasicSectionProps) {
  // The age rule holds on the registration day, entered further down the form.
  const form = Form.useFormInstance();
  const sinceOn = Form.useWatch<string | undefined>('sinceOn', form);
  const day = womanAgeDay(sinceOn, todayIso());
  const problemOf = (info: IdNumberInfo) => womanSexProblem(info.sex) ?? womanAgeProblem(info.birthDate, day);
  const birthNote = (info: IdNumberInfo) => (day === todayIso() ? undefined : `登记日期时${ageOn(info.birthDate, day)}周岁`);
  return (
    <Card title="基本信息" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="姓名" name="name" required>
            <Input placeholder="与户口簿一致" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="所在村（居）" name="villageCode" required>
            <VillagePicker />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="健康状况" name="health" required>
            <Radio.Group options={optionsOf(WOMAN_HEALTH)} />
          </Form.Item>
        </Col>
      </Row>
      <IdNumberRow kind="woman" recordId={womanId} duplicateId={duplicateId} onDuplicate={onDuplicate} problemOf={problemOf} birthNote={birthNote} />
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="联系电话" name="phone">
            <Input maxLength={20} inputMode="tel" placeholder="本人手机或家中电话" />
          </Form.Item>
        </Col>
        <Col {...HALF_COL}>
          <Form.Item label="现居住地址" name="address">
            <Input maxLength={100} placeholder="如：五星村三组12号" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
