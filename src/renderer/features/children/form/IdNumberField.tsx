import { Col, Form, Input, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { ageOn, todayIso } from '../../../../shared/domain/dates';
import { normaliseIdNumber, parseIdNumber } from '../../../../shared/domain/idNumber';
import { errorMessage, ledger } from '../../../api';
import { SEX_LABELS } from '../labels';
import { COL, GUTTER } from './layout';

interface IdNumberFieldProps {
  /** The record being edited: its own ID number is not a duplicate. */
  childId?: string;
  duplicateId: string | null;
  onDuplicate: (existingId: string | null) => void;
}

export const duplicateMessage = (name: string) => `该身份证号码已登记（${name}），请勿重复录入`;

/** The ID number is the natural key: birth date and sex come from it and are never typed. */
export function IdNumberField({ childId, duplicateId, onDuplicate }: IdNumberFieldProps) {
  const form = Form.useFormInstance();
  const raw = Form.useWatch<string | undefined>('idNumber', form);
  const parsed = raw ? parseIdNumber(raw, todayIso()) : null;
  const info = parsed?.ok ? parsed.info : null;

  const checkOnBlur = async () => {
    const value = form.getFieldValue('idNumber') as string | undefined;
    if (!value || value.trim() === '') return;
    const result = parseIdNumber(value, todayIso());
    if (!result.ok) {
      form.setFields([{ name: 'idNumber', errors: [result.message] }]);
      return;
    }
    if (value !== result.info.idNumber) form.setFieldValue('idNumber', result.info.idNumber);
    try {
      const found = await ledger().call('children.findByIdNumber', { idNumber: result.info.idNumber });
      // The user may have typed on while the lookup ran; answer only for the number still in the field.
      if (normaliseIdNumber(String(form.getFieldValue('idNumber') ?? '')) !== result.info.idNumber) return;
      if (found && found.id !== childId) {
        form.setFields([{ name: 'idNumber', errors: [duplicateMessage(found.name)] }]);
        onDuplicate(found.id);
      }
    } catch (e) {
      // The save re-checks on the server; a failed early lookup only loses the early warning.
      console.warn('身份证号码查重失败', errorMessage(e));
    }
  };

  return (
    <Row gutter={GUTTER}>
      <Col {...COL}>
        <Form.Item
          label="身份证号码"
          name="idNumber"
          required
          extra={
            duplicateId ? (
              <Link to={`/children/${duplicateId}`} data-testid="child-duplicate-link">
                查看已登记的记录
              </Link>
            ) : undefined
          }
        >
          <Input
            data-testid="child-idNumber"
            maxLength={22}
            placeholder="18位公民身份号码"
            autoComplete="off"
            className="id-number"
            onChange={() => duplicateId && onDuplicate(null)}
            onBlur={() => void checkOnBlur()}
          />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item label="出生日期" tooltip="由身份证号码自动生成">
          <Typography.Text data-testid="child-birthDate" type={info ? undefined : 'secondary'}>
            {info ? `${info.birthDate}（${ageOn(info.birthDate, todayIso())}周岁）` : '填写身份证号码后自动生成'}
          </Typography.Text>
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item label="性别" tooltip="由身份证号码自动生成">
          <Typography.Text data-testid="child-sex" type={info ? undefined : 'secondary'}>
            {info ? SEX_LABELS[info.sex] : '填写身份证号码后自动生成'}
          </Typography.Text>
        </Form.Item>
      </Col>
    </Row>
  );
}
