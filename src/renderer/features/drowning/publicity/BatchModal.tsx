import { App, Checkbox, Col, Flex, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  fieldErrorsOf,
  publicityBatchInput,
  type Progress,
  type PublicityBatchInput,
  type PublicityBatchResult,
  type Township,
} from '../../../../shared/contract';
import { LETTER_LABEL, PLEDGE_LABEL } from '../../../../shared/domain/drowning';
import { errorData, useLedgerMutation, useLedgerQuery } from '../../../api';
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
  /** The township the list covers: its villages are offered. */
  township: Township | undefined;
  onClose: () => void;
  onDone: (result: PublicityBatchResult) => void;
}

/** The deliberate choice of every child of the township, beside its villages. */
const WHOLE_TOWNSHIP = '*';

/** What the confirmation says will happen, one line each. */
function describe(v: { year: number; letterOn?: string; pledgeOn?: string; handedBy?: string; overwrite: boolean }): string[] {
  const lines = [`年度：${v.year}年`];
  if (v.letterOn) lines.push(`${LETTER_LABEL}：${v.letterOn}`);
  if (v.pledgeOn) lines.push(`${PLEDGE_LABEL}：${v.pledgeOn}`);
  if (v.handedBy) lines.push(`发放人：${v.handedBy}`);
  lines.push(v.overwrite ? '已有的日期将被替换为以上日期。' : '已登记过日期的儿童保持原日期，不会改动。');
  return lines;
}

/**
 * 批量登记: letters handed out (or pledges collected) for a whole village or class at once. Letters
 * go out a village at a time, so the dialog starts from a village; the whole township is a
 * deliberate choice, never what an unread default does.
 */
export function BatchModal({ open, scope, township, onClose, onDone }: BatchModalProps) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<BatchValues>();
  const [progress, setProgress] = useState<Progress | null>(null);
  const batch = useLedgerMutation('drowning.publicity.batch', { onProgress: setProgress });
  const running = batch.isPending;
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const picked = scope.childIds;
  // A village (the list's, if it shows one), the whole township, or not chosen yet.
  const [place, setPlace] = useState<string | undefined>(scope.villageCode);
  const [placeMissing, setPlaceMissing] = useState(false);

  useOnOpen(open || null, () => {
    setProblem(null);
    setProgress(null);
    setPlace(scope.villageCode);
    setPlaceMissing(false);
  });
  const { childIds: _picked, ...filter } = scope;
  const placed: BatchScope | null = picked ? scope : place === undefined ? null : { ...filter, villageCode: place === WHOLE_TOWNSHIP ? undefined : place };
  // How many children the chosen place lists under the list's other filters, for the wording.
  const counted = useLedgerQuery('drowning.publicity.list', { ...(placed ?? filter), offset: 0, limit: 1 }, { enabled: open && !picked && placed !== null });
  const count = picked ? picked.length : counted.data?.total;
  const placeName = place === WHOLE_TOWNSHIP ? `${township?.name ?? ''}全部` : (township?.villages.find((v) => v.code === place)?.name ?? '');
  const who = picked ? `已选的 ${picked.length} 名儿童` : `${placeName}的 ${count ?? '…'} 名儿童`;
  const placeOptions = [
    ...(township?.villages ?? []).map((v) => ({ value: v.code, label: v.name })),
    { value: WHOLE_TOWNSHIP, label: `全${township?.name ?? '乡镇（街道）'}（所有村居）` },
  ];
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
    if (!placed) {
      setPlaceMissing(true);
      return;
    }
    const values = withoutNulls(form.getFieldsValue(true)) as BatchValues;
    const parsed = publicityBatchInput.safeParse({ ...placed, ...values });
    if (!parsed.success) {
      setProblem(unplacedOnly(placeFieldErrors(form, fieldErrorsOf(parsed.error), '填写的内容有误')));
      return;
    }
    const input = parsed.data;
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
      {!picked && (
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <label htmlFor="drowning-batch-place">登记范围</label>
          <Select
            id="drowning-batch-place"
            aria-label="登记范围"
            data-testid="drowning-batch-place"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择村（居）"
            status={placeMissing ? 'error' : undefined}
            style={{ width: 320 }}
            value={place}
            options={placeOptions}
            onChange={(v: string) => {
              setPlace(v);
              setPlaceMissing(false);
            }}
          />
          {placeMissing && <Typography.Text type="danger">请先选择村（居）；要为全乡镇（街道）登记，请选择最后一项</Typography.Text>}
        </Flex>
      )}
      <Typography.Paragraph data-testid="drowning-batch-intro">
        {placed ? `将为${who}登记以下日期。` : '选择村（居）后登记以下日期。'}只登记填写了日期的项目，未填写的保持不变。
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
