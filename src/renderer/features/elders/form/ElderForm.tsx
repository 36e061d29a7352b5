import { Flex } from 'antd';
import { elderInput } from '../../../../shared/contract';
import { useLedgerMutation } from '../../../api';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useRegisterForm } from '../../people/useRegisterForm';
import '../elders.css';
import { formToInput, type ElderFormValues } from './formValues';
import { BasicSection } from './sections/BasicSection';
import { CareSection } from './sections/CareSection';
import { EconomicsSection } from './sections/EconomicsSection';
import { GroupsSection } from './sections/GroupsSection';
import { NotesSection } from '../../people/NotesSection';
import { VisitSection } from './sections/VisitSection';
import { LedgerForm } from '../../../ui/LedgerForm';

interface ElderFormProps {
  /** Set when editing: the record's id. */
  elderId?: string;
  initialValues: ElderFormValues;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function ElderForm({ elderId, initialValues, onSaved, onCancel }: ElderFormProps) {
  const create = useLedgerMutation('elders.create');
  const update = useLedgerMutation('elders.update');
  const { form, saving, problem, save, duplicateId, setDuplicateId } = useRegisterForm({
    parse: (values) => elderInput.safeParse(formToInput(values)),
    write: (elder) => (elderId ? update.mutateAsync({ id: elderId, elder }) : create.mutateAsync(elder)),
    wrapper: 'elder',
    onSaved,
  });

  return (
    <LedgerForm<Record<string, unknown>>
      form={form}
      name="elder"
      layout="vertical"
      initialValues={initialValues}
      scrollToFirstError={false}
      className="elder-form"
      requiredMark
    >
      <Flex vertical gap={16}>
        <ProblemAlert problem={problem} testId="elder-form-problem" />
        <BasicSection elderId={elderId} duplicateId={duplicateId} onDuplicate={setDuplicateId} />
        <GroupsSection />
        <CareSection />
        <EconomicsSection />
        <VisitSection followSuggestion={!elderId && initialValues.riskTier === undefined} />
        <NotesSection />
        {/* Not a submit button: Enter in a field (a typed date) must not save the whole form. */}
        <FormActions saving={saving} testId="elder-save" onSave={() => void save()} onCancel={onCancel} />
      </Flex>
    </LedgerForm>
  );
}
