import { Alert, Button, Flex, Form } from 'antd';
import { childInput } from '../../../../shared/contract';
import { mandatoryReportReasons } from '../../../../shared/domain/children';
import { useLedgerMutation } from '../../../api';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useRegisterForm } from '../../people/useRegisterForm';
import { formToInput, type ChildFormValues } from './formValues';
import { BasicSection } from './sections/BasicSection';
import { CategoriesSection } from './sections/CategoriesSection';
import { FamilySection } from './sections/FamilySection';
import { GuardianshipSection } from './sections/GuardianshipSection';
import { HealthSchoolingSection } from './sections/HealthSchoolingSection';
import { NotesSection } from '../../people/NotesSection';
import { ReportSection } from './sections/ReportSection';
import { LedgerForm } from '../../../ui/LedgerForm';

interface ChildFormProps {
  /** Set when editing: the record's id. */
  childId?: string;
  initialValues: ChildFormValues;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function ChildForm({ childId, initialValues, onSaved, onCancel }: ChildFormProps) {
  const create = useLedgerMutation('children.create');
  const update = useLedgerMutation('children.update');
  const { form, saving, problem, save, duplicateId, setDuplicateId } = useRegisterForm({
    parse: (values) => childInput.safeParse(formToInput(values)),
    write: (child) => (childId ? update.mutateAsync({ id: childId, child }) : create.mutateAsync(child)),
    // children.update names fields under `child.`; children.create names them bare.
    wrapper: 'child',
    onSaved,
  });
  const guardianshipType = Form.useWatch<string | undefined>('guardianshipType', form);
  const schooling = Form.useWatch<string | undefined>('schooling', form);
  const reportReasons = mandatoryReportReasons({ guardianshipType: guardianshipType ?? null, schooling: schooling ?? null });

  return (
    <LedgerForm<Record<string, unknown>>
      form={form}
      name="child"
      layout="vertical"
      initialValues={initialValues}
      scrollToFirstError={false}
      className="child-form"
      requiredMark
    >
      <Flex vertical gap={16}>
        <ProblemAlert problem={problem} testId="child-form-problem" />
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
        {/* Not a submit button: Enter confirming a typed date must not save the whole form. */}
        <FormActions saving={saving} testId="child-save" onSave={() => void save()} onCancel={onCancel} />
      </Flex>
    </LedgerForm>
  );
}
