import { Card, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { PARENT_SITUATIONS } from '../../../../../shared/domain/children';
import { todayIso } from '../../../../../shared/domain/dates';
import { parseIdNumber } from '../../../../../shared/domain/idNumber';
import { DateField, notAfterToday } from '../../../../ui/DateField';
import { optionsOf } from '../../../../ui/options';
import { COL, GUTTER } from '../../../../ui/formLayout';

const GRANDPARENTS = [
  { key: 'paternalGrandfather', label: '祖父' },
  { key: 'paternalGrandmother', label: '祖母' },
  { key: 'maternalGrandfather', label: '外祖父' },
  { key: 'maternalGrandmother', label: '外祖母' },
] as const;

const ROW_COL = { xs: 24, md: 8 } as const;

function GrandparentRow({ field, label }: { field: string; label: string }) {
  return (
    <Row gutter={GUTTER}>
      <Col {...ROW_COL}>
        <Form.Item label={`${label}姓名`} name={[field, 'name']}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...ROW_COL}>
        <Form.Item label={`${label}电话`} name={[field, 'phone']}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col {...ROW_COL}>
        <Form.Item label={`${label}健康状况`} name={[field, 'health']}>
          <Input maxLength={20} placeholder="如：健康、年老体弱" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A parent's birth date follows from a valid ID number, like the child's; it is typed only without one. */
function ParentFields({ field, label }: { field: 'father' | 'mother'; label: string }) {
  const form = Form.useFormInstance();
  const id = Form.useWatch<string | undefined>([field, 'idNumber'], form);
  const parsed = id ? parseIdNumber(id, todayIso()) : null;
  const derivedBirth = parsed?.ok ? parsed.info.birthDate : undefined;
  useEffect(() => {
    if (derivedBirth && form.getFieldValue([field, 'birthDate']) !== derivedBirth) form.setFieldValue([field, 'birthDate'], derivedBirth);
  }, [derivedBirth, field, form]);
  return (
    <>
      <Divider titlePlacement="start" plain>
        {label}
      </Divider>
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label={`${label}姓名`} name={[field, 'name']}>
            <Input />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label={`${label}身份证号码`} name={[field, 'idNumber']}>
            <Input maxLength={22} className="id-number" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label={`${label}出生日期`} name={[field, 'birthDate']} tooltip={derivedBirth ? '由身份证号码自动生成' : undefined} rules={[notAfterToday(`${label}出生日期`)]}>
            <DateField disabled={derivedBirth !== undefined} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label={`${label}状况`} name={[field, 'situation']}>
            <Select allowClear options={optionsOf(PARENT_SITUATIONS)} placeholder="选择状况" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label={`${label}务工省份`} name={[field, 'workProvince']}>
            <Input maxLength={20} placeholder="如：浙江省" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label={`${label}务工城市`} name={[field, 'workCity']}>
            <Input maxLength={20} placeholder="如：宁波市" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label={`${label}联系电话`} name={[field, 'phone']}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function FamilySection() {
  return (
    <Card title="家庭成员" size="small">
      <ParentFields field="father" label="父亲" />
      <ParentFields field="mother" label="母亲" />
      <Divider titlePlacement="start" plain>
        祖父母、外祖父母
      </Divider>
      {GRANDPARENTS.map((g) => (
        <GrandparentRow key={g.key} field={g.key} label={g.label} />
      ))}
    </Card>
  );
}
