import { App, Button, Col, Collapse, Form, Input, Modal, Radio, Row, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { fieldErrorsOf, visitInput, type VisitRecord } from '../../../shared/contract';
import { VISIT_METHODS, type SubjectKind } from '../../../shared/domain/visits';
import { errorData, useLedgerMutation } from '../../api';
import { DateField, notAfterToday } from '../../ui/DateField';
import { clearFieldErrors, placeFieldErrors, type FormProblem } from '../../ui/formErrors';
import { GUTTER } from '../../ui/formLayout';
import { optionsOf } from '../../ui/options';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useOnOpen } from '../../ui/useOnOpen';
import { ChildCheckFields } from './ChildCheckFields';
import { HealthFields } from './HealthFields';
import { MoreFields } from './MoreFields';
import { lastVisitors, rememberVisitors } from './rememberedVisitors';
import { formToInput, hasMore, MORE_FIELDS, newVisitValues, recordToValues, visitPathOf, type VisitFormValues } from './visitValues';
import './visits.css';
import { LedgerForm } from '../../ui/LedgerForm';

export interface VisitSubject {
  kind: SubjectKind;
  id: string;
  name: string;
}

export interface VisitEntryModalProps {
  /** Whom the new visit is for; ignored when editing (`visit` names its own subject). */
  subject: VisitSubject | null;
  /** The visit being edited; absent records a new one. */
  visit?: VisitRecord;
  open: boolean;
  onClose: () => void;
  /** The save itself invalidates the person's timeline and the workbench. */
  onSaved?: (id: string) => void;
}

const MORE = 'more';
const MORE_SET: ReadonlySet<string> = new Set(MORE_FIELDS);

/**
 * 登记探访: a routine visit is the date, the visitors and Enter. Everything beyond the routine sits
 * in the folded "更多情况" panel, rendered even when folded so errors can land on its fields.
 */
export function VisitEntryModal({ subject, visit, open, onClose, onSaved }: VisitEntryModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitFormValues>();
  const create = useLedgerMutation('visits.create');
  const update = useLedgerMutation('visits.update');
  const saving = create.isPending || update.isPending;
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const visitorsRef = useRef<InputRef>(null);
  const saveRef = useRef<HTMLButtonElement>(null);

  // Each opening (a new visit, or the visit edited) starts without the last one's messages, and
  // unfolds 更多情况 only for a visit that has something in it. A new visit never has.
  useOnOpen<VisitRecord | 'new'>(open ? (visit ?? 'new') : null, (opened) => {
    setProblem(null);
    setMoreOpen(opened !== 'new' && hasMore(recordToValues(opened)));
  });

  // Each kind of person is asked its own questions (VISIT_QUESTIONS): a child the child check.
  const kind = visit?.subjectKind ?? subject?.kind ?? 'elder';
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(visit ? recordToValues(visit) : newVisitValues(kind, lastVisitors()));
  }, [open, visit, kind, form]);

  const canSave = Boolean(visit ?? subject);

  const show = (fieldErrors: Record<string, string>, title: string) => {
    const placed = placeFieldErrors(form, fieldErrors, title, visitPathOf);
    if (Object.keys(fieldErrors).some((k) => MORE_SET.has(String(visitPathOf(k)[0])))) setMoreOpen(true);
    setProblem(placed);
  };

  const save = async () => {
    if (saving) return;
    clearFieldErrors(form);
    setProblem(null);
    const parsed = visitInput.safeParse(formToInput(form.getFieldsValue(true)));
    if (!parsed.success) {
      show(fieldErrorsOf(parsed.error), '填写的内容有误，请按红色提示修改');
      return;
    }
    const data = parsed.data;
    const write = visit
      ? () => update.mutateAsync({ id: visit.id, visit: data })
      : subject
        ? () => create.mutateAsync({ subjectKind: subject.kind, subjectId: subject.id, visit: data })
        : null;
    if (!write) return;
    try {
      const { id } = await write();
      rememberVisitors(data.visitors);
      message.success(visit ? '已保存探访记录' : '已登记探访');
      onSaved?.(id);
      onClose();
    } catch (e) {
      const err = errorData(e);
      if (err.fieldErrors && Object.keys(err.fieldErrors).length > 0) show(err.fieldErrors, err.message);
      else setProblem({ title: err.message, details: [] });
    }
  };

  // The usual visitors already filled in: the save button takes the focus, so Enter saves at once.
  const focusFirst = (opened: boolean) => {
    if (!opened) return;
    if (form.getFieldValue('visitors')) saveRef.current?.focus();
    else visitorsRef.current?.focus();
  };

  const name = visit ? null : subject?.name;
  return (
    <Modal
      open={open}
      title={visit ? '编辑探访记录' : `登记探访${name ? `：${name}` : ''}`}
      onCancel={onClose}
      afterOpenChange={focusFirst}
      forceRender
      width={760}
      mask={{ closable: false }}
      modalRender={(dom) => (
        <LedgerForm<VisitFormValues> form={form} layout="vertical" name="visit" onSubmit={() => void save()} data-testid="visit-entry" className="visit-entry">
          {dom}
        </LedgerForm>
      )}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={saving}>
          取消
        </Button>,
        <Button key="save" ref={saveRef} type="primary" htmlType="submit" loading={saving} disabled={!canSave} data-testid="visit-save">
          保存
        </Button>,
      ]}
    >
      <ProblemAlert problem={problem} testId="visit-problem" style={{ marginBottom: 12 }} />
      <Row gutter={GUTTER}>
        <Col xs={24} md={8}>
          <Form.Item label="探访日期" name="visitedOn" required rules={[notAfterToday('探访日期')]}>
            <DateField />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="探访方式" name="method" required>
            <Radio.Group optionType="button" buttonStyle="solid" options={optionsOf(VISIT_METHODS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="走访人" name="visitors" required tooltip="多人用顿号或空格分开，如：王芳、李强">
            <Input ref={visitorsRef} maxLength={130} autoComplete="off" placeholder="多人用顿号分开，如：王芳、李强" data-testid="visit-visitors" />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'child' ? <ChildCheckFields /> : <HealthFields kind={kind} />}
      <Collapse
        size="small"
        activeKey={moreOpen ? [MORE] : []}
        onChange={(keys) => setMoreOpen(keys.includes(MORE))}
        items={[{ key: MORE, label: '更多情况（困难、隐患、需求、措施、下次探访）', forceRender: true, children: <MoreFields kind={kind} /> }]}
      />
    </Modal>
  );
}
