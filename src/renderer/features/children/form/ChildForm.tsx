import { App, Alert, Button, Flex, Form } from 'antd';
import { useState } from 'react';
import { childInput, fieldErrorsOf, type ChildInput } from '../../../../shared/contract';
import { mandatoryReportReasons } from '../../../../shared/domain/children';
import { errorData, ledger } from '../../../api';
import { formToInput, namePathOf, type ChildFormValues, type NamePath } from './formValues';
import { BasicSection } from './sections/BasicSection';
import { CategoriesSection } from './sections/CategoriesSection';
import { FamilySection } from './sections/FamilySection';
import { GuardianshipSection } from './sections/GuardianshipSection';
import { HealthSchoolingSection } from './sections/HealthSchoolingSection';
import { NotesSection } from './sections/NotesSection';
import { ReportSection } from './sections/ReportSection';

interface ChildFormProps {
  /** Set when editing: the record's id. */
  childId?: string;
  initialValues: ChildFormValues;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

interface Problem {
  title: string;
  /** Messages that belong to no field on screen. */
  details: string[];
}

export function ChildForm({ childId, initialValues, onSaved, onCancel }: ChildFormProps) {
  // Untyped paths: field-error keys come from the server as strings, not from the form's own type.
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const guardianshipType = Form.useWatch<string | undefined>('guardianshipType', form);
  const schooling = Form.useWatch<string | undefined>('schooling', form);
  const reportReasons = mandatoryReportReasons({ guardianshipType: guardianshipType ?? null, schooling: schooling ?? null });

  const clearErrors = () => {
    // A duplicate found on blur stays shown with its link until the ID number changes.
    const keepDuplicate = (name: NamePath) => duplicateId !== null && name.length === 1 && name[0] === 'idNumber';
    const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && !keepDuplicate(f.name));
    if (stale.length > 0) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
    setProblem(null);
  };

  /** Puts each message under its field; returns those with no field on screen. */
  const showFieldErrors = (fieldErrors: Record<string, string>, title: string) => {
    const entries = Object.entries(fieldErrors).map(([key, msg]) => ({ name: namePathOf(key), msg }));
    form.setFields(entries.map((e) => ({ name: e.name, errors: [e.msg] })));
    const unplaced = entries.filter((e) => form.getFieldError(e.name).length === 0).map((e) => e.msg);
    const placed = entries.filter((e) => form.getFieldError(e.name).length > 0);
    setProblem({ title: entries.length > 1 ? `${title}（共 ${entries.length} 处）` : title, details: unplaced });
    const first: NamePath | undefined = placed[0]?.name;
    if (first) {
      try {
        form.scrollToField(first, { block: 'center', behavior: 'smooth' });
      } catch {
        // Scrolling is a convenience; jsdom and hidden fields cannot scroll.
      }
    }
  };

  const save = async () => {
    if (saving) return;
    clearErrors();
    const parsed = childInput.safeParse(formToInput(form.getFieldsValue(true)));
    if (!parsed.success) {
      showFieldErrors(fieldErrorsOf(parsed.error), '填写的内容有误，请按红色提示修改');
      return;
    }
    const child: ChildInput = parsed.data;
    setSaving(true);
    try {
      const { id } = childId ? await ledger().call('children.update', { id: childId, child }) : await ledger().call('children.create', child);
      message.success('已保存');
      onSaved(id);
    } catch (e) {
      const err = errorData(e);
      if (err.code === 'duplicate' && err.existingId) setDuplicateId(err.existingId);
      if (err.fieldErrors && Object.keys(err.fieldErrors).length > 0) showFieldErrors(err.fieldErrors, err.message);
      else setProblem({ title: err.message, details: [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Record<string, unknown>>
      form={form}
      name="child"
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => void save()}
      scrollToFirstError={false}
      className="child-form"
      requiredMark
    >
      <Flex vertical gap={16}>
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem.title}
            description={problem.details.length > 0 ? problem.details.join('；') : undefined}
            data-testid="child-form-problem"
          />
        )}
        {reportReasons.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={`需强制报告：${reportReasons.join('、')}`}
            description="请立即向公安机关报告，并在下方“强制报告记录”中填写报告日期和单位。"
            action={
              <Button size="small" danger onClick={() => document.getElementById('child-report-section')?.scrollIntoView({ behavior: 'smooth' })}>
                去填写
              </Button>
            }
          />
        )}
        <BasicSection childId={childId} duplicateId={duplicateId} onDuplicate={setDuplicateId} />
        <CategoriesSection />
        <HealthSchoolingSection />
        <GuardianshipSection />
        <ReportSection reasons={reportReasons} />
        <FamilySection />
        <NotesSection />
        <Flex gap={8} className="form-actions">
          <Button type="primary" htmlType="submit" loading={saving} data-testid="child-save">
            保存
          </Button>
          <Button onClick={onCancel} disabled={saving}>
            取消
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
