import { Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { publicityInput, type PublicityInput, type PublicityRecord } from '../../../shared/contract';
import { LETTER_LABEL, PLEDGE_LABEL } from '../../../shared/domain/drowning';
import { useLedgerMutation } from '../../api';
import { DateField, notAfterToday } from '../../ui/DateField';
import { GUTTER, HALF_COL } from '../../ui/formLayout';
import { withoutNulls } from '../../ui/formValues';
import { ModalProblem } from '../../ui/ProblemAlert';
import { useModalForm } from '../../ui/useModalForm';
import { thisYear, yearOptions } from './years';
import { LedgerForm } from '../../ui/LedgerForm';

type PublicityValues = Partial<Omit<PublicityInput, 'childId'>>;

interface PublicityModalProps {
  childId: string;
  childName: string;
  /** The year's record being edited; null adds a year. */
  record: PublicityRecord | null;
  /** Years already recorded: a new record picks another (saving a recorded year would edit it). */
  recordedYears: readonly number[];
  open: boolean;
  onClose: () => void;
  onSaved?: () => void;
}

function valuesOf(record: PublicityRecord | null, recordedYears: readonly number[]): PublicityValues {
  // No date is filled in for the user: a guessed date would record a letter nobody handed out.
  if (!record) return { year: yearOptions(recordedYears)[0]?.value ?? thisYear() };
  const { year, letterOn, pledgeOn, handedBy, notes } = record;
  return { year, letterOn, pledgeOn, handedBy, notes };
}

/** 防溺水宣传 of one child in one year: the letter handed out and the pledge signed. */
export function PublicityModal({ childId, childName, record, recordedYears, open, onClose, onSaved }: PublicityModalProps) {
  const savePublicity = useLedgerMutation('drowning.publicity.save');
  const { form, problem, save, reset, modalProps } = useModalForm<PublicityValues, PublicityInput>({
    parse: (values) => publicityInput.safeParse({ ...(withoutNulls(values) as object), childId }),
    write: (data) => savePublicity.mutateAsync(data),
    saved: (data) => `已保存${data.year}年防溺水宣传`,
    onSaved,
    onClose,
  });

  useEffect(() => {
    if (open) reset(valuesOf(record, recordedYears));
  }, [open, record, recordedYears, reset]);

  return (
    <Modal open={open} title={record ? `编辑${record.year}年防溺水宣传：${childName}` : `登记防溺水宣传：${childName}`} width={640} {...modalProps}>
      <LedgerForm<PublicityValues> form={form} layout="vertical" name="drowning-publicity" onSubmit={() => void save()} data-testid="drowning-publicity-form">
        <Row gutter={GUTTER}>
          <Col {...HALF_COL}>
            <Form.Item label="年度" name="year" required>
              <Select options={yearOptions(record ? [] : recordedYears)} disabled={record !== null} aria-label="年度" />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label="发放人" name="handedBy">
              <Input maxLength={30} placeholder="如：儿童主任、班主任" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label={LETTER_LABEL} name="letterOn" rules={[notAfterToday(LETTER_LABEL)]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label={PLEDGE_LABEL} name="pledgeOn" rules={[notAfterToday(PLEDGE_LABEL)]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </LedgerForm>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        两个日期至少填写一个，且都应在所选年度内；承诺书一般随一封信发放，签订日期不早于一封信发放日期。
      </Typography.Paragraph>
      <ModalProblem problem={problem} testId="drowning-publicity-problem" />
    </Modal>
  );
}
