import { Flex } from 'antd';
import { womanInput } from '../../../../shared/contract';
import { useLedgerMutation } from '../../../api';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useRegisterForm } from '../../people/useRegisterForm';
import '../women.css';
import { formToInput, type WomanFormValues } from './formValues';
import { BasicSection } from './sections/BasicSection';
import { FamilySection } from './sections/FamilySection';
import { HusbandSection } from './sections/HusbandSection';
import { RegisterSection } from './sections/RegisterSection';
import { LedgerForm } from '../../../ui/LedgerForm';

interface WomanFormProps {
  /** Set when editing: the record's id. */
  womanId?: string;
  initialValues: WomanFormValues;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function WomanForm({ womanId, initialValues, onSaved, onCancel }: WomanFormProps) {
  const create = useLedgerMutation('women.create');
  const update = useLedgerMutation('women.update');
  const { form, saving, problem, save, duplicateId, setDuplicateId } = useRegisterForm({
    parse: (values) => womanInput.safeParse(formToInput(values)),
    write: (woman) => (womanId ? update.mutateAsync({ id: womanId, woman }) : create.mutateAsync(woman)),
    wrapper: 'woman',
    onSaved,
  });

  return (
    <LedgerForm<Record<string, unknown>>
      form={form}
      name="woman"
      layout="vertical"
      initialValues={initialValues}
      scrollToFirstError={false}
      className="woman-form"
      requiredMark
    >
      <Flex vertical gap={16}>
        <ProblemAlert problem={problem} testId="woman-form-problem" />
        <BasicSection womanId={womanId} duplicateId={duplicateId} onDuplicate={setDuplicateId} />
        <HusbandSection />
        <FamilySection />
        <RegisterSection />
        {/* Not a submit button: Enter confirming a typed date must not save the whole form. */}
        <FormActions saving={saving} testId="woman-save" onSave={() => void save()} onCancel={onCancel} />
      </Flex>
    </LedgerForm>
  );
}
