import { Col, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ageOn, todayIso } from '../../shared/domain/dates';
import { normaliseIdNumber, parseIdNumber, type IdNumberInfo } from '../../shared/domain/idNumber';
import { errorMessage } from '../api';
import { COL } from './formLayout';
import { SEX_LABELS } from './personLabels';

export interface IdNumberFieldProps {
  /** The record being edited: its own ID number is not a duplicate. */
  recordId?: string;
  duplicateId: string | null;
  onDuplicate: (existingId: string | null) => void;
  /** Asks the register whether the number is already held, and by whom. */
  lookup: (idNumber: string) => Promise<{ id: string; name: string } | null>;
  /** Where the link to the record already holding the number goes. */
  recordPath: (id: string) => string;
  /** Test ids are `${testIdPrefix}-idNumber`, `-birthDate`, `-sex`, `-duplicate-link`. */
  testIdPrefix: string;
  /** A register's own rule on a well-formed number (e.g. an age limit), checked as the field is left. */
  problemOf?: (info: IdNumberInfo) => string | null;
  /** Shown under the derived birth date (e.g. what the age means for this register). */
  birthNote?: (info: IdNumberInfo) => ReactNode;
}

export const duplicateMessage = (name: string) => `该身份证号码已登记（${name}），请勿重复录入`;

/**
 * The ID number is the natural key: birth date and sex come from it and are never typed.
 * Renders three columns (number, birth date, sex) for the caller's Row.
 */
export function IdNumberField({ recordId, duplicateId, onDuplicate, lookup, recordPath, testIdPrefix, problemOf, birthNote }: IdNumberFieldProps) {
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
    const problem = problemOf?.(result.info);
    if (problem) form.setFields([{ name: 'idNumber', errors: [problem] }]);
    try {
      const found = await lookup(result.info.idNumber);
      // The user may have typed on while the lookup ran; answer only for the number still in the field.
      if (normaliseIdNumber(String(form.getFieldValue('idNumber') ?? '')) !== result.info.idNumber) return;
      if (found && found.id !== recordId) {
        form.setFields([{ name: 'idNumber', errors: [duplicateMessage(found.name)] }]);
        onDuplicate(found.id);
      }
    } catch (e) {
      // The save re-checks on the server; a failed early lookup only loses the early warning.
      console.warn('身份证号码查重失败', errorMessage(e));
    }
  };

  const note = info ? birthNote?.(info) : undefined;
  return (
    <>
      <Col {...COL}>
        <Form.Item
          label="身份证号码"
          name="idNumber"
          required
          extra={
            duplicateId ? (
              <Link to={recordPath(duplicateId)} data-testid={`${testIdPrefix}-duplicate-link`}>
                查看已登记的记录
              </Link>
            ) : undefined
          }
        >
          <Input
            data-testid={`${testIdPrefix}-idNumber`}
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
        <Form.Item label="出生日期" tooltip="由身份证号码自动生成" extra={note}>
          <Typography.Text data-testid={`${testIdPrefix}-birthDate`} type={info ? undefined : 'secondary'}>
            {info ? `${info.birthDate}（${ageOn(info.birthDate, todayIso())}周岁）` : '填写身份证号码后自动生成'}
          </Typography.Text>
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item label="性别" tooltip="由身份证号码自动生成">
          <Typography.Text data-testid={`${testIdPrefix}-sex`} type={info ? undefined : 'secondary'}>
            {info ? SEX_LABELS[info.sex] : '填写身份证号码后自动生成'}
          </Typography.Text>
        </Form.Item>
      </Col>
    </>
  );
}
