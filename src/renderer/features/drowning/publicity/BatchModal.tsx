import { App, Checkbox, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  fieldErrorsOf,
  publicityBatchInput,
  type Progress,
  type PublicityBatchInput,
  type PublicityBatchResult,
} from '../../../../shared/contract';
import { LETTER_LABEL, PLEDGE_LABEL } from '../../../../shared/domain/drowning';
import { errorData, useLedgerMutation } from '../../../api';
import { DateField, notAfterToday } from '../../../ui/DateField';
import { clearFieldErrors, placeFieldErrors, type FormProblem } from '../../../ui/formErrors';
import { GUTTER, HALF_COL } from '../../../ui/formLayout';
import { withoutNulls } from '../../../ui/formValues';
import { ModalProblem, unplacedOnly } from '../../../ui/ProblemAlert';
import { ProgressLine } from '../../../ui/ProgressLine';
import { useOnOpen } from '../../../ui/useOnOpen';
import { LedgerForm } from '../../../ui/LedgerForm';

type BatchValues = Pick<PublicityBatchInput, 'letterOn' | 'pledgeOn' | 'handedBy' | 'overwrite'>;

/** Which children a batch covers: the list's filter, narrowed to the picked ones if any. */
export type BatchScope = Omit<PublicityBatchInput, 'letterOn' | 'pledgeOn' | 'handedBy' | 'overwrite'>;

interface BatchModalProps {
  open: boolean;
  scope: BatchScope;
  /** How many children the scope lists now, for the confirmation. */
  count: number;
  /** Where they are, as a person reads it: 蓉城镇 百花村. */
  scopeLabel: string;
  onClose: () => void;
  onDone: (result: PublicityBatchResult) => void;
}

/** What the confirmation says will happen, one line each. */
function describe(v: { year: number; letterOn?: string; pledgeOn?: string; handedBy?: string; overwrite: boolean }): string[] {
  const lines = [`年度：${v.year}年`];
  if (v.letterOn) lines.push(`${LETTER_LABEL}：${v.letterOn}`);
  if (v.pledgeOn) lines.push(`${PLEDGE_LABEL}：${v.pledgeOn}`);
  if (v.handedBy) lines.push(`发放人：${v.handedBy}`);
  lines.push(v.overwrite ? '已有的日期将被替换为以上日期。' : '已登记过日期的儿童保持原日期，不会改动。');
  return lines;
}

/** 批量登记: letters handed out (or pledges collected) for a whole village or class at once. */
export function BatchModal({ open, scope, count, scopeLabel, onClose, onDone }: BatchModalProps) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<BatchValues>();
  const [progress, setProgress] = useState<Progress | null>(null);
  const batch = useLedgerMutation('drowning.publicity.batch', { onProgress: setProgress });
  const running = batch.isPending;
  const [problem, setProblem] = useState<FormProblem | null>(null);

  useOnOpen(open || null, () => {
    setProblem(null);
    setProgress(null);
  });
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const run = async (input: PublicityBatchInput) => {
    try {
      onDone(await batch.mutateAsync(input));
      onClose();
    } catch (e) {
      const err = errorData(e);
      setProblem({ title: err.message, details: Object.values(err.fieldErrors ?? {}) });
    } finally {
      setProgress(null);
    }
  };

  const submit = () => {
    if (running) return;
    clearFieldErrors(form);
    setProblem(null);
    const values = withoutNulls(form.getFieldsValue(true)) as BatchValues;
    const parsed = publicityBatchInput.safeParse({ ...scope, ...values });
    if (!parsed.success) {
      setProblem(unplacedOnly(placeFieldErrors(form, fieldErrorsOf(parsed.error), '填写的内容有误')));
      return;
    }
    const input = parsed.data;
    const who = input.childIds ? `已选的 ${input.childIds.length} 名儿童` : `${scopeLabel}筛选出的 ${count} 名儿童`;
    modal.confirm({
      title: `确定为${who}登记吗？`,
      content: (
        <div data-testid="drowning-batch-confirm">
          {describe(input).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      ),
      okText: '确定登记',
      cancelText: '取消',
      onOk: () => {
        void run(input);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={`批量登记防溺水宣传（${scope.year}年）`}
      okText="登记"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={running}
      cancelButtonProps={{ disabled: running }}
      closable={!running}
      mask={{ closable: false }}
      onCancel={onClose}
      forceRender
      width={640}
    >
      <Typography.Paragraph>
        将为{scope.childIds ? `已选的 ${scope.childIds.length} 名儿童` : `${scopeLabel}筛选出的 ${count} 名儿童`}登记以下日期，只填写的项目会被登记。
      </Typography.Paragraph>
      <LedgerForm<BatchValues> form={form} layout="vertical" name="drowning-batch" onSubmit={submit} data-testid="drowning-batch-form" disabled={running}>
        <Row gutter={GUTTER}>
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
          <Col {...HALF_COL}>
            <Form.Item label="发放人" name="handedBy">
              <Input maxLength={30} placeholder="如：儿童主任、班主任" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label=" " name="overwrite" valuePropName="checked">
              <Checkbox>替换已登记的日期</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </LedgerForm>
      {progress && <ProgressLine progress={progress} testId="drowning-batch-progress" />}
      <ModalProblem problem={problem} testId="drowning-batch-problem" />
    </Modal>
  );
}
